/**
 * Responses the collector refused, with its reason in the staff's language. They stay on
 * the device until a person decides; the answers themselves are not shown here.
 */

import { isRefusalCode } from '../../shared/contract/refusal';
import { useLanguage } from '../i18n/context';
import type { DeviceResponse, Quarantine } from '../store';

/**
 * The reason in words: from its code where this version knows it, else as the collector
 * wrote it in English (rows kept from before codes existed, or a newer collector's code).
 */
function reasonText(t: ReturnType<typeof useLanguage>['t'], quarantine: Quarantine): string {
  if (!isRefusalCode(quarantine.code)) return quarantine.reason;
  const { max } = quarantine.params ?? {};
  return t(`staff.quarantine.reasons.${quarantine.code}`, {
    ...quarantine.params,
    // A limit picks the plural form ("at most 1 character", "at most 500 characters").
    ...(typeof max === 'number' ? { count: max } : {}),
    defaultValue: quarantine.reason,
  });
}

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
            {response.quarantine && `: ${reasonText(t, response.quarantine)}`}
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
