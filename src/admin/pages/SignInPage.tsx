/**
 * Signing in with email and password. Says why the reader is here (their session ended,
 * they signed out) and, when sign-in is refused, why: wrong details, too many attempts
 * (with the minutes to wait), or no connection to the collector.
 */
import { useState } from 'preact/hooks';
import type { StaffSession } from '../../shared/contract/staff';
import { ApiCallError, api } from '../api';
import { LanguagePicker } from '../components/LanguagePicker';
import { useLanguage } from '../context';
import { errorText } from '../errors';

export function SignInPage(props: {
  reason?: 'ended' | 'signed-out' | undefined;
  error?: unknown;
  onSignedIn: (session: StaffSession) => void;
}) {
  const { t } = useLanguage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(props.error);

  const submit = (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    api.signIn({ email: email.trim(), password }).then(
      (session) => {
        setPassword('');
        props.onSignedIn(session);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };

  const refused =
    error instanceof ApiCallError &&
    (error.code === 'unauthorized' || error.code === 'bad-request');
  return (
    <div class="auth-page">
      <header class="auth-header">
        <p class="brand">{t('app.name')}</p>
        <LanguagePicker />
      </header>
      <main id="main" class="auth-card">
        <h1>{t('signIn.title')}</h1>
        {props.reason === 'ended' ? (
          <p class="notice">{t('signIn.sessionEnded')}</p>
        ) : props.reason === 'signed-out' ? (
          <p class="notice">{t('signIn.signedOut')}</p>
        ) : null}
        <form onSubmit={submit} class="stack" noValidate={false}>
          <label class="field">
            <span>{t('signIn.email')}</span>
            <input
              type="email"
              name="email"
              autocomplete="username"
              required
              value={email}
              onInput={(event) => setEmail(event.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span>{t('signIn.password')}</span>
            <input
              type="password"
              name="password"
              autocomplete="current-password"
              required
              value={password}
              onInput={(event) => setPassword(event.currentTarget.value)}
            />
          </label>
          <div role="alert" class="form-error">
            {error !== undefined ? (refused ? t('signIn.refused') : errorText(t, error)) : null}
          </div>
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? t('signIn.busy') : t('signIn.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
