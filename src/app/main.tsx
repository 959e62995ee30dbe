/**
 * Starts the app: storage first (persistent, an open draft resumed or closed),
 * then the language, then the screens; the service worker, sync and the masking module
 * once the first screen is up (after-first-screen.ts).
 */
import './styles.css';
import { render } from 'preact';
import { matchLanguage } from '../shared/languages';
import { App } from './App';
import { afterFirstScreen } from './after-first-screen';
import { prepareLanguage, switchLanguage } from './i18n/i18n';
import { installKioskGuards } from './kiosk/kiosk-guards';
import { startingState } from './kiosk/resume-policy';
import { startServiceWorker } from './pwa/updates';
import { StartFailure } from './StartFailure';
import { staffActions, startServices, syncAfterSubmit } from './services';
import {
  getKioskOptions,
  preloadMasking,
  readSetting,
  requestPersistentStorage,
  StorageError,
} from './store';
import { loadActiveSurvey } from './survey-source';

async function boot(root: HTMLElement): Promise<void> {
  installKioskGuards(document);
  const stored = await readSetting('kioskOptions');
  const kioskOptions = {
    ...(await getKioskOptions()),
    // Until the collector sets one, a kiosk starts in the language its browser is set to.
    defaultLocale: stored?.defaultLocale ?? matchLanguage(navigator.languages) ?? 'en',
  };
  void requestPersistentStorage().catch(() => false);
  const survey = await loadActiveSurvey();

  // A draft from a reload or crash mid-survey is resumed; the rest are closed or left to
  // the tab that shows them (kiosk/resume-policy.ts).
  const initial = await startingState({ survey, kioskOptions });
  await switchLanguage(initial.language, survey.id);
  const running = { survey, kioskOptions };
  render(
    <App
      survey={survey}
      kioskOptions={kioskOptions}
      initial={initial}
      staff={staffActions(running)}
      onQueued={syncAfterSubmit}
    />,
    root,
  );
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
started.catch(async (error: unknown) => {
  console.error('the app could not start', error);
  const language = matchLanguage(navigator.languages) ?? 'en';
  await prepareLanguage(language, '').catch(() => undefined);
  render(<StartFailure language={language} storage={error instanceof StorageError} />, root);
  // A start that fails still takes a new version of the app, which may be what mends it.
  afterFirstScreen(startServiceWorker);
});
