/** Enrolls this device with the one-time code a librarian created on the collector. */
import { useState } from 'preact/hooks';
import { MAX_DEVICE_NAME_LENGTH } from '../../shared/contract/constants';
import { useLanguage } from '../i18n/context';

/** Resolves null on success, or a stable failure code the form translates. */
export type EnrollAttempt = (
  code: string,
  deviceName: string | undefined,
) => Promise<string | null>;

export function EnrollForm(props: { initialCode?: string; enroll: EnrollAttempt }) {
  const { t } = useLanguage();
  const [code, setCode] = useState(props.initialCode ?? '');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  return (
    <form
      class="enroll-form"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setFailure(null);
        const result = await props
          .enroll(code, name.trim() || undefined)
          .finally(() => setBusy(false));
        setFailure(result);
        setDone(result === null);
      }}
    >
      <label class="field">
        <span>{t('staff.enroll.code')}</span>
        <input
          class="text-input"
          name="code"
          required
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          value={code}
          onInput={(event) => setCode((event.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <label class="field">
        <span>{t('staff.enroll.deviceName')}</span>
        <input
          class="text-input"
          name="deviceName"
          maxLength={MAX_DEVICE_NAME_LENGTH}
          autocomplete="off"
          value={name}
          onInput={(event) => setName((event.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <button type="submit" class="button button-primary button-large" disabled={busy}>
        {t('staff.enroll.submit')}
      </button>
      {failure && (
        <p class="alert alert-info" role="alert">
          {t(`staff.enroll.errors.${failure}`, { defaultValue: t('staff.enroll.errors.unknown') })}
        </p>
      )}
      {done && (
        <p class="alert alert-info" role="status">
          {t('staff.enroll.done')}
        </p>
      )}
    </form>
  );
}
