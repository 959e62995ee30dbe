/**
 * Starts the app: storage first (persistent, an open draft resumed or closed),
 * then the language, then the screens; the service worker, sync and the masking module
 * once the first screen is up (after-first-screen.ts).
 */
// First: before any module builds a schema (see the module).
import '../shared/zod-without-eval';
import './styles.css';
import { render } from 'preact';
import { DEFAULT_KIOSK_OPTIONS } from '../shared/contract/constants';
import { type Language, matchLanguage } from '../shared/languages';
import { App } from './App';
import { afterFirstScreen } from './after-first-screen';
import { prepareLanguage, switchLanguage } from './i18n/i18n';
import { installKioskGuards } from './kiosk/kiosk-guards';
import { startingState } from './kiosk/resume-policy';
import { keepWelcomeSnapshot } from './kiosk/welcome-snapshot';
import { replayEarlyStart } from './phone/early-start';
import { startServiceWorker } from './pwa/updates';
import { showStartFailure } from './StartFailure';
import { staffActions, startServices, syncAfterSubmit } from './services';
import { preloadMasking, readSetting, requestPersistentStorage } from './store';
import { loadActiveSurvey } from './survey-source';

async function boot(root: HTMLElement): Promise<void> {
  installKioskGuards(document);
  // Read side by side: each is a round trip to IndexedDB, and nothing here needs the network.
  const [stored, survey] = await Promise.all([readSetting('kioskOptions'), loadActiveSurvey()]);
  const kioskOptions = {
    ...DEFAULT_KIOSK_OPTIONS,
    ...stored,
    // Until the collector sets one, a kiosk starts in the language its browser is set to.
    defaultLocale: stored?.defaultLocale ?? matchLanguage(navigator.languages) ?? 'en',
  };
  void requestPersistentStorage().catch(() => false);

  // A draft from a reload or crash mid-survey is resumed; the rest are closed or left to
  // the tab that shows them (kiosk/resume-policy.ts). The default language's texts load
  // meanwhile: the welcome screen shows in it.
  const [initial] = await Promise.all([
    startingState({ survey, kioskOptions }),
    prepareLanguage(kioskOptions.defaultLocale, survey.id),
  ]);
  await switchLanguage(initial.language, survey.id);
  const running = { survey, kioskOptions };
  // Kept for the next start, which paints it before this script runs (welcome-snapshot.ts).
  const onWelcome = (language: Language) => {
    if (language !== kioskOptions.defaultLocale) return;
    afterFirstScreen(() => keepWelcomeSnapshot(root, kioskOptions.defaultLocale));
  };
  render(
    <App
      survey={survey}
      kioskOptions={kioskOptions}
      initial={initial}
      staff={staffActions(running)}
      onQueued={syncAfterSubmit}
      onWelcome={onWelcome}
    />,
    root,
  );
  // A tap on the kept welcome screen's Start (public/welcome-snapshot.js) before now.
  replayEarlyStart(root);
  afterFirstScreen(() => {
    startServiceWorker();
    startServices(running);
    void preloadMasking();
  });
}

/**
 * A public link's page (`/s/<token>`) is phone mode, in its own chunk: a kiosk's first
 * screen carries none of it. The token is checked there.
 */
function isPhonePath(pathname: string): boolean {
  return pathname.startsWith('/s/');
}

const root = document.getElementById('app') as HTMLElement;
const started = isPhonePath(location.pathname)
  ? import('./phone/boot').then(({ bootPhone }) => bootPhone(root))
  : boot(root);
started.catch((error: unknown) => showStartFailure(root, error));
