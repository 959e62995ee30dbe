/**
 * "Save waiting responses to a file": for a device that cannot reach the collector for days
 * (a bookmobile), staff carry what waits home on a file for a librarian to import. Saving
 * removes nothing: the responses stay queued until the collector acknowledges them by sync,
 * and the collector stores each once, however it arrives.
 */
import { useState } from 'preact/hooks';
import { useLanguage } from '../i18n/context';
import { waitingForFile } from '../store';
import { maxFileResponses, responseFileText } from './response-file-text';
import { type SaveMethod, saveFile } from './save-file';

type Outcome =
  | { kind: 'saved'; count: number; name: string; method: SaveMethod }
  | { kind: 'nothing' }
  | { kind: 'failed' };

export function SaveToFile(props: { waiting: number }) {
  const { t } = useLanguage();
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);

  async function save() {
    setSaving(true);
    setOutcome(undefined);
    try {
      const records = await waitingForFile(await maxFileResponses());
      if (records.responses.length === 0) {
        setOutcome({ kind: 'nothing' });
        return;
      }
      const { name, text } = await responseFileText('waiting', records);
      const method = await saveFile(text, name);
      setOutcome({ kind: 'saved', count: records.responses.length, name, method });
    } catch (error) {
      console.error('saving the waiting responses to a file failed', error);
      setOutcome({ kind: 'failed' });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section aria-labelledby="staff-export">
      <h2 id="staff-export">{t('staff.export.title')}</h2>
      <p>{t('staff.export.explanation')}</p>
      <button
        type="button"
        class="button button-large"
        disabled={saving || props.waiting === 0}
        onClick={save}
      >
        {saving ? t('staff.export.saving') : t('staff.export.save')}
      </button>
      <div role="status">
        {outcome?.kind === 'saved' && (
          <p class="alert alert-info">
            {t('staff.export.saved', { count: outcome.count, file: outcome.name })}{' '}
            {outcome.method === 'opened' && t('staff.export.opened')}
          </p>
        )}
        {outcome?.kind === 'nothing' && <p class="alert alert-info">{t('staff.export.nothing')}</p>}
      </div>
      {outcome?.kind === 'failed' && (
        <p class="alert alert-info" role="alert">
          {t('staff.export.failed')}
        </p>
      )}
    </section>
  );
}
