/**
 * The library's service-quality questionnaire, about 3–4 minutes. Structure only: every
 * text is in locales/<lng>/survey.library-service-quality.json. Raise `version` whenever
 * a question, option or condition changes; responses keep the version they answered.
 */
import type { SurveyStructureInput } from '../shared/contract/survey-package';

const quality = { type: 'rating', scale: 'quality', allowNA: true } as const;
const gap = { type: 'gap', allowNA: true } as const;

export const libraryServiceQuality = {
  id: 'library-service-quality',
  version: 1,
  title: 'title',
  questions: [
    {
      id: 'visit-frequency',
      type: 'single',
      options: [
        { id: 'first-time' },
        { id: 'weekly' },
        { id: 'monthly' },
        { id: 'few-times-a-year' },
        { id: 'once-a-year-or-less' },
      ],
    },
    {
      id: 'todays-visit',
      type: 'multi',
      other: true,
      options: [
        { id: 'borrow-return' },
        { id: 'browse-read' },
        { id: 'study-work' },
        { id: 'computers-wifi' },
        { id: 'ask-staff' },
        { id: 'event' },
        { id: 'with-children' },
      ],
    },
    // The headline figure of every report.
    { id: 'overall-satisfaction', type: 'rating', scale: 'satisfaction', faces: true },
    { id: 'recommend', type: 'nps' },
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
    { id: 'learn-something-new', type: 'rating', scale: 'agreement', allowNA: true },
    {
      id: 'buy-more-of',
      type: 'multi',
      optional: true,
      other: true,
      options: [
        { id: 'novels' },
        { id: 'non-fiction' },
        { id: 'childrens-books' },
        { id: 'ebooks-audiobooks' },
        { id: 'newspapers-magazines' },
        { id: 'films-music' },
        { id: 'foreign-languages' },
        { id: 'local-history' },
        { id: 'board-games' },
      ],
    },
    {
      id: 'events-interest',
      type: 'multi',
      optional: true,
      options: [
        { id: 'author-talks' },
        { id: 'reading-groups' },
        { id: 'childrens-activities' },
        { id: 'digital-skills' },
        { id: 'language-courses' },
        { id: 'exhibitions-concerts' },
        { id: 'local-history-talks' },
        { id: 'none', exclusive: true },
      ],
    },
    { id: 'one-improvement', type: 'text', optional: true, maxLength: 500 },
    {
      id: 'age-band',
      type: 'single',
      options: [
        { id: 'under-18' },
        { id: 'from-18-to-29' },
        { id: 'from-30-to-44' },
        { id: 'from-45-to-59' },
        { id: 'from-60-to-74' },
        { id: 'from-75' },
        { id: 'prefer-not-to-say' },
      ],
    },
    {
      id: 'lives-locally',
      type: 'single',
      options: [{ id: 'yes' }, { id: 'no' }, { id: 'prefer-not-to-say' }],
    },
  ],
} as const satisfies SurveyStructureInput;
