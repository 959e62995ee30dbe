/**
 * The results as librarians and other programs read them: the filters every results page,
 * the summary API and the exports take, and the shapes of their replies. Every figure is
 * computed on the collector from counts per value (src/shared/stats), so the API, the
 * admin app and the exports show the same number.
 */
import { z } from 'zod';
import { LANGUAGES } from '../languages';
import { BranchIdSchema, QuestionIdSchema, SurveyIdSchema } from './ids';
import { CHANNELS, MAX_LOCATION_LENGTH } from './response';

/** A slice with fewer responses than this is never shown or exported in aggregate. */
export const MIN_RESPONSES_SHOWN = 5;
/** A figure from fewer answers than this carries a warning: its interval is wide. */
export const FEW_ANSWERS_WARNING_BELOW = 30;

/** A calendar day in the collector's time zone (TIME_ZONE), inclusive at both ends. */
export const DaySchema = z.iso.date();

/** A list in a query string: `branch=east,west` or `branch=east&branch=west`. */
function listOf<T extends z.core.$ZodType<unknown, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((raw) =>
      (Array.isArray(raw) ? raw : [raw])
        .flatMap((part) => part.split(','))
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(200));
}

/**
 * A list of places: `place=Market square&place=School`. Not split at commas, as the other
 * lists are: a place's name may hold one ("Main street, corner").
 */
const placeList = z
  .union([z.string(), z.array(z.string())])
  .transform((raw) => (Array.isArray(raw) ? raw : [raw]).map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(MAX_LOCATION_LENGTH)).max(200));

/**
 * The filters, as query parameters. Unset means "all". `from`/`to` are days answered (the
 * device's submit time corrected by its clock offset, in the collector's time zone).
 */
