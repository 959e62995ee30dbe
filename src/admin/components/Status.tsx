/**
 * Where a screen says it is loading or what went wrong: a live region that exists before
 * its text changes, so screen readers announce both. An error says what to do and offers
 * to try again.
 */
import { useLanguage } from '../context';
import { errorText } from '../errors';

export function Status(props: {
  loading: boolean;
  error?: unknown;
  label?: string;
  onRetry?: () => void;
}) {
  const { t } = useLanguage();
  const failed = props.error !== undefined;
  return (
    <div class={`status${failed ? ' status-error' : ''}`} role="status" aria-live="polite">
      {failed ? (
        <p>
          {errorText(t, props.error)}{' '}
          {props.onRetry ? (
            <button type="button" class="button small" onClick={props.onRetry}>
              {t('status.retry')}
            </button>
          ) : null}
        </p>
      ) : props.loading ? (
        <p class="muted">{props.label ?? t('status.loading')}</p>
      ) : null}
    </div>
  );
}
