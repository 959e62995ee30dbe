/**
 * The way into the staff view from the welcome screen: a small lock in the corner that
 * patrons pass over, still a 48 px target, named for screen readers. What opens is asked
 * for the staff PIN (staff/StaffGate.tsx).
 */
import { useLanguage } from '../i18n/context';

export function StaffEntry(props: { onStaff: () => void }) {
  const { t } = useLanguage();
  return (
    <button type="button" class="button staff-entry" onClick={props.onStaff}>
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24">
        <path
          fill="currentColor"
          d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 8V7a3 3 0 1 1 6 0v3H9Zm3 3a2 2 0 0 1 1 3.7V18h-2v-1.3A2 2 0 0 1 12 13Z"
        />
      </svg>
      <span class="visually-hidden">{t('welcome.staff')}</span>
    </button>
  );
}
