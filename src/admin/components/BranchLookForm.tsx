/**
 * For administrators: a branch's opening hours and its look on the kiosks' welcome screen
 * (display name, logo, accent colour). Checked here first with the collector's own rules
 * (the hours parser, the 4.5:1 contrast, the logo's size and type), so the librarian reads
 * what is wrong in their language; the collector checks again.
 */
import { useState } from 'preact/hooks';
import type { SetBranchLookRequest } from '../../shared/contract/admin';
import {
  contrastRatio,
  MIN_ACCENT_CONTRAST,
  normaliseHexColour,
} from '../../shared/kiosk/contrast';
import { parseOpeningHours } from '../../shared/kiosk/opening-hours';
import { api } from '../api';
import { type Branch, useLanguage } from '../context';
import { errorText } from '../errors';
import { BranchSelect } from './BranchSelect';

/** The collector's limit on a logo (server/branding/logo.ts). */
const MAX_LOGO_BYTES = 200 * 1024;
const LOGO_TYPES = ['image/png', 'image/svg+xml'];

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

type Problem = { field: 'hours' | 'accent' | 'logo'; text: string };

export function BranchLookForm(props: { branches: Branch[]; onChanged: () => void }) {
  const { t, language } = useLanguage();
  const [branchId, setBranchId] = useState(props.branches[0]?.id ?? '');
  const branch = props.branches.find((b) => b.id === branchId);
  const [hours, setHours] = useState(branch?.hours ?? '');
  const [displayName, setDisplayName] = useState(branch?.look?.displayName ?? '');
  const [accent, setAccent] = useState(branch?.look?.accent ?? '');
  const [logo, setLogo] = useState<File>();
  const [removeLogo, setRemoveLogo] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [outcome, setOutcome] = useState<{ saved?: string; error?: unknown }>();

  const choose = (id: string) => {
    const next = props.branches.find((b) => b.id === id);
    setBranchId(id);
    setHours(next?.hours ?? '');
    setDisplayName(next?.look?.displayName ?? '');
    setAccent(next?.look?.accent ?? '');
    setLogo(undefined);
    setRemoveLogo(false);
    setProblem(undefined);
    setOutcome(undefined);
  };

  const check = (): Problem | undefined => {
    if (hours.trim() && !parseOpeningHours(hours).ok) {
      return { field: 'hours', text: t('branches.hours.invalid') };
    }
    if (accent.trim()) {
      const colour = normaliseHexColour(accent);
      if (!colour) return { field: 'accent', text: t('branches.look.accentInvalid') };
      const ratio = contrastRatio(colour, '#ffffff');
      if (ratio < MIN_ACCENT_CONTRAST) {
        const shown = new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(ratio);
        return { field: 'accent', text: t('branches.look.accentTooLight', { ratio: shown }) };
      }
    }
    if (logo && (logo.size > MAX_LOGO_BYTES || !LOGO_TYPES.includes(logo.type))) {
      return { field: 'logo', text: t('branches.look.logoRefused') };
    }
    return undefined;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!branch) return;
    const found = check();
    setProblem(found);
    setOutcome(undefined);
    if (found) return;
    setBusy(true);
    try {
      const request: SetBranchLookRequest = {
        hours: hours.trim() || null,
        displayName: displayName.trim() || null,
        accent: accent.trim() || null,
      };
      if (logo) request.logo = { base64: await readBase64(logo) };
      else if (removeLogo) request.logo = null;
      await api.setBranchLook(branch.id, request);
      setOutcome({ saved: branch.name });
      setLogo(undefined);
      setRemoveLogo(false);
      props.onChanged();
    } catch (error) {
      setOutcome({ error });
    } finally {
      setBusy(false);
    }
  };

  const describedBy = (field: Problem['field'], hint: string) =>
    problem?.field === field ? `${hint} look-problem` : hint;

  return (
    <section class="panel" aria-labelledby="branch-look-heading">
      <h2 id="branch-look-heading">{t('branches.look.title')}</h2>
      <p>{t('branches.look.intro')}</p>
      <form class="stack" onSubmit={(event) => void submit(event)}>
        <BranchSelect
          id="look-branch"
          label={t('branches.look.branch')}
          branches={props.branches}
          value={branchId}
          onChange={choose}
        />
        <div class="field">
          <label for="look-hours">{t('branches.hours.label')}</label>
          <input
            id="look-hours"
            type="text"
            value={hours}
            aria-invalid={problem?.field === 'hours'}
            aria-describedby={describedBy('hours', 'look-hours-hint')}
            onInput={(e) => setHours(e.currentTarget.value)}
          />
          <p id="look-hours-hint" class="hint-below">
            {t('branches.hours.hint')}
          </p>
        </div>
        <div class="field">
          <label for="look-name">{t('branches.look.displayName')}</label>
          <input
            id="look-name"
            type="text"
            maxLength={80}
            value={displayName}
            onInput={(e) => setDisplayName(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="look-accent">{t('branches.look.accent')}</label>
          <input
            id="look-accent"
            type="text"
            value={accent}
            placeholder="#1d4f91"
            aria-invalid={problem?.field === 'accent'}
            aria-describedby={describedBy('accent', 'look-accent-hint')}
            onInput={(e) => setAccent(e.currentTarget.value)}
          />
          <p id="look-accent-hint" class="hint-below">
            {t('branches.look.accentHint')}
          </p>
        </div>
        <div class="field">
          <label for="look-logo">{t('branches.look.logo')}</label>
          {branch?.look?.logoUrl && !removeLogo && (
            <img
              class="branch-logo-preview"
              src={branch.look.logoUrl}
              alt={t('branches.look.currentLogo')}
            />
          )}
          <input
            id="look-logo"
            type="file"
            accept="image/png,image/svg+xml"
            aria-invalid={problem?.field === 'logo'}
            aria-describedby={problem?.field === 'logo' ? 'look-problem' : undefined}
            onChange={(e) => setLogo(e.currentTarget.files?.[0])}
          />
          {branch?.look?.logoUrl && (
            <label class="inline-field">
              <input
                type="checkbox"
                checked={removeLogo}
                onChange={(e) => setRemoveLogo(e.currentTarget.checked)}
              />{' '}
              {t('branches.look.removeLogo')}
            </label>
          )}
        </div>
        <div>
          <button type="submit" class="button primary" disabled={busy || !branch}>
            {busy ? t('branches.look.saving') : t('branches.look.save')}
          </button>
        </div>
        <div role="alert">
          {problem && (
            <p id="look-problem" class="status-error">
              {problem.text}
            </p>
          )}
          {outcome?.error !== undefined && (
            <p class="status-error">{errorText(t, outcome.error)}</p>
          )}
        </div>
        <div role="status" aria-live="polite">
          {outcome?.saved && (
            <p class="notice">{t('branches.look.saved', { branch: outcome.saved })}</p>
          )}
        </div>
      </form>
    </section>
  );
}
