/** Tells the patron, in their language, that the device could not save, and offers to try again. */

import { useLanguage } from '../i18n/context';
import type { StorageErrorKind } from '../store';

export function SaveFailure(props: { kind: StorageErrorKind; onRetry: () => void }) {
  const { t } = useLanguage();
  return (
    <div class="alert alert-error" role="alert">
      <p>{props.kind === 'quota' ? t('saveFailure.quota') : t('saveFailure.other')}</p>
      <button type="button" class="button" onClick={props.onRetry}>
        {t('saveFailure.retry')}
      </button>
    </div>
  );
}
