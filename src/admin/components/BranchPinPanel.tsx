/**
 * The staff PIN of each branch, for network administrators: whether one is set, a form to
 * set a new one (4–8 digits) and a way to clear it. The collector stores only its hash; the
 * branch's kiosks and tablets receive that with their next configuration and check the PIN
 * offline. Branch staff do not see this panel (the collector refuses them the change too).
 */
import { useState } from 'preact/hooks';
import { STAFF_PIN_PATTERN } from '../../shared/contract/staff-pin';
import { api } from '../api';
import { useLanguage, useSignedIn } from '../context';
import { errorText } from '../errors';
import { BranchSelect } from './BranchSelect';

type Outcome = { kind: 'set' | 'cleared'; branch: string } | { kind: 'error'; error: unknown };

export function BranchPinPanel() {
  const { t } = useLanguage();
  const { branches, refresh } = useSignedIn();
  const [branchId, setBranchId] = useState(branches[0]?.id ?? '');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const branch = branches.find((b) => b.id === branchId);
  const valid = STAFF_PIN_PATTERN.test(pin);

  const change = (next: string | null) => {
    if (!branch) return;
    setBusy(true);
    setOutcome(undefined);
    api.setBranchStaffPin(branch.id, next).then(
      () => {
        setBusy(false);
        setPin('');
        setOutcome({ kind: next === null ? 'cleared' : 'set', branch: branch.name });
        refresh();
      },
      (error: unknown) => {
        setBusy(false);
        setOutcome({ kind: 'error', error });
      },
    );
  };

  return (
    <section class="panel" aria-labelledby="staff-pin-heading">
      <h2 id="staff-pin-heading">{t('branches.pin.title')}</h2>
      <p>{t('branches.pin.intro')}</p>
      <table class="data compact">
        <caption class="visually-hidden">{t('branches.pin.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('devices.branch')}</th>
            <th scope="col">{t('branches.pin.state')}</th>
          </tr>
        </thead>
        <tbody>
          {branches.map((b) => (
            <tr key={b.id}>
              <th scope="row">{b.name}</th>
              <td>{b.staffPin ? t('branches.pin.isSet') : t('branches.pin.notSet')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) change(pin);
        }}
      >
        <div class="inline-form">
          <BranchSelect
            id="pin-branch"
            name="branch"
            label={t('devices.branch')}
            branches={branches}
            value={branchId}
            onChange={setBranchId}
          />
          <div class="field">
            <label for="pin-new">{t('branches.pin.newPin')}</label>
            <input
              type="password"
              id="pin-new"
              name="pin"
              inputMode="numeric"
              autocomplete="new-password"
              minLength={4}
              maxLength={8}
              pattern="[0-9]{4,8}"
              required
              aria-describedby="pin-hint"
              value={pin}
              onInput={(e) => setPin(e.currentTarget.value.trim())}
            />
          </div>
        </div>
        <p id="pin-hint" class="hint-below">
          {t('branches.pin.hint')}
        </p>
        <div class="inline-form">
          <button type="submit" class="button primary" disabled={busy || !branch || !valid}>
            {t('branches.pin.set')}
          </button>
          <button
            type="button"
            class="button"
            disabled={busy || !branch?.staffPin}
            onClick={() => change(null)}
          >
            {t('branches.pin.clear')}
          </button>
        </div>
        <div role="status" aria-live="polite">
          {outcome?.kind === 'error' ? (
            <p class="status-error">{errorText(t, outcome.error)}</p>
          ) : outcome ? (
            <p class="notice">
              {t(outcome.kind === 'set' ? 'branches.pin.saved' : 'branches.pin.cleared', {
                branch: outcome.branch,
              })}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
