/**
 * The contract's plain values. Kept free of zod so that the kiosk's first screen, which
 * needs these but validates nothing, does not load the schema library (~25 KB gzip).
 */

/** "Not applicable / I don't know", for questions that offer it. */
export const NOT_APPLICABLE = 'na' as const;

/** The longest free text a survey may ask for; longer answers belong in another channel. */
export const MAX_TEXT_LENGTH = 2000;
/** The longest "other, please say" text of a multiple-choice question. */
export const MAX_OTHER_LENGTH = 200;
/** A survey has at most this many questions, so a response at most this many answers. */
export const MAX_QUESTIONS = 100;
/** A choice question offers at most this many options, so an answer selects at most this many. */
export const MAX_OPTIONS = 30;

/** The longest name staff may give a device ("Entrance tablet"), as the device list shows it. */
export const MAX_DEVICE_NAME_LENGTH = 80;

/** The largest version number a survey may have (a 32-bit integer column on the collector). */
export const MAX_SURVEY_VERSION = 2_147_483_647;

/**
 * The points of each numeric scale, declared here only: the answer schemas, the answer
 * checks, the translation keys of a rating's labels and the kiosk's scales all read them.
 */
export const SCALE_POINTS = {
  /** Every point labelled in words (scales.<scale>.1 … .5), optionally with faces. */
  rating: { min: 1, max: 5 },
  /** Net Promoter Score: 0 (not at all likely) to 10 (extremely likely). */
  nps: { min: 0, max: 10 },
  /** Each line of a gap item: minimum, desired and perceived service. */
  gap: { min: 1, max: 9 },
} as const;
export type Scale = keyof typeof SCALE_POINTS;

/** Every point of a scale, lowest first: [1, 2, 3, 4, 5] for a rating. */
export function scalePoints(scale: Scale): number[] {
  const { min, max } = SCALE_POINTS[scale];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

export const GAP_DIMENSIONS = ['minimum', 'desired', 'perceived'] as const;
export type GapDimension = (typeof GAP_DIMENSIONS)[number];

/** How a kiosk behaves until the collector says otherwise. */
export const DEFAULT_KIOSK_OPTIONS = {
  /** Seconds without a touch before "Are you still there?". */
  idleTimeoutSeconds: 60,
  /** Seconds the question stays up, counting down (at least 20), before the kiosk resets. */
  idleWarningSeconds: 30,
  /** Seconds the thank-you screen stays before the welcome screen returns. */
  thanksSeconds: 8,
  /** The language the welcome screen returns to after each patron. */
  defaultLocale: 'en',
} as const;

/**
 * How deeply the contract's recursive values (translation trees, showIf conditions) may nest
 * as JSON. zod descends one call per level, so a value thousands of levels deep would
 * overflow the stack instead of being refused; real ones nest under ten.
 */
export const MAX_NESTING_DEPTH = 64;

/**
 * Days a response stays on a device after the collector acknowledged it, so staff can see
 * what was sent; the fewer, the less a stolen tablet gives away. Each branch sets its own
 * (0 deletes at once), up to the most.
 */
export const DEFAULT_SENT_KEPT_DAYS = 1;
export const MAX_SENT_KEPT_DAYS = 7;
