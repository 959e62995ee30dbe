/**
 * The response record: made on the device, sent to the collector unchanged. The collector
 * adds receivedAt and the device's estimated clock offset, and decides the branch itself.
 */
import { z } from 'zod/mini';
import { LANGUAGES } from '../languages';
import { AnswersSchema } from './answer';
import { MAX_SURVEY_VERSION } from './constants';
import { BranchIdSchema, DeviceIdSchema, ResponseIdSchema, SurveyIdSchema } from './ids';
import { plainTextSchema } from './plain-text';

export const CHANNELS = ['kiosk', 'staff', 'qr'] as const;
export type Channel = (typeof CHANNELS)[number];

const EARLIEST_INSTANT = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * Device clocks are never trusted (a tablet whose clock reset to 1970 still counts), but a
 * timestamp must at least be a timestamp whose moment in UTC has a four-digit year, so
 * that the collector's ISO text sorts as time does.
 */
const TimestampSchema = z.iso.datetime({ offset: true }).check(
  z.refine(
    (value) => {
      const at = Date.parse(value);
      return at >= EARLIEST_INSTANT && at <= LATEST_INSTANT;
    },
    { message: 'must fall between the years 0001 and 9999 in UTC' },
  ),
);

/** A bookmobile stop or a room: short, typed by staff, shown on the dashboard. */
export const MAX_LOCATION_LENGTH = 120;

export const SurveyResponseSchema = z.object({
  /** UUIDv7, made on the device: unique without coordination, sortable by creation. */
  id: ResponseIdSchema,
  surveyId: SurveyIdSchema,
  surveyVersion: z.int().check(z.gte(1), z.lte(MAX_SURVEY_VERSION)),
  locale: z.enum(LANGUAGES),
  channel: z.enum(CHANNELS),
  deviceId: DeviceIdSchema,
  /** Counts up per device; a gap tells staff a response is missing. */
  deviceSeq: z.int().check(z.gte(1)),
  /** What the device believed when the response was made; null before enrollment. */
  branchId: z.nullable(BranchIdSchema),
  location: z.optional(plainTextSchema(MAX_LOCATION_LENGTH)),
  startedAt: TimestampSchema,
  submittedAt: TimestampSchema,
  /** false when the patron walked away: the answers given so far are kept. */
  completed: z.boolean(),
  answers: AnswersSchema,
  /**
   * The answers came implausibly fast (a child hammering the screen, a patron tapping
   * through without reading): the response is kept and synced, and the results leave it
   * out unless asked. Absent means not suspect; the device sets it (src/shared/survey).
   */
  suspect: z.optional(z.boolean()),
});

export type SurveyResponse = z.infer<typeof SurveyResponseSchema>;
