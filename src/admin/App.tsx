/**
 * The dashboard's frame: who is signed in (asked once at start), the sign-in and first
 * administrator screens, and once signed in the header, the page of the route and the
 * branches and surveys every page reads. A 401 from any call returns to sign-in with a
 * message; the hash is kept, so signing in again opens the page that was asked for.
 */
import type { ComponentType } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { StaffSession } from '../shared/contract/staff';
import type { Language } from '../shared/languages';
import { api, onSessionEnded } from './api';
import { Layout } from './components/Layout';
import { Status } from './components/Status';
import { LanguageProvider, type SignedIn, SignedInProvider, useLanguage } from './context';
import { rememberLanguage, switchLanguage } from './i18n';
import { SetupPage } from './pages/SetupPage';
import { SignInPage } from './pages/SignInPage';
import { type Page, parseRoute, type Route, routeHash } from './route';
import { useLoad } from './use-load';

function useRoute(): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return useMemo(() => parseRoute(hash), [hash]);
}

export function App(props: { initialLanguage: Language }) {
  const [language, setLanguageState] = useState(props.initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    void switchLanguage(next).then(() => {
      try {
        rememberLanguage(localStorage, next);
      } catch {
        // Storage refused: the choice lasts this visit.
      }
      setLanguageState(next);
    });
  }, []);
  return (
    <LanguageProvider language={language} setLanguage={setLanguage}>
      <Signed />
    </LanguageProvider>
  );
}

type SessionState =
  | { state: 'asking' }
  | { state: 'out'; reason?: 'ended' | 'signed-out'; error?: unknown }
  | { state: 'in'; session: StaffSession };

function Signed() {
  const { t } = useLanguage();
  const route = useRoute();
  const [session, setSession] = useState<SessionState>({ state: 'asking' });

  useEffect(() => {
    onSessionEnded(() => setSession({ state: 'out', reason: 'ended' }));
    api.session().then(
      (current) => setSession(current ? { state: 'in', session: current } : { state: 'out' }),
      (error: unknown) => setSession({ state: 'out', error }),
    );
  }, []);

  const signedIn = useCallback(
    (current: StaffSession) => setSession({ state: 'in', session: current }),
    [],
  );
  const signedOut = useCallback(() => setSession({ state: 'out', reason: 'signed-out' }), []);

  if (route.page === 'setup') {
    return (
      <SetupPage
        token={route.token}
        onDone={(current) => {
          signedIn(current);
          location.hash = routeHash('overview');
        }}
      />
    );
  }
  switch (session.state) {
    case 'asking':
      return (
        <main class="centered-page">
          <Status loading={true} label={t('status.loading')} />
        </main>
      );
    case 'out':
      return <SignInPage reason={session.reason} error={session.error} onSignedIn={signedIn} />;
    case 'in':
      return <SignedInFrame session={session.session} route={route} onSignedOut={signedOut} />;
  }
}

function SignedInFrame(props: { session: StaffSession; route: Route; onSignedOut: () => void }) {
  const { t } = useLanguage();
  const { session, route } = props;
  const [lists, reload] = useLoad(
    () => Promise.all([api.branches(), api.surveys()]),
    session.user.email,
  );

  const value = useMemo((): SignedIn | undefined => {
    if (!lists.data) return undefined;
    const [branches, surveys] = lists.data;
    const names = new Map(branches.branches.map((b) => [b.id, b.name]));
    return {
      session,
      isAdmin: session.user.role === 'admin',
      branches: branches.branches,
      surveys: surveys.surveys,
      branchName: (id) => names.get(id) ?? id,
      route,
      navigate: (page: Page, query?: URLSearchParams) => {
        location.hash = routeHash(page, query);
      },
      refresh: reload,
    };
  }, [lists.data, session, route, reload]);

  if (!value) {
    return (
      <main class="centered-page">
        <Status
          loading={lists.state === 'loading'}
          error={lists.state === 'error' ? lists.error : undefined}
          label={t('status.loading')}
          onRetry={reload}
        />
      </main>
    );
  }
  return (
    <SignedInProvider value={value}>
      <Layout onSignedOut={props.onSignedOut}>
        <PageOf page={route.page} />
      </Layout>
    </SignedInProvider>
  );
}

/**
 * Each page is its own chunk, loaded when first shown: sign-in paints without them, and
 * the statistics (Questions, Compare) and Plot load only where they are used.
 */
const PAGE_MODULES: Record<Page, () => Promise<ComponentType>> = {
  overview: () => import('./pages/OverviewPage').then((m) => m.OverviewPage),
  questions: () => import('./pages/QuestionsPage').then((m) => m.QuestionsPage),
  compare: () => import('./pages/ComparePage').then((m) => m.ComparePage),
  comments: () => import('./pages/CommentsPage').then((m) => m.CommentsPage),
  devices: () => import('./pages/DevicesPage').then((m) => m.DevicesPage),
  surveys: () => import('./pages/SurveysPage').then((m) => m.SurveysPage),
  posters: () => import('./pages/PostersPage').then((m) => m.PostersPage),
  exports: () => import('./pages/ExportsPage').then((m) => m.ExportsPage),
};

function PageOf(props: { page: Route['page'] }) {
  const { t } = useLanguage();
  const page: Page = props.page === 'setup' ? 'overview' : props.page;
  const [loaded, reload] = useLoad(PAGE_MODULES[page], page);
  if (loaded.state === 'ok') {
    const Component = loaded.data;
    return <Component />;
  }
  return (
    <Status
      loading={loaded.state === 'loading'}
      error={loaded.state === 'error' ? loaded.error : undefined}
      label={t('status.loading')}
      onRetry={reload}
    />
  );
}
