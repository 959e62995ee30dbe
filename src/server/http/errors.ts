/**
 * Errors the API answers: ApiError JSON ({ error: { code, message, path? } }) with the
 * status the contract gives the code (API_ERROR_STATUS). Routes throw ApiProblem; the app
 * turns it into a reply.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import {
  API_ERROR_STATUS,
  type ApiError,
  type ApiErrorCode,
} from '../../shared/contract/api-error';

export class ApiProblem extends Error {
  readonly status: (typeof API_ERROR_STATUS)[ApiErrorCode];

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly path?: string,
    /** Extra headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = API_ERROR_STATUS[code];
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

/** Where a body first fails its schema: the dotted path (undefined for the body itself) and why. */
export function firstIssue(error: z.core.$ZodError): { path: string | undefined; message: string } {
  const issue = error.issues[0];
  return {
    path: issue?.path.map(String).join('.') || undefined,
    message: issue?.message ?? 'does not match the contract',
  };
}

export const badRequest = (message: string, path?: string) =>
  new ApiProblem('bad-request', message, path);

/** 400 naming the first field of the body that fails its schema; `expected` shows the shape. */
export function invalidBody(error: z.core.$ZodError, expected: string): ApiProblem {
  const { path, message } = firstIssue(error);
  return badRequest(`${path ?? 'the body'}: ${message} (expected ${expected})`, path);
}

export const unauthorized = (message: string) => new ApiProblem('unauthorized', message);

export const notFound = (message: string) => new ApiProblem('not-found', message);

export const payloadTooLarge = (message: string) => new ApiProblem('payload-too-large', message);
