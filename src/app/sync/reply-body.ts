/**
 * Reads a collector reply's body against the contract: as the reply an endpoint declares
 * (API in the shared contract), or as the error shape every endpoint answers with. A body
 * that is not JSON (a captive portal's page, a body cut off) is neither.
 */
import type { z } from 'zod/mini';
import { type ApiError, ApiErrorSchema } from '../../shared/contract/api-error';
import { type ParseResult, parseWith, safeParseInput } from '../../shared/contract/parse';
import type { HttpOutcome } from './http';

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** The body as the reply the endpoint declares; a refusal names every path at fault. */
export function readReply<S extends z.ZodMiniType>(
  endpoint: { reply: S },
  body: string,
): ParseResult<z.output<S>> {
  return parseWith(endpoint.reply, parseJson(body));
}

/** The collector's error in a reply, or undefined for anything else (a proxy's 4xx page). */
export function collectorError(outcome: HttpOutcome): ApiError['error'] | undefined {
  if (outcome.kind !== 'reply') return undefined;
  const parsed = safeParseInput(ApiErrorSchema, parseJson(outcome.body));
  return parsed.success ? parsed.data.error : undefined;
}
