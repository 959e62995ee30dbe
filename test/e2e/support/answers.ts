/**
 * A patron's answers to the built-in questionnaire (the version kiosks run): every question
 * type, N/A, "other" and a skip.
 */
import type { AnswerValue } from '../../../src/shared/contract/answer';
import type { Language } from '../../../src/shared/languages';

/** Free text in each language, with the letters a kiosk must keep intact. */
export const IMPROVEMENT_TEXT: Record<Language, string> = {
  en: 'Longer opening hours on Saturdays, please.',
  hu: 'Hosszabb nyitvatartást szombaton, és több újságot!',
  ru: 'Пожалуйста, продлите часы работы по субботам.',
  sl: 'Daljši odpiralni čas ob sobotah, prosim.',
  lt: 'Ilgesnio darbo laiko šeštadieniais, prašau.',
};

export function patronAnswers(language: Language): Record<string, AnswerValue> {
  return {
    'visit-frequency': 'weekly',
    'todays-visit': { selected: ['borrow-return', 'study-work'], other: `Printer (${language})` },
    'overall-satisfaction': 4,
    recommend: 9,
    'staff-helpfulness': 5,
    'staff-courtesy': 4,
    'found-what-needed': 4,
    'collection-choice': 3,
    computers: 'na',
    wifi: 2,
    'opening-hours': 2,
    'space-comfortable': 4,
    'space-quiet': 3,
    'gap-staff-service': { minimum: 5, desired: 8, perceived: 7 },
    'gap-information-access': { minimum: 4, desired: 9, perceived: 'na' },
    'gap-library-as-place': { minimum: 3, desired: 7, perceived: 6 },
    'learn-something-new': 5,
    'buy-more-of': { selected: ['novels', 'local-history'] },
    // events-interest is optional and skipped.
    'one-improvement': IMPROVEMENT_TEXT[language],
    'age-band': 'from-30-to-44',
    'lives-locally': 'yes',
  };
}

/**
 * The same patron on version 1 of the questionnaire (a tablet not yet updated): each item
 * version 2 split in two answered as one.
 */
export function patronAnswersV1(language: Language): Record<string, AnswerValue> {
  const {
    'staff-helpfulness': _helpfulness,
    'staff-courtesy': _courtesy,
    computers: _computers,
    wifi: _wifi,
    'space-comfortable': _comfortable,
    'space-quiet': _quiet,
    ...kept
  } = patronAnswers(language);
  return { ...kept, 'staff-helpful': 4, 'computers-wifi': 2, 'space-comfort': 3 };
}
