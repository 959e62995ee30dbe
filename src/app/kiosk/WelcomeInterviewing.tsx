/**
 * On the welcome screen, what the staff view set: that a member of staff asks the
 * questions (interviewer mode), and the place responses are made at. Nothing when neither
 * is set. The patron reads it too, so it is said in their language.
 */
import { useLanguage } from '../i18n/context';
import { useInterviewing } from '../store';

export function WelcomeInterviewing() {
  const { t } = useLanguage();
  const interviewing = useInterviewing();
  if (!interviewing || (!interviewing.staffAsks && interviewing.place === null)) return null;
  return (
    <p class="welcome-interviewing" data-testid="welcome-interviewing">
      {interviewing.staffAsks && <span>{t('welcome.interviewer')}</span>}
      {interviewing.place !== null && (
        <span>{t('welcome.place', { place: interviewing.place })}</span>
      )}
    </p>
  );
}
