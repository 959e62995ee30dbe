/**
 * Who asks the questions on this device, and where it stands: patrons on their own, or a
 * member of staff reading the questions to them (interviewer mode, channel `staff`); and
 * which of the branch's places (a bookmobile's stop, a floor, a desk) the responses are
 * made at. Each is one tap here; both are kept on the device, so they outlast a reload, and
 * the places come from the stored configuration, so choosing works offline. They apply to
 * every response started afterwards (store/responses.ts, saveDraft).
 */
import { useLanguage } from '../i18n/context';
import { saveInterviewing, useInterviewing, usePlaces } from '../store';

export function InterviewerSection() {
  const { t } = useLanguage();
  const interviewing = useInterviewing();
  const places = usePlaces();
  if (!interviewing || !places) return null;
  const chosen = interviewing.place;
  // A place removed from the branch's list since it was chosen is still shown as chosen.
  const names = places.map((p) => p.name);
  const listed = chosen === null || names.includes(chosen) ? names : [...names, chosen];

  return (
    <section aria-labelledby="staff-interviewer">
      <h2 id="staff-interviewer">{t('staff.interviewer.title')}</h2>
      <fieldset class="choice-row" aria-labelledby="staff-interviewer">
        {([false, true] as const).map((staffAsks) => (
          <button
            key={String(staffAsks)}
            type="button"
            class="button button-large choice-button"
            aria-pressed={interviewing.staffAsks === staffAsks}
            onClick={() => void saveInterviewing({ staffAsks })}
          >
            {staffAsks ? t('staff.interviewer.staffAsks') : t('staff.interviewer.patronsAnswer')}
          </button>
        ))}
      </fieldset>
      <p class="muted">
        {interviewing.staffAsks
          ? t('staff.interviewer.staffAsksHint')
          : t('staff.interviewer.patronsAnswerHint')}
      </p>

      <h3 id="staff-place">{t('staff.place.title')}</h3>
      {listed.length === 0 ? (
        <p class="muted">{t('staff.place.none')}</p>
      ) : (
        <fieldset class="choice-row" aria-labelledby="staff-place">
          {[null, ...listed].map((place) => (
            <button
              key={place ?? ''}
              type="button"
              class="button button-large choice-button"
              aria-pressed={chosen === place}
              onClick={() => void saveInterviewing({ place })}
            >
              {place ?? t('staff.place.noPlace')}
            </button>
          ))}
        </fieldset>
      )}
      <p class="muted">
        {chosen === null ? t('staff.place.hintNone') : t('staff.place.hint', { place: chosen })}
      </p>
    </section>
  );
}
