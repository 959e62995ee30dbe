/**
 * The library's service-quality questionnaire, about 3–4 minutes. Structure only: every
 * text is in locales/<lng>/survey.library-service-quality.json. Raise `version` whenever
 * a question, option or condition changes; responses keep the version they answered.
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

export const libraryServiceQuality = {
  id: 'library-service-quality',
  version: 1,
  title: 'title',
  questions: [
    {
      ...required,
      id: 'visit-frequency',
      type: 'single',
      options: options(
        'first-time',
        'weekly',
        'monthly',
        'few-times-a-year',
        'once-a-year-or-less',
      ),
    },
    {
      ...required,
      id: 'todays-visit',
      type: 'multi',
      other: true,
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
    { id: 'staff-helpful', ...quality },
    { id: 'found-what-needed', ...quality },
    { id: 'collection-choice', ...quality },
    { id: 'computers-wifi', ...quality },
    { id: 'opening-hours', ...quality },
    { id: 'space-comfort', ...quality },
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
  ],
} satisfies SurveyStructure;
