/**
 * What one batch's reply means for the records in it. Only a 2xx whose body is the
 * contract's SyncBatchReply acknowledges anything: a captive portal answers 200 with its
 * own HTML, and treating that as success would mark unsent answers synced.
 */
import { ApiErrorSchema } from '../../shared/contract/api-error';
import { type SyncBatchReply, SyncBatchReplySchema } from '../../shared/contract/sync';
import { type HttpOutcome, parseJsonBody } from './http';
import { parseRetryAfter } from './retry-after';
import type { SyncErrorCode } from './sync-result';

export type BatchVerdict =
  /** The collector answered per record. */
  | { kind: 'ok'; reply: SyncBatchReply }
  /** Nothing was decided; try the same records again later. */
  | {
      kind: 'retry';
      error: Extract<SyncErrorCode, 'offline' | 'timeout' | 'server-error' | 'unexpected-reply'>;
      detail: string;
      retryAfterMs?: number;
    }
  /** 413: too big; send fewer records at a time. */
  | { kind: 'split' }
  /** 401: the token is not valid; stop until staff re-enroll. */
  | { kind: 'unauthorized' }
  /** The collector refused the request as a whole; narrow it down to the record at fault. */
  | { kind: 'refused'; code: string; message: string; path?: string };

/** Statuses that say "not now" rather than "not this". */
const RETRYABLE_STATUSES = new Set([408, 423, 429]);

/**
 * 404 is not a verdict on the records: it means a wrong address or an older collector.
 * Quarantining the whole outbox one record at a time for it would be the worst reaction.
 */
const NOT_ABOUT_THE_RECORDS = new Set([404]);

export function classifyBatchReply(outcome: HttpOutcome, now: number): BatchVerdict {
  if (outcome.kind === 'network-error') {
    return { kind: 'retry', error: 'offline', detail: outcome.detail };
  }
  if (outcome.kind === 'timeout') return { kind: 'retry', error: 'timeout', detail: 'no answer' };

  const { status } = outcome;
  const detail = `HTTP ${status}`;
  const retryAfterMs = parseRetryAfter(outcome.headers.get('Retry-After'), now);
  const withRetryAfter = retryAfterMs === undefined ? {} : { retryAfterMs };

  if (status >= 200 && status < 300) {
    const reply = SyncBatchReplySchema.safeParse(parseJsonBody(outcome.body));
    return reply.success
      ? { kind: 'ok', reply: reply.data }
      : { kind: 'retry', error: 'unexpected-reply', detail: `${detail}, not a sync reply` };
  }
  if (status === 401) return { kind: 'unauthorized' };
  if (status === 413) return { kind: 'split' };
  if (status >= 500 || RETRYABLE_STATUSES.has(status)) {
    return { kind: 'retry', error: 'server-error', detail, ...withRetryAfter };
  }
  if (status >= 400 && !NOT_ABOUT_THE_RECORDS.has(status)) {
    // Only the collector's own error shape is a refusal; a proxy's 4xx page is not.
    const apiError = ApiErrorSchema.safeParse(parseJsonBody(outcome.body));
    if (apiError.success) {
      const { code, message, path } = apiError.data.error;
      return { kind: 'refused', code, message, ...(path ? { path } : {}) };
    }
  }
  return { kind: 'retry', error: 'unexpected-reply', detail, ...withRetryAfter };
}
