/**
 * What a device is told about its branch beyond the survey: its opening hours in the
 * collector's time zone, and its own look on the welcome screen (a display name, a logo,
 * an accent colour). Every field is optional or defaulted: a collector from before sends
 * none, and the kiosk then keeps its own design and is always open.
 */
import { z } from 'zod/mini';
import { HEX_COLOUR_PATTERN } from '../kiosk/contrast';
import {
  MAX_OPENING_PERIODS,
  minutesOf,
  OPENING_TIME_PATTERN,
  WEEKDAYS,
} from '../kiosk/opening-hours';
import { plainTextSchema } from './plain-text';

/** The longest display name a branch may show on its welcome screen. */
export const MAX_DISPLAY_NAME_LENGTH = 80;

export const OpeningPeriodSchema = z
  .object({
    day: z.enum(WEEKDAYS),
    opens: z.string().check(z.regex(OPENING_TIME_PATTERN)),
    closes: z.string().check(z.regex(OPENING_TIME_PATTERN)),
  })
  .check(z.refine((p) => minutesOf(p.closes) > minutesOf(p.opens), 'closes before it opens'));

/** The week's periods in the branch's local time; null: no hours set, always open. */
export const OpeningHoursSchema = z
  .array(OpeningPeriodSchema)
  .check(z.maxLength(MAX_OPENING_PERIODS));

export const BranchLookSchema = z.object({
  /** Shown on the welcome screen instead of nothing; the branch's name stays its name. */
  displayName: z.optional(plainTextSchema(MAX_DISPLAY_NAME_LENGTH)),
  /**
   * Where the logo is, a path on the collector that changes when the logo does
   * (`/branding/<branch>/logo?v=<hash>`), so a device fetches a new one only then.
   */
  logoUrl: z.optional(
    z.string().check(z.regex(/^\/branding\/[a-z0-9-]+\/logo\?v=[0-9a-f]{8,64}$/)),
  ),
  /** "#rrggbb", at least 4.5:1 against the kiosk's background (checked by the collector). */
  accent: z.optional(z.string().check(z.regex(HEX_COLOUR_PATTERN))),
});

export type BranchLook = z.infer<typeof BranchLookSchema>;
