/**
 * Refused responses saved to a file (the same format as waiting ones, marked refused, with
 * the collector's reason for each), then removed from the device after a confirmation that
 * says how many. Only the responses that went into the file are removed, never one refused
 * since.
 */
import { useState } from 'preact/hooks';
import { useLanguage } from '../i18n/context';
import { discardRefused, refusedForFile } from '../store';
import { responseFileText } from './response-file-text';
import { type SaveMethod, saveFile } from './save-file';

type Step =
  | { kind: 'idle' }
  | { kind: 'saved'; ids: string[]; name: string; method: SaveMethod }
  | { kind: 'confirming'; ids: string[] }
  | { kind: 'discarded'; count: number }
  | { kind: 'failed' };

export function RefusedToFile() {
  const { t } = useLanguage();
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  async function save() {
    setBusy(true);
    try {
      const records = await refusedForFile();
      if (records.responses.length === 0) return;
      const { name, text } = await responseFileText('refused', records);
      const method = await saveFile(text, name);
      setStep({ kind: 'saved', ids: records.responses.map((r) => r.id), name, method });
    } catch (error) {
      console.error('saving the refused responses to a file failed', error);
      setStep({ kind: 'failed' });
    } finally {
      setBusy(false);
    }
  }

  async function discard(ids: string[]) {
    setBusy(true);
    try {
      setStep({ kind: 'discarded', count: await discardRefused(ids) });
    } catch (error) {
      console.error('discarding the refused responses failed', error);
      setStep({ kind: 'failed' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="refused-file">
      <button type="button" class="button" disabled={busy} onClick={save}>
        {t('staff.refused.save')}
      </button>
      <div role="status">
        {step.kind === 'saved' && (
          <p class="alert alert-info">
            {t('staff.refused.saved', { count: step.ids.length, file: step.name })}{' '}
            {step.method === 'opened' && t('staff.export.opened')}
          </p>
        )}
        {step.kind === 'discarded' && (
          <p class="alert alert-info">{t('staff.refused.discarded', { count: step.count })}</p>
        )}
      </div>
      {step.kind === 'failed' && (
        <p class="alert alert-info" role="alert">
          {t('staff.refused.failed')}
        </p>
      )}
      {step.kind === 'saved' && (
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={() => setStep({ kind: 'confirming', ids: step.ids })}
        >
          {t('staff.refused.discard', { count: step.ids.length })}
        </button>
      )}
      {step.kind === 'confirming' && (
        <div
          class="alert alert-info"
          role="alertdialog"
          aria-modal="false"
          aria-labelledby="refused-confirm"
        >
          <p id="refused-confirm">{t('staff.refused.confirm', { count: step.ids.length })}</p>
          <div class="confirm-actions">
            <button
              type="button"
              class="button button-primary"
              disabled={busy}
              ref={(button) => button?.focus()}
              onClick={() => discard(step.ids)}
            >
              {t('staff.refused.confirmYes')}
            </button>
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => setStep({ kind: 'idle' })}
            >
              {t('staff.refused.confirmNo')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
