/**
 * Errors the API answers: ApiError JSON ({ error: { code, message, path? } }) with the
 * status that goes with the code. Routes throw ApiProblem; the app turns it into a reply.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError, ApiErrorCode } from '../../shared/contract/api-error';

export class ApiProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly path?: string,
    /** Extra headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function apiErrorBody(code: ApiErrorCode, message: string, path?: string): ApiError {
  return { error: { code, message, ...(path ? { path } : {}) } };
}

export function problemReply(c: Context, problem: ApiProblem): Response {
  for (const [name, value] of Object.entries(problem.headers)) c.header(name, value);
  c.header('Cache-Control', 'no-store');
  return c.json(apiErrorBody(problem.code, problem.message, problem.path), problem.status);
}

export const badRequest = (message: string, path?: string) =>
  new ApiProblem(400, 'bad-request', message, path);

export const unauthorized = (message: string) => new ApiProblem(401, 'unauthorized', message);

export const notFound = (message: string) => new ApiProblem(404, 'not-found', message);

export const payloadTooLarge = (message: string) =>
  new ApiProblem(413, 'payload-too-large', message);
