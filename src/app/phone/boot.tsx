/**
 * Starts phone mode: a visitor's phone on `/s/<token>`, with nothing installed and nothing
 * enrolled. It reads the link (or what it knew of it, with no signal), then shows the
 * survey, or a notice: closed, not valid, already answered. Anything this phone queued for
 * the link before (answered with no signal, then the tab closed) is sent at once.
 *
 * A phone that has no database of the app yet (its first visit) has nothing to resume,
 * nothing answered and nothing to send: it starts from the link and package in the page
 * without waiting for storage to be made, and keeps them in the store once its screen is up
 * (the first answer's save waits for that store as every save does).
 */
import { render } from 'preact';
import { DEFAULT_KIOSK_OPTIONS } from '../../shared/contract/constants';
import { SOURCE_LANGUAGE } from '../../shared/languages';
import { afterFirstScreen } from '../after-first-screen';
import { addSurveyTexts, prepareLanguage, switchLanguage } from '../i18n/i18n';
import { KioskApp } from '../kiosk/KioskApp';
import { startingState } from '../kiosk/resume-policy';
import { type KioskPlace, welcome } from '../kiosk/session';
import { startServiceWorker } from '../pwa/updates';
import {
  answeredLinkAt,
  cacheLink,
  cacheSurvey,
  noDatabaseYet,
  preloadMasking,
  requestPersistentStorage,
} from '../store';
import {
  browserSyncDeps,
  createSyncEngine,
  type LinkStore,
  linkSurvey,
  linkTarget,
  readPublicLink,
  type SyncEngine,
  sendAfterSubmit,
} from '../sync';
import { reportWelcomeScreen } from '../welcome-moment';
import { forgetEarlyStart, replayEarlyStart } from './early-start';
import { phoneLanguage } from './language';
import { PhoneNotice } from './PhoneNotice';
import { pageReplies, withPageReplies } from './page-replies';
import { phoneLinkToken } from './route';
import { type PhoneScreen, phoneScreen } from './screen';

/**
 * A phone's unfinished survey is resumed for this long: a visitor may answer half on the
 * bus and the rest at home. A kiosk closes a draft after its idle time instead.
 */
const PHONE_DRAFT_KEPT_SECONDS = 7 * 24 * 60 * 60;

// A new version of the app waits for the welcome screen, as on a kiosk.
const onPlace = (place: KioskPlace) => reportWelcomeScreen(place.stage === 'welcome');

/**
 * The store of a phone with no database yet: it holds nothing to read, and its writes wait
 * in `later` until the first screen is up.
 */
function firstVisitStore(later: (() => Promise<unknown>)[]): LinkStore {
  return {
    cachedLink: async () => undefined,
    cachedSurvey: async () => undefined,
    cacheLink: async (...args) => void later.push(() => cacheLink(...args)),
    cacheSurvey: async (...args) => void later.push(() => cacheSurvey(...args)),
  };
}

/** Runs a first visit's kept writes in order; a failure is the next save's to report. */
async function keepAll(writes: readonly (() => Promise<unknown>)[]): Promise<void> {
  try {
    for (const write of writes) await write();
  } catch (error) {
    console.error('the link could not be kept', error);
  }
}

export async function bootPhone(root: HTMLElement): Promise<void> {
  // Asked before anything opens the database (which makes it).
  const firstVisit = await noDatabaseYet();
  const later: (() => Promise<unknown>)[] = [];
  const askPersistence = () => void requestPersistentStorage().catch(() => false);
  if (!firstVisit) askPersistence();
  const language = phoneLanguage(navigator.languages, SOURCE_LANGUAGE);
  let sync: SyncEngine | undefined;
  /**
   * Once a screen is up, and the browser idle (a Start tapped early has brought the next
   * screen): a first visit's store is made and what it read kept, then sync starts. The
   * masking module loads then too, while the phone has the signal it opened the link with
   * (its chunk is the phone's own, which the service worker does not keep).
   */
  const settled = () => {
    if (firstVisit) {
      afterFirstScreen(() => {
        askPersistence();
        void keepAll(later).then(() => sync?.start());
      });
    }
    afterFirstScreen(() => {
      startServiceWorker();
      void preloadMasking();
    });
  };
  const notice = async (kind: Exclude<PhoneScreen['kind'], 'survey'>) => {
    await prepareLanguage(language, '');
    document.documentElement.lang = language;
    render(<PhoneNotice kind={kind} language={language} onRetry={() => location.reload()} />, root);
    forgetEarlyStart();
    settled();
  };

  const token = phoneLinkToken(location.pathname);
  if (!token) return notice('invalid');
  const deps = browserSyncDeps();
  const engine = createSyncEngine({ ...deps, target: linkTarget(token) });
  sync = engine;
  // Whatever the link's state: what waits for it is sent, or kept as refused if it closed.
  // A first visit has nothing waiting; its sync starts once its screen is up.
  if (!firstVisit) engine.start();
  const store = firstVisit ? firstVisitStore(later) : undefined;

  // The link's state and its survey's package come in the page when the collector served it.
  const first = withPageReplies(deps, pageReplies(document));
  const [read, answeredAt] = await Promise.all([
    readPublicLink(first, token, store),
    firstVisit ? undefined : answeredLinkAt(token),
  ]);
  const known =
    read.kind === 'read' ? read.link : read.kind === 'unreachable' ? read.cached : undefined;
  const pkg =
    known?.state === 'open' && answeredAt === undefined
      ? await linkSurvey(first, known.survey, store)
      : undefined;
  const screen = phoneScreen({
    read,
    answered: answeredAt !== undefined,
    surveyLoaded: pkg !== undefined,
  });
  if (screen.kind !== 'survey') return notice(screen.kind);
  if (!pkg) return notice('unreachable');

  const { translations, ...survey } = pkg;
  await addSurveyTexts(survey.id, translations);
  const kioskOptions = { ...DEFAULT_KIOSK_OPTIONS, defaultLocale: language };
  const initial = firstVisit
    ? welcome(language)
    : await startingState({
        survey,
        kioskOptions: {
          defaultLocale: language,
          idleTimeoutSeconds: PHONE_DRAFT_KEPT_SECONDS,
          idleWarningSeconds: 0,
        },
        // Another link's unfinished survey is that link's; it waits for its own page.
        owns: (draft) => draft.link === token,
      });
  await switchLanguage(initial.language, survey.id);
  render(
    <KioskApp
      survey={survey}
      kioskOptions={kioskOptions}
      initial={initial}
      onSubmitted={() => void sendAfterSubmit(engine, token)}
      onPlace={onPlace}
      phone={{ token, branchId: screen.link.branch.id }}
    />,
    root,
  );
  // A tap on the collector's Start (written into the page) before now is the visitor's.
  replayEarlyStart(root);
  settled();
}
