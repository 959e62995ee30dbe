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

/** The longest name staff may give a device ("Entrance tablet"), as the device list shows it. */
export const MAX_DEVICE_NAME_LENGTH = 80;

/** The largest version number a survey may have (a 32-bit integer column on the collector). */
export const MAX_SURVEY_VERSION = 2_147_483_647;

/** The points of each numeric scale. */
export const SCALE_POINTS = {
  rating: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  gap: { min: 1, max: 9 },
} as const;

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
