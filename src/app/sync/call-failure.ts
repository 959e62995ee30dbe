/**
 * What a collector call that did not get its answer means, in the codes the UI translates.
 * The batch upload has its own, finer classifier (classify-reply.ts); this one serves the
 * calls where the only question is "why not".
 */
import { ApiErrorSchema } from '../../shared/contract/api-error';
import { type HttpOutcome, parseJsonBody } from './http';

/**
 * offline: no connection; timeout: no answer in time; server-error: the collector is busy
 * or broken (5xx, 408, 423, 429); unexpected-reply: an answer that is not the collector's
 * (a captive portal, a proxy, a wrong address) or not what the contract promises.
 */
export type CallFailure = 'offline' | 'timeout' | 'server-error' | 'unexpected-reply';

const BUSY_STATUSES = new Set([408, 423, 429]);

export function callFailure(outcome: HttpOutcome): { code: CallFailure; detail?: string } {
  if (outcome.kind === 'network-error') return { code: 'offline', detail: outcome.detail };
  if (outcome.kind === 'timeout') return { code: 'timeout' };
  const apiError = ApiErrorSchema.safeParse(parseJsonBody(outcome.body));
  const detail = apiError.success
    ? `HTTP ${outcome.status} ${apiError.data.error.code}: ${apiError.data.error.message}`
    : `HTTP ${outcome.status}`;
  const busy = outcome.status >= 500 || BUSY_STATUSES.has(outcome.status);
  return { code: busy ? 'server-error' : 'unexpected-reply', detail };
}
