/**
 * How long this device keeps what it sent: its branch's days (sentKeptDays), in the
 * language's plural form, or that it keeps nothing once the collector has it.
 */
import { useLanguage } from '../i18n/context';

export function SentKeptNotice(props: { days: number }) {
  const { t } = useLanguage();
  return (
    <p class="muted" data-testid="sent-kept">
      {props.days === 0
        ? t('staff.outbox.sentDeleted')
        : t('staff.outbox.sentKept', { count: props.days })}
    </p>
  );
}
