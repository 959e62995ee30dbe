/**
 * The dashboard's only door to the collector. Every call names its endpoint from the
 * contract (ENDPOINTS, apiPath), sends the session cookie (same origin), sends JSON with
 * its Content-Type on POST and DELETE, and parses the reply with the contract's schema, so
 * a screen gets typed data or an ApiCallError with a stable code it can translate.
 * A 401 on a call made while signed in means the session ended: the listener set with
 * onSessionEnded() hears it (the app returns to sign-in, keeping the page).
 */
// First, also here: this module and the contract's schemas share a chunk that the entry
// imports, which runs before the entry's own code (see the module).
import '../shared/zod-without-eval';
import type { z } from 'zod';
import {
  BranchDetailsSchema,
  BranchListSchema,
  type CreateLinkRequest,
  DeviceListSchema,
  ImportSurveyReplySchema,
  LinkDetailsSchema,
  LinkListSchema,
  type SetBranchLookRequest,
  SurveyImportProblemsSchema,
  SurveyListSchema,
} from '../shared/contract/admin';
import { type ApiErrorCode, ApiErrorSchema } from '../shared/contract/api-error';
import { apiPath, ENDPOINTS, type Endpoint } from '../shared/contract/endpoints';
import { safeParseInput } from '../shared/contract/parse';
import {
  type ImportResponsesProblem,
  ImportResponsesProblemSchema,
  ImportResponsesReplySchema,
} from '../shared/contract/response-file';
import {
  CommentsPageSchema,
  CommentTagsSchema,
  ResultsOverviewSchema,
  ResultsPlacesSchema,
  ResultsSummarySchema,
  type TrendInterval,
} from '../shared/contract/results';
import {
  type FirstAdminRequest,
  type SignInRequest,
  StaffSessionSchema,
} from '../shared/contract/staff';
import { SurveyPackageSchema } from '../shared/contract/survey-package';
import type { Language } from '../shared/languages';
import { now } from './clock';

/** Why a call failed: the collector's code, or what happened on the way. */
export type CallFailure = ApiErrorCode | 'network' | 'bad-reply';

export interface ImportProblem {
  path: string;
  message: string;
}

export class ApiCallError extends Error {
  constructor(
    readonly code: CallFailure,
    readonly status: number,
    message: string,
    /** From Retry-After, when the collector said when to try again. */
    readonly retryAfterSeconds?: number,
    /** A refused survey import: each problem with its path in the package. */
    readonly problems: ImportProblem[] = [],
    /** The field of the request the collector refused, when it named one. */
    readonly path?: string,
    /** A refused file of responses: why it was refused whole (IMPORT_PROBLEMS). */
    readonly fileProblem?: ImportResponsesProblem['problem'],
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

let sessionEnded: () => void = () => {};

/** Who hears that a call answered 401 (the session expired or was ended elsewhere). */
export function onSessionEnded(listener: () => void): void {
  sessionEnded = listener;
}

interface CallOptions {
  query?: URLSearchParams;
  body?: unknown;
  signal?: AbortSignal;
  /** A 401 here is an answer, not an ended session (signing in, asking who is signed in). */
  unauthorizedIsAnswer?: boolean;
}

/** Seconds to wait from a Retry-After header (seconds, or an HTTP date). */
export function retryAfterSeconds(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - now.getTime()) / 1000));
}

async function send(endpoint: Endpoint, path: string, options: CallOptions): Promise<Response> {
  const query = options.query?.toString();
  const init: RequestInit = {
    method: endpoint.method,
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
    ...(options.signal ? { signal: options.signal } : {}),
  };
  if (endpoint.method !== 'GET') {
    // JSON with its type, even when there is nothing to say: the collector refuses a
    // state-changing call that is not JSON, which a cross-site form cannot send.
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(options.body ?? {});
  }
  let reply: Response;
  try {
    reply = await fetch(query ? `${path}?${query}` : path, init);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiCallError('network', 0, (error as Error).message);
  }
  if (reply.ok) return reply;

  const body: unknown = await reply.json().catch(() => undefined);
  const parsed = safeParseInput(ApiErrorSchema, body);
  const code: CallFailure = parsed.success ? parsed.data.error.code : statusCode(reply.status);
  if (reply.status === 401 && !options.unauthorizedIsAnswer) sessionEnded();
  const problems = safeParseInput(SurveyImportProblemsSchema, body);
  const fileProblem = safeParseInput(ImportResponsesProblemSchema, body);
  throw new ApiCallError(
    code,
    reply.status,
    parsed.success ? parsed.data.error.message : `HTTP ${reply.status}`,
    retryAfterSeconds(reply.headers.get('retry-after'), now()),
    problems.success ? problems.data.problems : [],
    parsed.success ? parsed.data.error.path : undefined,
    fileProblem.success ? fileProblem.data.problem : undefined,
  );
}

