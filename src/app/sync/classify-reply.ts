/**
 * What one batch's reply means for the records in it. Only a 2xx whose body is the
 * contract's SyncBatchReply acknowledges anything: a captive portal answers 200 with its
 * own HTML, and treating that as success would mark unsent answers synced.
 */
import { DEVICE_API } from '../../shared/contract/device-api';
import { isRetryableStatus } from '../../shared/contract/endpoints';
import type { SyncBatchReply } from '../../shared/contract/sync';
import { type CallFailure, callFailure } from './call-failure';
import type { HttpOutcome } from './http';
import { collectorError, readReply } from './reply-body';
import { parseRetryAfter } from './retry-after';

export type BatchVerdict =
  /** The collector answered per record. */
  | { kind: 'ok'; reply: SyncBatchReply }
  /** Nothing was decided; try the same records again later. */
  | { kind: 'retry'; error: CallFailure; detail?: string; retryAfterMs?: number }
  /** 413: too big; send fewer records at a time. */
  | { kind: 'split' }
  /** 401: the token is not valid; stop until staff re-enroll. */
  | { kind: 'unauthorized' }
  /** The collector refused the request as a whole; narrow it down to the record at fault. */
  | { kind: 'refused'; code: string; message: string; path?: string };

/**
 * 404 is not a verdict on the records: it means a wrong address or an older collector.
 * Quarantining the whole outbox one record at a time for it would be the worst reaction.
 */
const NOT_ABOUT_THE_RECORDS = new Set([404]);

/** The collector's refusal of this request, if the reply is one (never a "not now"). */
function refusal(outcome: HttpOutcome): Extract<BatchVerdict, { kind: 'refused' }> | undefined {
  if (outcome.kind !== 'reply') return undefined;
  const { status } = outcome;
  if (status < 400 || isRetryableStatus(status) || NOT_ABOUT_THE_RECORDS.has(status)) {
    return undefined;
  }
  // Only the collector's own error shape is a refusal; a proxy's 4xx page is not.
  const error = collectorError(outcome);
  if (!error) return undefined;
  return {
    kind: 'refused',
    code: error.code,
    message: error.message,
    ...(error.path ? { path: error.path } : {}),
  };
}

export function classifyBatchReply(outcome: HttpOutcome, now: number): BatchVerdict {
  if (outcome.kind === 'reply') {
    const { status } = outcome;
    if (status >= 200 && status < 300) {
      const reply = readReply(DEVICE_API.responses, outcome.body);
      if (reply.ok) return { kind: 'ok', reply: reply.value };
      return {
        kind: 'retry',
        error: 'unexpected-reply',
        detail: `HTTP ${status}, not a sync reply`,
      };
    }
    if (status === 401) return { kind: 'unauthorized' };
    if (status === 413) return { kind: 'split' };
  }
  const refused = refusal(outcome);
  if (refused) return refused;

  const { code, detail } = callFailure(outcome);
  const retryAfterMs =
    outcome.kind === 'reply' ? parseRetryAfter(outcome.headers.get('Retry-After'), now) : undefined;
  return {
    kind: 'retry',
    error: code,
    ...(detail ? { detail } : {}),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}
