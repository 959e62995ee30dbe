/**
 * Shown when the app cannot start. Without storage no answers could be kept, so none are
 * asked; any other failure asks for a reload. Either way the patron is pointed to staff.
 */
import { render } from 'preact';
import { type Language, matchLanguage } from '../shared/languages';
import { afterFirstScreen } from './after-first-screen';
import { prepareLanguage, translators } from './i18n/i18n';
import { useDocumentTitle } from './kiosk/announce/use-document-title';
import { startServiceWorker } from './pwa/updates';
import { StorageError } from './store';

/** What an entry (the kiosk's, the phone's) does when its start fails. */
export async function showStartFailure(root: HTMLElement, error: unknown): Promise<void> {
  console.error('the app could not start', error);
  const language = matchLanguage(navigator.languages) ?? 'en';
  await prepareLanguage(language, '').catch(() => undefined);
  render(<StartFailure language={language} storage={error instanceof StorageError} />, root);
  // A start that fails still takes a new version of the app, which may be what mends it.
  afterFirstScreen(startServiceWorker);
}

export function StartFailure(props: { language: Language; storage: boolean }) {
  const { t } = translators(props.language, '');
  useDocumentTitle(
    t('document.screenTitle', { screen: t('startFailure.title'), survey: t('document.appName') }),
  );
  return (
    <main class="screen centered" lang={props.language}>
      <h1>{t('startFailure.title')}</h1>
      <p>{props.storage ? t('startFailure.storage') : t('startFailure.other')}</p>
    </main>
  );
}
