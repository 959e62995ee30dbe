/**
 * The branch's opening hours as this device has them, and whether the kiosk counts as open
 * now: staff see why the closed screen shows (or does not). Weekdays and times through
 * Intl in the staff's language.
 */
import { WEEKDAYS } from '../../shared/kiosk/opening-hours';
import { useLanguage } from '../i18n/context';
import { useOpeningState } from '../kiosk/use-opening-state';
import { useOpeningHours } from '../store';

/** A Monday (5 January 2026) at noon UTC: the day names come from Intl, counted from it. */
const A_MONDAY_MS = Date.UTC(2026, 0, 5, 12);
const DAY_MS = 24 * 60 * 60 * 1000;

export function OpeningHoursNotice() {
  const { t, language } = useLanguage();
  const stored = useOpeningHours();
  const opening = useOpeningState(true);
  if (!stored) return null;
  const dayName = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
  return (
    <section aria-labelledby="staff-hours">
      <h2 id="staff-hours">{t('staff.hours.title')}</h2>
      {stored.hours ? (
        <>
          <p>
            <strong>{opening.open ? t('staff.hours.open') : t('staff.hours.closed')}</strong>
          </p>
          <dl class="opening-hours">
            {WEEKDAYS.map((day, index) => {
              const spans = (stored.hours ?? []).filter((p) => p.day === day);
              return (
                <div key={day}>
                  <dt>{dayName.format(A_MONDAY_MS + index * DAY_MS)}</dt>
                  <dd>
                    {spans.length > 0
                      ? spans.map((p) => `${p.opens}–${p.closes}`).join(', ')
                      : t('staff.hours.closedDay')}
                  </dd>
                </div>
              );
            })}
          </dl>
          {stored.timeZone && (
            <p class="muted">{t('staff.hours.zone', { zone: stored.timeZone })}</p>
          )}
        </>
      ) : (
        <p>{t('staff.hours.none')}</p>
      )}
    </section>
  );
}
