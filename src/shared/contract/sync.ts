/**
 * The sync batch: the device posts queued responses, the collector answers one outcome
 * per record. duplicate (same id, same content) counts as success; conflict (same id,
 * other content) and rejected (fails validation) are kept by the device in quarantine.
 */
import { z } from 'zod/mini';
import { MAX_QUESTIONS, MAX_TEXT_LENGTH } from './constants';
import { DeviceHealthSchema } from './device-health';
import { RefusalCodeSchema, RefusalParamsSchema } from './refusal-schema';
import { SurveyResponseSchema } from './response';

/** At most this many responses in one batch … */
export const MAX_BATCH_RESPONSES = 500;
/** … and at most this many bytes of request body; the collector answers 413 beyond either. */
export const MAX_BATCH_BYTES = 1024 * 1024;

/**
 * Characters of one record's JSON text: above any valid record, which holds at most
 * MAX_QUESTIONS answers of at most MAX_TEXT_LENGTH characters each (escaping at most
 * doubling a patron's text: a line break is written \n), plus ids. The collector refuses a
 * batch with a longer record before parsing it.
 */
export const MAX_RECORD_CHARS = MAX_QUESTIONS * (2 * MAX_TEXT_LENGTH + 64) + 4096;
/** Levels of objects and arrays in one record: the record, answers, an answer, selected. */
export const MAX_RECORD_NESTING = 4;

/**
 * The envelope the collector parses first. Records stay unknown here, so that one bad
 * record is rejected on its own instead of failing the whole batch.
 */
export const SyncBatchEnvelopeSchema = z.object({
  responses: z.array(z.unknown()).check(z.minLength(1)),
  /** The device's estimate of (server clock − device clock), from the last reply. */
  clockOffsetMs: z.optional(z.number()),
  /**
   * The kiosk's health (DeviceHealthSchema), parsed on its own: a report that does not fit
   * is ignored, never a reason to refuse the batch. A collector from before drops it.
   */
  health: z.optional(z.unknown()),
});

/** The request as integrators should build it (published as JSON Schema). */
export const SyncBatchRequestSchema = z.object({
  responses: z.array(SurveyResponseSchema).check(z.minLength(1), z.maxLength(MAX_BATCH_RESPONSES)),
  clockOffsetMs: z.optional(z.number()),
  /** A kiosk's report on itself; the public phone channel sends none, and any is ignored there. */
  health: z.optional(DeviceHealthSchema),
});

export const SYNC_OUTCOMES = ['accepted', 'duplicate', 'conflict', 'rejected'] as const;
export type SyncOutcome = (typeof SYNC_OUTCOMES)[number];

export const SyncResultSchema = z.object({
  /** The record's id, or null when the record had no readable id. */
  id: z.nullable(z.string()),
  outcome: z.enum(SYNC_OUTCOMES),
  /** Why a record was refused, in English for the log and for integrators. */
  reason: z.optional(z.string()),
  /** The same as a code with values, which the device says in the staff's language. */
  code: z.optional(RefusalCodeSchema),
  params: z.optional(RefusalParamsSchema),
  /** The field at fault, e.g. "answers.overall". */
  path: z.optional(z.string()),
});

export const SyncBatchReplySchema = z.object({
  serverTime: z.iso.datetime({ offset: true }),
  results: z.array(SyncResultSchema),
});

export type SyncBatchRequest = z.infer<typeof SyncBatchRequestSchema>;
export type SyncResult = z.infer<typeof SyncResultSchema>;
export type SyncBatchReply = z.infer<typeof SyncBatchReplySchema>;

/** Outcomes after which the record never needs to be sent again. */
export function isAcknowledged(outcome: SyncOutcome): boolean {
  return outcome === 'accepted' || outcome === 'duplicate';
}
