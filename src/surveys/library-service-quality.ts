/**
 * The library's service-quality questionnaire, about 3–4 minutes. Structure only: every
 * text is in locales/<lng>/survey.library-service-quality.json. Raise `version` whenever
 * a question, option or condition changes; responses keep the version they answered.
 *
 * Every version ever shipped stays here, unchanged: the collector stores them all, so a
 * response answered on an older version (a tablet not yet updated, a bookmobile's file
 * imported weeks later) is still accepted and counted. A question whose meaning changes
 * gets a new id; one that stays keeps its id, so its answers count together across versions.
 *
 *   v1  the first questionnaire
 *   v2  splits three double-barrelled items that a patron could not answer truthfully
 *       when one half was good and the other bad: staff-helpful → staff-helpfulness +
 *       staff-courtesy, computers-wifi → computers + wifi, space-comfort →
 *       space-comfortable + space-quiet
 */
import type { SurveyStructure } from '../shared/contract/survey-package';

// Written out in full (no schema defaults to fill in), so the kiosk can use it without
// loading the schema library; survey-structure.test.ts checks that parsing changes nothing.
const required = { optional: false, allowNA: false } as const;
const withNA = { optional: false, allowNA: true } as const;
const skippable = { optional: true, allowNA: false } as const;
const quality = { ...withNA, type: 'rating', scale: 'quality', faces: false } as const;
const gap = { ...withNA, type: 'gap' } as const;

/** Options in the order shown; none of them excludes the others. */
function options(...ids: string[]) {
  return ids.map((id) => ({ id, exclusive: false }));
}

/** Before the quality items: how often, what today, and the two headline figures. */
const opening: SurveyStructure['questions'] = [
  {
    ...required,
    id: 'visit-frequency',
    type: 'single',
    options: options('first-time', 'weekly', 'monthly', 'few-times-a-year', 'once-a-year-or-less'),
  },
  {
    ...required,
    id: 'todays-visit',
    type: 'multi',
    other: true,
    // "Used a computer or the Wi-Fi" is what the patron did, either counts: not two questions.
    options: options(
      'borrow-return',
      'browse-read',
      'study-work',
      'computers-wifi',
      'ask-staff',
      'event',
      'with-children',
    ),
  },
  // The headline figure of every report.
  { ...required, id: 'overall-satisfaction', type: 'rating', scale: 'satisfaction', faces: true },
  { ...required, id: 'recommend', type: 'nps' },
];

/** After the quality items: the gap module, learning, wishes, the one improvement, who. */
const closing: SurveyStructure['questions'] = [
  // The gap module: minimum / desired / perceived service, one item per dimension.
  { id: 'gap-staff-service', ...gap },
  { id: 'gap-information-access', ...gap },
  { id: 'gap-library-as-place', ...gap },
  { ...withNA, id: 'learn-something-new', type: 'rating', scale: 'agreement', faces: false },
  {
    ...skippable,
    id: 'buy-more-of',
    type: 'multi',
    other: true,
    options: options(
      'novels',
      'non-fiction',
      'childrens-books',
      'ebooks-audiobooks',
      'newspapers-magazines',
      'films-music',
      'foreign-languages',
      'local-history',
      'board-games',
    ),
  },
  {
    ...skippable,
    id: 'events-interest',
    type: 'multi',
    other: false,
    options: [
      ...options(
        'author-talks',
        'reading-groups',
        'childrens-activities',
        'digital-skills',
        'language-courses',
        'exhibitions-concerts',
        'local-history-talks',
      ),
      { id: 'none', exclusive: true },
    ],
  },
  { ...skippable, id: 'one-improvement', type: 'text', maxLength: 500 },
  {
    ...required,
    id: 'age-band',
    type: 'single',
    options: options(
      'under-18',
      'from-18-to-29',
      'from-30-to-44',
      'from-45-to-59',
      'from-60-to-74',
      'from-75',
      'prefer-not-to-say',
    ),
  },
  {
    ...required,
    id: 'lives-locally',
    type: 'single',
    options: options('yes', 'no', 'prefer-not-to-say'),
  },
];

/** Version 1, as kiosks ran it until version 2: kept so its responses stay valid. */
export const libraryServiceQualityV1 = {
  id: 'library-service-quality',
  version: 1,
  title: 'title',
  questions: [
    ...opening,
    { id: 'staff-helpful', ...quality },
    { id: 'found-what-needed', ...quality },
    { id: 'collection-choice', ...quality },
    { id: 'computers-wifi', ...quality },
    { id: 'opening-hours', ...quality },
    { id: 'space-comfort', ...quality },
    ...closing,
  ],
} satisfies SurveyStructure;

/** Version 2, the one kiosks run: each quality item asks about one thing. */
// Written out apart from version 1, so the kiosk's bundle, which needs only this one,
// carries no copy of version 1.
export const libraryServiceQualityV2 = {
  id: 'library-service-quality',
  version: 2,
  title: 'title',
  questions: [
    ...opening,
    { id: 'staff-helpfulness', ...quality },
    { id: 'staff-courtesy', ...quality },
    { id: 'found-what-needed', ...quality },
    { id: 'collection-choice', ...quality },
    { id: 'computers', ...quality },
    { id: 'wifi', ...quality },
    { id: 'opening-hours', ...quality },
    { id: 'space-comfortable', ...quality },
    { id: 'space-quiet', ...quality },
    ...closing,
  ],
} satisfies SurveyStructure;

/** The version kiosks run. */
export const libraryServiceQuality = libraryServiceQualityV2;

/** Every version, oldest first: what the collector stores. */
export const libraryServiceQualityVersions = [libraryServiceQualityV1, libraryServiceQualityV2];
