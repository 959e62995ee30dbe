/**
 * Outside the branch's opening hours: a calm screen saying the library is closed and when
 * it opens again (in the kiosk's language, in the branch's time zone), in place of the
 * welcome screen. A patron mid-survey is never sent here: the kiosk shows it at the next
 * welcome screen. Sync goes on underneath, and the staff button stays in its corner.
 */
import { sameLocalDay } from '../../shared/kiosk/opening-hours';
import { useLanguage } from '../i18n/context';
import { BranchBrand } from './BranchBrand';

export function ClosedScreen(props: {
  opensAt: Date | undefined;
  timeZone: string | undefined;
  /** When the screen was drawn, to tell "today" from another day. */
  now: Date;
  onStaff?: (() => void) | undefined;
}) {
  const { t, language } = useLanguage();
  const { opensAt, timeZone } = props;
  // A 24-hour clock, as the hours are set and posted on the door ("09:00-19:00").
  const zone = { hourCycle: 'h23' as const, ...(timeZone ? { timeZone } : {}) };
  let when: string;
  if (!opensAt) when = t('closed.noOpening');
  else {
    const time = new Intl.DateTimeFormat(language, {
      hour: '2-digit',
      minute: '2-digit',
      ...zone,
    }).format(opensAt);
    if (sameLocalDay(opensAt, props.now, timeZone)) when = t('closed.opensToday', { time });
    else {
      const day = new Intl.DateTimeFormat(language, {
        weekday: 'long',
        hour: '2-digit',
        minute: '2-digit',
        ...zone,
      }).format(opensAt);
      when = t('closed.opensOn', { when: day });
    }
  }
  return (
    <div class="screen closed">
      <main class="closed-main">
        <BranchBrand />
        <h1 class="closed-title">{t('closed.title')}</h1>
        <p class="closed-when">{when}</p>
        <p class="closed-note">{t('closed.note')}</p>
      </main>
      {props.onStaff && (
        <footer class="welcome-footer">
          <button type="button" class="button button-quiet" onClick={props.onStaff}>
            {t('welcome.staff')}
          </button>
        </footer>
      )}
    </div>
  );
}
