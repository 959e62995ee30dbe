/**
 * The first network administrator, from the one-time link the collector printed on its
 * first start (#setup=<token>): email and a password typed twice, at least
 * MIN_PASSWORD_LENGTH characters.
 */
import { useState } from 'preact/hooks';
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  type StaffSession,
} from '../../shared/contract/staff';
import { ApiCallError, api } from '../api';
import { LanguagePicker } from '../components/LanguagePicker';
import { useLanguage } from '../context';
import { errorText } from '../errors';

export function SetupPage(props: { token: string; onDone: (session: StaffSession) => void }) {
  const { t } = useLanguage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const submit = (event: Event) => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) {
      setProblem(t('setup.tooShort', { count: MIN_PASSWORD_LENGTH }));
      return;
    }
    if (password !== again) {
      setProblem(t('setup.mismatch'));
      return;
    }
    setBusy(true);
    setProblem(undefined);
    api
      .firstAdmin({ token: props.token, email: email.trim(), password })
      .then(props.onDone, (error) => {
        setBusy(false);
        const linkUsed =
          error instanceof ApiCallError &&
          [
            'unauthorized',
            'forbidden',
            'not-found',
            'code-used',
            'code-expired',
            'code-invalid',
          ].includes(error.code);
        setProblem(linkUsed ? t('setup.linkInvalid') : errorText(t, error));
      });
  };

  return (
    <div class="auth-page">
      <header class="auth-header">
        <p class="brand">{t('app.name')}</p>
        <LanguagePicker />
      </header>
      <main id="main" class="auth-card">
        <h1>{t('setup.title')}</h1>
        <p>{t('setup.intro')}</p>
        <form onSubmit={submit} class="stack">
          <label class="field">
            <span>{t('signIn.email')}</span>
            <input
              type="email"
              autocomplete="username"
              required
              value={email}
              onInput={(event) => setEmail(event.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span>{t('setup.password')}</span>
            <input
              type="password"
              autocomplete="new-password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              maxLength={MAX_PASSWORD_LENGTH}
              aria-describedby="password-rule"
              value={password}
              onInput={(event) => setPassword(event.currentTarget.value)}
            />
          </label>
          <p id="password-rule" class="hint">
            {t('setup.passwordRule', { count: MIN_PASSWORD_LENGTH })}
          </p>
          <label class="field">
            <span>{t('setup.passwordAgain')}</span>
            <input
              type="password"
              autocomplete="new-password"
              required
              value={again}
              onInput={(event) => setAgain(event.currentTarget.value)}
            />
          </label>
          <div role="alert" class="form-error">
            {problem ?? null}
          </div>
          <button type="submit" class="button primary" disabled={busy}>
            {t('setup.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
