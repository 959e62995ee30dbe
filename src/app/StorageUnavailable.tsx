/** Shown when the browser gives the app no storage: answers could not be kept, so none are asked. */
import type { Language } from '../shared/languages';
import { translators } from './i18n/i18n';

export function StorageUnavailable(props: { language: Language }) {
  const { t } = translators(props.language, '');
  return (
    <main class="screen centered" lang={props.language}>
      <h1>{t('storageUnavailable.title')}</h1>
      <p>{t('storageUnavailable.body')}</p>
    </main>
  );
}
