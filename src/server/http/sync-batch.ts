/**
 * What the two routes that take sync batches share, kiosks' (POST /responses) and phones'
 * (POST /public/responses): the body read within the batch's limits and parsed as the
 * envelope, and the 429 with Retry-After of a limit.
 */
import type { z } from 'zod';
import { safeParseInput } from '../../shared/contract/parse';
import {
  MAX_BATCH_BYTES,
  MAX_BATCH_RESPONSES,
  SyncBatchEnvelopeSchema,
} from '../../shared/contract/sync';
import { batchLimitProblem } from '../ingest/record-limits';
import { ApiProblem, badRequest, invalidBody, payloadTooLarge } from './errors';
import { readJsonBody } from './json-body';

/** Whole seconds, at least one: Retry-After takes no fractions, and 0 would mean "now". */
function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** 429 with Retry-After, the message saying which limit and when to send again. */
export function rateLimited(message: string, waitMs: number): ApiProblem {
  const seconds = retryAfterSeconds(waitMs);
  return new ApiProblem('rate-limited', `${message}; send again in ${seconds} s`, undefined, {
    'Retry-After': String(seconds),
  });
}

/** Refuses a batch's text beyond the limits before it is parsed (400, or 413 for the count). */
function refuseOverLimits(text: string): void {
  const problem = batchLimitProblem(text);
  if (!problem) return;
  const message = `${problem.path}: ${problem.message}; nothing of this batch was stored`;
  throw problem.code === 'payload-too-large'
    ? payloadTooLarge(`${message}; send smaller batches`)
    : badRequest(message, problem.path);
}

/**
 * The batch's envelope: its text within the counts and sizes a batch and its records can
 * have (looked at before it is parsed), then the contract's shape, then at most
 * MAX_BATCH_RESPONSES records. Each record is checked later, on its own.
 */
export async function readSyncBatch(
  request: Request,
): Promise<z.infer<typeof SyncBatchEnvelopeSchema>> {
  const body = await readJsonBody(request, MAX_BATCH_BYTES, refuseOverLimits);
  const envelope = safeParseInput(SyncBatchEnvelopeSchema, body);
  if (!envelope.success) {
    throw invalidBody(envelope.error, '{ responses: [...], clockOffsetMs? }');
  }
  const { responses } = envelope.data;
  if (responses.length > MAX_BATCH_RESPONSES) {
    throw payloadTooLarge(
      `a batch holds at most ${MAX_BATCH_RESPONSES} responses (got ${responses.length}); send smaller batches`,
    );
  }
  return envelope.data;
}
