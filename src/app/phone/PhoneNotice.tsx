/**
 * A phone's screen when there is no survey to answer: the link closed, not valid, already
 * answered on this phone, or not reachable on a first visit. Only the last one offers
 * anything to do (try again); the others are polite and final.
 */
import type { Language } from '../../shared/languages';
import { translators } from '../i18n/i18n';
import { useDocumentTitle } from '../kiosk/announce/use-document-title';
import type { PhoneScreen } from './screen';

export function PhoneNotice(props: {
  kind: Exclude<PhoneScreen['kind'], 'survey'>;
  language: Language;
  onRetry: () => void;
}) {
  const { t } = translators(props.language, '');
  const { kind } = props;
  useDocumentTitle(
    t('document.screenTitle', { screen: t(`phone.${kind}.title`), survey: t('document.appName') }),
  );
  return (
    <div class="screen phone-notice" data-notice={kind}>
      <main class="centered">
        <h1>{t(`phone.${kind}.title`)}</h1>
        <p>{t(`phone.${kind}.body`)}</p>
        {kind === 'unreachable' && (
          <button type="button" class="button button-primary button-large" onClick={props.onRetry}>
            {t('phone.unreachable.retry')}
          </button>
        )}
      </main>
    </div>
  );
}
