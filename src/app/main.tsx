/**
 * Starts the app: storage first (persistent, stale drafts closed, an open draft restored),
 * then the language, then the screens; the service worker and sync start beside them.
 */
import './styles.css';
import { render } from 'preact';
import { matchLanguage } from '../shared/languages';
import { App } from './App';
import { prepareLanguage, switchLanguage } from './i18n/i18n';
import { draftHeldElsewhere } from './kiosk/draft-lock';
import { type KioskState, resumed, welcome } from './kiosk/session';
import { startServiceWorker } from './pwa/updates';
import { StartFailure } from './StartFailure';
import { staffActions, startServices, syncAfterSubmit } from './services';
import {
  closeDraft,
  closeStaleDrafts,
  findOpenDraft,
  getKioskOptions,
  readSetting,
  requestPersistentStorage,
  StorageError,
} from './store';
import { loadActiveSurvey } from './survey-source';

async function boot(root: HTMLElement): Promise<void> {
  startServiceWorker();
  const stored = await readSetting('kioskOptions');
  const kioskOptions = {
    ...(await getKioskOptions()),
    // Until the collector sets one, a kiosk starts in the language its browser is set to.
    defaultLocale: stored?.defaultLocale ?? matchLanguage(navigator.languages) ?? 'en',
  };
  void requestPersistentStorage().catch(() => false);
  const survey = await loadActiveSurvey();

  // A draft left longer than a patron could still be there is closed as incomplete; a
  // fresher one (the page was reloaded mid-survey) is resumed where it was left.
  await closeStaleDrafts(
    (kioskOptions.idleTimeoutSeconds + kioskOptions.idleWarningSeconds) * 1000,
  );
  const open = await findOpenDraft();
  // A survey another tab shows is that tab's: this one starts on the welcome screen.
  const draft = open && !(await draftHeldElsewhere(open.id)) ? open : undefined;
  let initial: KioskState = welcome(kioskOptions.defaultLocale);
  if (draft && draft.surveyId === survey.id && draft.surveyVersion === survey.version) {
    initial = resumed(survey.questions, draft);
  } else if (draft) {
    await closeDraft(draft.id);
  }
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
  startServices(running);
}

const root = document.getElementById('app') as HTMLElement;
boot(root).catch(async (error: unknown) => {
  console.error('the app could not start', error);
  const language = matchLanguage(navigator.languages) ?? 'en';
  await prepareLanguage(language, '').catch(() => undefined);
  render(<StartFailure language={language} storage={error instanceof StorageError} />, root);
});
