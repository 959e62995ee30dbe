/**
 * The frame of every signed-in page: a skip link, the header (the dashboard's name, the
 * pages, who is signed in and for which branch, the language, signing out) and the main
 * region. When the page changes, focus moves to its heading so it is read out.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { useLanguage, useSignedIn } from '../context';
import { errorText } from '../errors';
import { FILTER_KEYS } from '../filters';
import { PAGES, type Page, routeHash } from '../route';
import { LanguagePicker } from './LanguagePicker';

/** Pages that read the results filters: moving between them keeps the filters. */
const RESULTS_PAGES: ReadonlySet<Page> = new Set([
  'overview',
  'questions',
  'compare',
  'comments',
  'exports',
]);

export function Layout(props: { onSignedOut: () => void; children: ComponentChildren }) {
  const { t } = useLanguage();
  const { session, route, branchName } = useSignedIn();
  const main = useRef<HTMLElement>(null);
  const [signOutError, setSignOutError] = useState<unknown>();
  const firstPage = useRef(true);

  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    // The page is its own chunk: in the render the route changed in it says it is loading,
    // and its heading comes when the chunk has loaded (App.tsx, PageOf), after this effect.
    const region = main.current;
    if (!region) return;
    // Focus is left where it was taken to meanwhile (a person tabbing on while it loads).
    const focused = document.activeElement;
    const focusHeading = () => {
      const heading = region.querySelector<HTMLElement>('h1');
      const moved = document.activeElement !== focused && document.activeElement !== document.body;
      if (heading && !moved) heading.focus();
      return heading !== null;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(region, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [route.page]);

  const filtersOnly = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    for (const value of route.query.getAll(key)) filtersOnly.append(key, value);
  }

  const signOut = (everywhere: boolean) => {
    setSignOutError(undefined);
    (everywhere ? api.signOutEverywhere() : api.signOut()).then(props.onSignedOut, (error) => {
      // Already signed out is signed out.
      if ((error as { status?: number }).status === 401) props.onSignedOut();
      else setSignOutError(error);
    });
  };

  const { user } = session;
  return (
    <div class="frame">
      {/* A button, not a link to #main: the hash is the route. */}
      <button type="button" class="skip-link" onClick={() => main.current?.focus()}>
        {t('nav.skip')}
      </button>
      <header class="topbar">
        <div class="topbar-row">
          <p class="brand">{t('app.name')}</p>
          <div class="account">
            <p class="who">
              <span class="who-email">{user.email}</span>{' '}
              <span class="muted">
                {user.role === 'admin'
                  ? t('account.admin')
                  : t('account.branchStaff', { branch: branchName(user.branchId ?? '') })}
              </span>
            </p>
            <LanguagePicker />
            <button type="button" class="button small" onClick={() => signOut(false)}>
              {t('account.signOut')}
            </button>
            <button type="button" class="button small quiet" onClick={() => signOut(true)}>
              {t('account.signOutEverywhere')}
            </button>
          </div>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul class="nav">
            {PAGES.map((page) => (
              <li key={page}>
                <a
                  href={routeHash(page, RESULTS_PAGES.has(page) ? filtersOnly : undefined)}
                  aria-current={route.page === page ? 'page' : undefined}
                >
                  {t(`nav.${page}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {signOutError !== undefined ? (
          <p class="status-error" role="alert">
            {errorText(t, signOutError)}
          </p>
        ) : null}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {props.children}
      </main>
    </div>
  );
}
