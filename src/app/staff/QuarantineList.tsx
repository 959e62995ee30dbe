/**
 * Responses the collector refused, with its reason. They stay on the device until a person
 * decides; the answers themselves are not shown here.
 */

import { useLanguage } from '../i18n/context';
import type { DeviceResponse } from '../store';

export function QuarantineList(props: { responses: DeviceResponse[] }) {
  const { t, language } = useLanguage();
  const time = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="staff-quarantine">
      <h2 id="staff-quarantine">
        {t('staff.quarantine.title', { count: props.responses.length })}
      </h2>
      <p>{t('staff.quarantine.explanation')}</p>
      <ul class="quarantine-list">
        {props.responses.map((response) => (
          <li key={response.id}>
            <strong>
              {t(`staff.quarantine.outcome.${response.quarantine?.outcome ?? 'rejected'}`)}
            </strong>
            {response.quarantine?.path && <code>{` ${response.quarantine.path}`}</code>}
            {response.quarantine?.reason && `: ${response.quarantine.reason}`}
            <div class="muted">
              {response.submittedAt ? time.format(new Date(response.submittedAt)) : ''} ·{' '}
              {response.id.slice(-8)}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
