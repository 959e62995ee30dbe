/**
 * Shown when the app cannot start. Without storage no answers could be kept, so none are
 * asked; any other failure asks for a reload. Either way the patron is pointed to staff.
 */
import type { Language } from '../shared/languages';
import { translators } from './i18n/i18n';
import { useDocumentTitle } from './kiosk/announce/use-document-title';

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
