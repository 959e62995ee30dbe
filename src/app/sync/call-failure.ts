/**
 * Why a collector call did not get its answer, in the codes the UI translates. Every call
 * ends here when its reply is not the one it wants; the batch upload first picks out the
 * replies that decide about its records (classify-reply.ts).
 */
import { isRetryableStatus } from '../../shared/contract/endpoints';
import type { HttpOutcome } from './http';
import { collectorError } from './reply-body';
import type { SyncErrorCode } from './sync-result';

/**
 * offline: no connection; timeout: no answer in time; server-error: the collector is busy
 * or broken (a retryable status: 408, 423, 429, 5xx); unexpected-reply: an answer that is
 * not the collector's (a captive portal, a proxy, a wrong address) or not what the
 * contract promises. The same codes the sync state records, translated the same way.
 */
export type CallFailure = Extract<
  SyncErrorCode,
  'offline' | 'timeout' | 'server-error' | 'unexpected-reply'
>;

export function callFailure(outcome: HttpOutcome): { code: CallFailure; detail?: string } {
  if (outcome.kind === 'network-error') return { code: 'offline', detail: outcome.detail };
  if (outcome.kind === 'timeout') return { code: 'timeout' };
  const error = collectorError(outcome);
  const detail = error
    ? `HTTP ${outcome.status} ${error.code}: ${error.message}`
    : `HTTP ${outcome.status}`;
  return { code: isRetryableStatus(outcome.status) ? 'server-error' : 'unexpected-reply', detail };
}