function statusCode(status: number): CallFailure {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  return status >= 500 ? 'internal' : 'bad-request';
}

async function call<S extends z.core.$ZodType>(
  endpoint: Endpoint,
  path: string,
  reply: S,
  options: CallOptions = {},
): Promise<z.output<S>> {
  const res = await send(endpoint, path, options);
  const body: unknown = await res.json().catch(() => undefined);
  const parsed = safeParseInput(reply, body);
  if (!parsed.success) {
    throw new ApiCallError('bad-reply', res.status, `${path}: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** A call whose reply has no body worth reading (204, or a confirmation). */
async function callForEffect(endpoint: Endpoint, path: string, options: CallOptions = {}) {
  await send(endpoint, path, options);
}

export const api = {
  signIn: (request: SignInRequest) =>
    call(ENDPOINTS.signIn, apiPath(ENDPOINTS.signIn), StaffSessionSchema, {
      body: request,
      unauthorizedIsAnswer: true,
    }),
  /** Who is signed in; null when nobody is. */
  session: async () => {
    try {
      return await call(ENDPOINTS.session, apiPath(ENDPOINTS.session), StaffSessionSchema, {
        unauthorizedIsAnswer: true,
      });
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'unauthorized') return null;
      throw error;
    }
  },
  signOut: () =>
    callForEffect(ENDPOINTS.signOut, apiPath(ENDPOINTS.signOut), { unauthorizedIsAnswer: true }),
  signOutEverywhere: () =>
    callForEffect(ENDPOINTS.signOutEverywhere, apiPath(ENDPOINTS.signOutEverywhere), {
      unauthorizedIsAnswer: true,
    }),
  firstAdmin: (request: FirstAdminRequest) =>
    call(ENDPOINTS.firstAdmin, apiPath(ENDPOINTS.firstAdmin), StaffSessionSchema, {
      body: request,
      unauthorizedIsAnswer: true,
    }),

  summary: (query: URLSearchParams, signal?: AbortSignal) =>
    call(ENDPOINTS.resultsSummary, apiPath(ENDPOINTS.resultsSummary), ResultsSummarySchema, {
      query,
      ...(signal ? { signal } : {}),
    }),
  overview: (query: URLSearchParams, interval: TrendInterval, signal?: AbortSignal) => {
    const withInterval = new URLSearchParams(query);
    withInterval.set('interval', interval);
    return call(
      ENDPOINTS.resultsOverview,
      apiPath(ENDPOINTS.resultsOverview),
      ResultsOverviewSchema,
      {
        query: withInterval,
        ...(signal ? { signal } : {}),
      },
    );
  },
  places: (query: URLSearchParams, signal?: AbortSignal) =>
    call(ENDPOINTS.resultsPlaces, apiPath(ENDPOINTS.resultsPlaces), ResultsPlacesSchema, {
      query,
      ...(signal ? { signal } : {}),
    }),
  comments: (query: URLSearchParams, signal?: AbortSignal) =>
    call(ENDPOINTS.comments, apiPath(ENDPOINTS.comments), CommentsPageSchema, {
      query,
      ...(signal ? { signal } : {}),
    }),
  commentTags: (query: URLSearchParams, signal?: AbortSignal) =>
    call(ENDPOINTS.commentTags, apiPath(ENDPOINTS.commentTags), CommentTagsSchema, {
      query,
      ...(signal ? { signal } : {}),
    }),
  tagComment: (responseId: string, questionId: string, tag: string) =>
    callForEffect(ENDPOINTS.tagComment, apiPath(ENDPOINTS.tagComment, { responseId, questionId }), {
      body: { tag },
    }),
  untagComment: (responseId: string, questionId: string, tag: string) =>
    callForEffect(
      ENDPOINTS.untagComment,
      apiPath(ENDPOINTS.untagComment, { responseId, questionId, tag }),
    ),

  branches: () => call(ENDPOINTS.branches, apiPath(ENDPOINTS.branches), BranchListSchema),
  setBranchSurvey: (branchId: string, surveyId: string) =>
    callForEffect(ENDPOINTS.setBranchSurvey, apiPath(ENDPOINTS.setBranchSurvey, { id: branchId }), {
      body: { surveyId },
    }),
  setBranchLook: (branchId: string, request: SetBranchLookRequest) =>
    call(
      ENDPOINTS.setBranchLook,
      apiPath(ENDPOINTS.setBranchLook, { id: branchId }),
      BranchDetailsSchema,
      { body: request },
    ),
  /** Sets a branch's staff PIN, or clears it with null. */
  setBranchStaffPin: (branchId: string, pin: string | null) =>
    callForEffect(
      ENDPOINTS.setBranchStaffPin,
      apiPath(ENDPOINTS.setBranchStaffPin, { id: branchId }),
      { body: { pin } },
    ),
  devices: () => call(ENDPOINTS.devices, apiPath(ENDPOINTS.devices), DeviceListSchema),
  revokeDevice: (deviceId: string) =>
    callForEffect(ENDPOINTS.revokeDevice, apiPath(ENDPOINTS.revokeDevice, { id: deviceId })),
  surveys: () => call(ENDPOINTS.surveys, apiPath(ENDPOINTS.surveys), SurveyListSchema),
  /** Imports a package as the file had it: the collector checks it and names every problem. */
  importSurvey: (pkg: unknown) =>
    call(ENDPOINTS.importSurvey, apiPath(ENDPOINTS.importSurvey), ImportSurveyReplySchema, {
      body: pkg,
    }),
  /** A file of responses a kiosk saved, as read from disk (parsed JSON). */
  importResponses: (file: unknown) =>
    call(
      ENDPOINTS.importResponses,
      apiPath(ENDPOINTS.importResponses),
      ImportResponsesReplySchema,
      { body: file },
    ),
  links: () => call(ENDPOINTS.links, apiPath(ENDPOINTS.links), LinkListSchema),
  createLink: (request: CreateLinkRequest) =>
    call(ENDPOINTS.createLink, apiPath(ENDPOINTS.createLink), LinkDetailsSchema, {
      body: request,
    }),
  revokeLink: (token: string) =>
    call(ENDPOINTS.revokeLink, apiPath(ENDPOINTS.revokeLink, { token }), LinkDetailsSchema),
  /** The latest version of a survey package: its structure and every language's texts. */
  surveyPackage: (surveyId: string) =>
    call(ENDPOINTS.survey, apiPath(ENDPOINTS.survey, { id: surveyId }), SurveyPackageSchema),
  /** One version of a survey package: an older one names the questions a later one retired. */
  surveyPackageVersion: (surveyId: string, version: number) =>
    call(
      ENDPOINTS.surveyVersion,
      apiPath(ENDPOINTS.surveyVersion, { id: surveyId, version }),
      SurveyPackageSchema,
    ),
};

export const EXPORTS = {
  csv: ENDPOINTS.exportCsv,
  xlsx: ENDPOINTS.exportXlsx,
  codebook: ENDPOINTS.exportCodebook,
} as const;
export type ExportKind = keyof typeof EXPORTS;

/** The link of an export: the filters of the page and the language of its headings. */
export function exportUrl(kind: ExportKind, query: URLSearchParams, language: Language): string {
  const withLanguage = new URLSearchParams(query);
  withLanguage.set('lang', language);
  return `${apiPath(EXPORTS[kind])}?${withLanguage}`;
}