export const ResultsFilterSchema = z.object({
  survey: SurveyIdSchema,
  from: DaySchema.optional(),
  to: DaySchema.optional(),
  branch: listOf(BranchIdSchema).optional(),
  channel: listOf(z.enum(CHANNELS)).optional(),
  locale: listOf(z.string().regex(/^[a-z]{2,3}$/)).optional(),
  /** true: complete responses only; false: incomplete only; unset: both. */
  completed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** The summary: these questions only (a question's page); unset: every question. */
  question: listOf(QuestionIdSchema).optional(),
  /** Responses made at these places (their location); unset: every response. */
  place: placeList.optional(),
  /**
   * Responses whose answers came implausibly fast are left out unless `include`: then
   * they are counted with the others.
   */
  suspect: z.enum(['include', 'exclude']).default('exclude'),
});
export type ResultsFilterQuery = z.input<typeof ResultsFilterSchema>;
export type ResultsFilter = z.output<typeof ResultsFilterSchema>;

/** An estimate with its 95% interval; null bounds when n is too small for one. */
export const EstimateSchema = z.object({
  value: z.number(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  /** The answers it rests on. */
  n: z.int(),
  /** Set when n is under FEW_ANSWERS_WARNING_BELOW. */
  fewAnswers: z.boolean(),
});
export type Estimate = z.infer<typeof EstimateSchema>;

/** Counts per value: '1'…'5', '0'…'10', an option id, 'answered'; see the question type. */
export const ValueCountsSchema = z.record(z.string(), z.int().nonnegative());

/** One question's figures in a slice. */
export const QuestionResultSchema = z.object({
  id: QuestionIdSchema,
  type: z.enum(['rating', 'nps', 'single', 'multi', 'text', 'gap']),
  /** Responses that answered it with a value (N/A and skipped not included). */
  n: z.int(),
  /** Answered "not applicable / I don't know". */
  na: z.int(),
  /** Shown but left unanswered (optional questions, or questions before an incomplete response stopped). */
  skipped: z.int(),
  /** Under MIN_RESPONSES_SHOWN answers: counts and estimates are withheld. */
  tooFew: z.boolean(),
  /** Counts per value (rating, nps, single: the answer; multi: each option chosen, and 'other'). */
  counts: ValueCountsSchema,
  /** rating, nps: the mean with a 95% t-interval. */
  mean: EstimateSchema.optional(),
  /** rating: the share answering the top two points, with a 95% Wilson interval. */
  topTwoBox: EstimateSchema.optional(),
  /** nps: promoters − detractors on −100…100, with a 95% interval. */
  nps: EstimateSchema.extend({
    promoters: z.int(),
    passives: z.int(),
    detractors: z.int(),
  }).optional(),
  /**
   * single, multi: each option's share of those who answered (multi: and 'other'), with
   * 95% Wilson intervals.
   */
  shares: z.record(z.string(), EstimateSchema).optional(),
  /** gap: counts per point of each line, and the gap scores with their 95% t-intervals. */
  gap: z
    .object({
      minimum: ValueCountsSchema,
      desired: ValueCountsSchema,
      perceived: ValueCountsSchema,
      minimumMean: EstimateSchema.optional(),
      desiredMean: EstimateSchema.optional(),
      perceivedMean: EstimateSchema.optional(),
      /** perceived − minimum. */
      adequacy: EstimateSchema.optional(),
      /** perceived − desired. */
      superiority: EstimateSchema.optional(),
      /**
       * Counts per value ('-8'…'8') of each answer's own adequacy and superiority, from which
       * two slices' gap scores are compared; withheld, like the score, under
       * MIN_RESPONSES_SHOWN scores.
       */
      adequacyCounts: ValueCountsSchema.optional(),
      superiorityCounts: ValueCountsSchema.optional(),
      /** Answers left out of the gap scores because their minimum was above their desired. */
      excludedMinimumAboveDesired: z.int(),
    })
    .optional(),
});
export type QuestionResult = z.infer<typeof QuestionResultSchema>;

/** GET /results/summary: per question, the counts per value and the estimates. */
export const ResultsSummarySchema = z.object({
  surveyId: SurveyIdSchema,
  /** The filter as applied (branch staff: always their own branch). */
  filter: z.object({
    from: DaySchema.nullable(),
    to: DaySchema.nullable(),
    branches: z.array(BranchIdSchema).nullable(),
    channels: z.array(z.enum(CHANNELS)).nullable(),
    locales: z.array(z.string()).nullable(),
    completed: z.boolean().nullable(),
    places: z.array(z.string()).nullable().optional(),
    /** Whether suspect responses are counted (the filter `suspect=include`). */
    includeSuspect: z.boolean().optional(),
  }),
  responses: z.int(),
  completed: z.int(),
  /** Under MIN_RESPONSES_SHOWN responses: nothing else is given. */
  tooFew: z.boolean(),
  /** The questions of every version of the survey: the latest's, retired ones where they stood. */
  questions: z.array(QuestionResultSchema),
  /**
   * The questions not asked in every version, by id: the first version that asked it (null:
   * the first version) and the last (null: the latest still asks it).
   */
  askedIn: z
    .record(
      QuestionIdSchema,
      z.object({ from: z.int().min(1).nullable(), until: z.int().min(1).nullable() }),
    )
    .optional(),
});
export type ResultsSummary = z.infer<typeof ResultsSummarySchema>;

export const TREND_INTERVALS = ['day', 'week', 'month'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

/** GET /results/overview: the filters and the trend's interval (month unless asked). */
export const ResultsOverviewQuerySchema = ResultsFilterSchema.extend({
  interval: z.enum(TREND_INTERVALS).default('month'),
});
export type ResultsOverviewQuery = z.input<typeof ResultsOverviewQuerySchema>;

/** GET /export/…: the filters and the language of the codebook's texts and labels. */
export const ExportQuerySchema = ResultsFilterSchema.extend({
  lang: z.enum(LANGUAGES).default('en'),
}).refine((q) => !q.from || !q.to || q.from <= q.to, {
  message: 'should not be after "to"',
  path: ['from'],
});
export type ExportQuery = z.input<typeof ExportQuerySchema>;

/** GET /results/overview: the survey's headline figures, their trend, and each branch. */
export const ResultsOverviewSchema = z.object({
  surveyId: SurveyIdSchema,
  responses: z.int(),
  completed: z.int(),
  tooFew: z.boolean(),
  /** Suspect responses within the filter left out of every figure (0 when included). */
  suspectLeftOut: z.int().default(0),
  /** completed / responses with a 95% Wilson interval. */
  completionRate: EstimateSchema.nullable(),
  /** The survey's headline questions (its first rating and its nps), with their estimates. */
  headline: z.object({
    ratingQuestionId: z.nullable(QuestionIdSchema),
    npsQuestionId: z.nullable(QuestionIdSchema),
  }),
  trend: z.object({
    interval: z.enum(TREND_INTERVALS),
    /** One point per day, ISO week (its Monday) or month (its first day) with responses. */
    points: z.array(z.object({ start: DaySchema, responses: z.int(), completed: z.int() })),
  }),
  branches: z.array(
    z.object({
      branchId: BranchIdSchema,
      name: z.string(),
      responses: z.int(),
      completed: z.int(),
      tooFew: z.boolean(),
      completionRate: EstimateSchema.nullable(),
      rating: EstimateSchema.nullable(),
      topTwoBox: EstimateSchema.nullable(),
      nps: EstimateSchema.nullable(),
    }),
  ),
});
export type ResultsOverview = z.infer<typeof ResultsOverviewSchema>;

/** GET /results/places: the places responses within the filter were made at, most first. */
export const ResultsPlacesSchema = z.object({
  places: z.array(z.object({ place: z.string(), responses: z.int() })),
});
export type ResultsPlaces = z.infer<typeof ResultsPlacesSchema>;

/** The longest tag staff may put on a comment ("opening hours"). */
export const MAX_TAG_LENGTH = 40;
/** Comments per page of GET /results/comments. */
export const COMMENTS_PAGE_SIZE = 50;

/** GET /results/comment-tags: the filters, and the question the comments answer. */
export const CommentTagsQuerySchema = ResultsFilterSchema.extend({
  /** Only the comments written to this question (its text, or its "other" texts). */
  question: z.optional(QuestionIdSchema),
});
export type CommentTagsQuery = z.input<typeof CommentTagsQuerySchema>;

/** GET /results/comments: the filters and a question, plus a search, a tag and a page. */
export const CommentsQuerySchema = CommentTagsQuerySchema.extend({
  /** Words the comment must contain (case-insensitive). */
  q: z.string().max(200).optional(),
  tag: z.string().max(MAX_TAG_LENGTH).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type CommentsQuery = z.input<typeof CommentsQuerySchema>;

export const CommentSchema = z.object({
  responseId: z.string(),
  questionId: QuestionIdSchema,
  /** text: a free-text question's answer; other: the "other, please say" of a choice. */
  kind: z.enum(['text', 'other']),
  /** What the patron wrote, as they wrote it: always shown escaped. */
  text: z.string(),
  day: DaySchema,
  branchId: BranchIdSchema,
  locale: z.string(),
  channel: z.enum(CHANNELS),
  /** The response's answer to the survey's headline rating, when it has one. */
  headlineRating: z.int().nullable(),
  tags: z.array(z.string()),
});
export type Comment = z.infer<typeof CommentSchema>;

export const CommentsPageSchema = z.object({
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
  comments: z.array(CommentSchema),
});
export type CommentsPage = z.infer<typeof CommentsPageSchema>;

/** POST /results/comments/:responseId/:questionId/tags. */
export const TagRequestSchema = z.strictObject({
  tag: z
    .string()
    .transform((tag) => tag.trim().replace(/\s+/g, ' ').toLowerCase())
    .pipe(z.string().min(1).max(MAX_TAG_LENGTH)),
});
export type TagRequest = z.input<typeof TagRequestSchema>;

/** GET /results/comment-tags (the results filters and the question apply): each tag with its count. */
export const CommentTagsSchema = z.object({
  tags: z.array(z.object({ tag: z.string(), count: z.int() })),
});
export type CommentTags = z.infer<typeof CommentTagsSchema>;
