/**
 * The mark of a question not asked in every version of its survey: "asked until version 1"
 * beside a retired question, "asked from version 2" beside one a later version added, so a
 * librarian comparing two years sees why a question has answers in only one of them.
 */
import type { TFunction } from 'i18next';
import type { AskedIn } from '../../shared/survey/question-versions';
import { useLanguage } from '../context';

/** The mark in words; '' when every version asked the question. */
export function askedInText(t: TFunction, asked: AskedIn | undefined): string {
  if (!asked) return '';
  const { from, until } = asked;
  if (from !== null && until !== null) return t('results.versions.askedBetween', { from, until });
  if (until !== null) return t('results.versions.askedUntil', { version: until });
  if (from !== null) return t('results.versions.askedFrom', { version: from });
  return '';
}

/** The mark beside a question's name; nothing when every version asked it. */
export function AskedInMark(props: { asked: AskedIn | undefined }) {
  const { t } = useLanguage();
  const text = askedInText(t, props.asked);
  return text ? (
    <>
      {' '}
      <span class="badge">{text}</span>
    </>
  ) : null;
}

/** Under a marked question: what its figures count. */
export function AskedInNote(props: { asked: AskedIn | undefined }) {
  const { t } = useLanguage();
  return askedInText(t, props.asked) ? (
    <p class="muted small">{t('results.versions.onlySome')}</p>
  ) : null;
}
