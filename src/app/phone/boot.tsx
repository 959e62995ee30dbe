/**
 * Starts phone mode: a visitor's phone on `/s/<token>`, with nothing installed and nothing
 * enrolled. It reads the link (or what it knew of it, with no signal), then shows the
 * survey, or a notice: closed, not valid, already answered. Anything this phone queued for
 * the link before (answered with no signal, then the tab closed) is sent at once.
 */
import { render } from 'preact';
import { DEFAULT_KIOSK_OPTIONS } from '../../shared/contract/constants';
import { SOURCE_LANGUAGE } from '../../shared/languages';
import { afterFirstScreen } from '../after-first-screen';
import { addSurveyTexts, prepareLanguage, switchLanguage } from '../i18n/i18n';
import { KioskApp } from '../kiosk/KioskApp';
import { startingState } from '../kiosk/resume-policy';
import type { KioskPlace } from '../kiosk/session';
import { startServiceWorker } from '../pwa/updates';
import { answeredLinkAt, requestPersistentStorage } from '../store';
import { browserSyncDeps, createSyncEngine, linkSurvey, linkTarget, readPublicLink } from '../sync';
import { reportWelcomeScreen } from '../welcome-moment';
import { phoneLanguage } from './language';
import { PhoneNotice } from './PhoneNotice';
import { phoneLinkToken } from './route';
import { type PhoneScreen, phoneScreen } from './screen';

/**
 * A phone's unfinished survey is resumed for this long: a visitor may answer half on the
 * bus and the rest at home. A kiosk closes a draft after its idle time instead.
 */
const PHONE_DRAFT_KEPT_SECONDS = 7 * 24 * 60 * 60;

// A new version of the app waits for the welcome screen, as on a kiosk.
const onPlace = (place: KioskPlace) => reportWelcomeScreen(place.stage === 'welcome');

export async function bootPhone(root: HTMLElement): Promise<void> {
  void requestPersistentStorage().catch(() => false);
  const language = phoneLanguage(navigator.languages, SOURCE_LANGUAGE);
  const notice = async (kind: Exclude<PhoneScreen['kind'], 'survey'>) => {
    await prepareLanguage(language, '');
    document.documentElement.lang = language;
    render(<PhoneNotice kind={kind} language={language} onRetry={() => location.reload()} />, root);
    afterFirstScreen(startServiceWorker);
  };

  const token = phoneLinkToken(location.pathname);
  if (!token) return notice('invalid');
  const deps = browserSyncDeps();
  const sync = createSyncEngine({ ...deps, target: linkTarget(token) });
  // Whatever the link's state: what waits for it is sent, or kept as refused if it closed.
  sync.start();

  const [read, answeredAt] = await Promise.all([
    readPublicLink(deps, token),
    answeredLinkAt(token),
  ]);
  const known =
    read.kind === 'read' ? read.link : read.kind === 'unreachable' ? read.cached : undefined;
  const pkg =
    known?.state === 'open' && answeredAt === undefined
      ? await linkSurvey(deps, known.survey)
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
  const initial = await startingState({
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
      onSubmitted={() => void sync.syncNow('submit')}
      onPlace={onPlace}
      phone={{ token, branchId: screen.link.branch.id }}
    />,
    root,
  );
  afterFirstScreen(startServiceWorker);
}
