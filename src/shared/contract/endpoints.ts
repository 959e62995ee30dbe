/**
 * The collector's API at the HTTP level: each endpoint's method, path and authentication,
 * the builder of its URL path, and the statuses that mean "not now" rather than "not this".
 * Declared once for the app, the collector and the tests. Free of zod, so code that only
 * builds a URL does not load the schema library; the bodies' schemas are in api.ts.
 */

/** Every endpoint lives under this prefix; an incompatible API would get /api/v2 beside it. */
export const API_BASE_PATH = '/api/v1';

export interface Endpoint {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Under API_BASE_PATH, in the router's syntax: `:name` is a path parameter. */
  readonly path: string;
  /**
   * device: the request carries the device token (Authorization: Bearer <token>).
   * staff: a signed-in staff session (its cookie); branch staff see their own branch only.
   * admin: a signed-in network administrator.
   * link: a public link's token (Authorization: Bearer <token>), the phone's only credential.
   */
  readonly auth: 'none' | 'device' | 'link' | 'staff' | 'admin';
}

/**
 * The URLs never change once shipped: kiosks in the field, the CLI's printed examples and
 * integrators' scripts call them.
 */
export const ENDPOINTS = {
  /** Is the collector up, and does its database answer. */
  health: { method: 'GET', path: '/health', auth: 'none' },
  /** A one-time enrollment code for a device token. */
  enroll: { method: 'POST', path: '/enroll', auth: 'none' },
  /** The device's branch, kiosk options, assigned survey, and the collector's time. */
  deviceConfig: { method: 'GET', path: '/device/config', auth: 'device' },
  /** The latest version of a survey package (public: phones on the QR channel fetch it). */
  survey: { method: 'GET', path: '/surveys/:id', auth: 'none' },
  /** One version of a survey package. */
  surveyVersion: { method: 'GET', path: '/surveys/:id/versions/:version', auth: 'none' },
  /** A sync batch: queued responses in, one outcome per record out. */
  responses: { method: 'POST', path: '/responses', auth: 'device' },
  /** The contract as JSON Schema, by name. */
  schema: { method: 'GET', path: '/schema', auth: 'none' },

  /** A public link's branch, survey and state (open, or closed and why). */
  publicLink: { method: 'GET', path: '/public/links/:token', auth: 'none' },
  /**
   * A sync batch from a phone on a public link: the same envelope, records and outcomes as
   * /responses; the branch is the link's and the channel `qr`, whatever the records say.
   */
  publicResponses: { method: 'POST', path: '/public/responses', auth: 'link' },

  /** Sign in with { email, password }: sets the session cookie. */
  signIn: { method: 'POST', path: '/session', auth: 'none' },
  /** Who is signed in, and until when. */
  session: { method: 'GET', path: '/session', auth: 'staff' },
  /** Sign out: ends this session. */
  signOut: { method: 'DELETE', path: '/session', auth: 'staff' },
  /** Sign out everywhere: ends every session of the signed-in account. */
  signOutEverywhere: { method: 'DELETE', path: '/sessions', auth: 'staff' },
  /** The first start's one-time link makes the first network administrator. */
  firstAdmin: { method: 'POST', path: '/setup', auth: 'none' },

  /** Per question: counts per value and the estimates with their intervals. */
  resultsSummary: { method: 'GET', path: '/results/summary', auth: 'staff' },
  /** Responses, completion, trend and the figures of each branch. */
  resultsOverview: { method: 'GET', path: '/results/overview', auth: 'staff' },
  /** The places responses within the filters were made at (bookmobile stops, floors). */
  resultsPlaces: { method: 'GET', path: '/results/places', auth: 'staff' },
  /** The free-text answers, searchable, with their tags. */
  comments: { method: 'GET', path: '/results/comments', auth: 'staff' },
  /** Each tag with the number of comments carrying it. */
  commentTags: { method: 'GET', path: '/results/comment-tags', auth: 'staff' },
  /** Tags a comment ({ tag }). */
  tagComment: {
    method: 'POST',
    path: '/results/comments/:responseId/:questionId/tags',
    auth: 'staff',
  },
  /** Takes a tag off a comment. */
  untagComment: {
    method: 'DELETE',
    path: '/results/comments/:responseId/:questionId/tags/:tag',
    auth: 'staff',
  },
  /** One row per response, one column per question, values as codes (UTF-8 with a BOM). */
  exportCsv: { method: 'GET', path: '/export/responses.csv', auth: 'staff' },
  /** The same as a workbook: responses on the first sheet, the codebook on the second. */
  exportXlsx: { method: 'GET', path: '/export/responses.xlsx', auth: 'staff' },
  /** The CSV export's codebook: question texts and value labels in the chosen language. */
  exportCodebook: { method: 'GET', path: '/export/codebook.csv', auth: 'staff' },

  /** Branches (branch staff: their own), with the survey their kiosks show. */
  branches: { method: 'GET', path: '/admin/branches', auth: 'staff' },
  /** Chooses the survey a branch's kiosks show ({ surveyId }). */
  setBranchSurvey: { method: 'POST', path: '/admin/branches/:id/survey', auth: 'admin' },
  /** A branch's opening hours and its look on the welcome screen (name, logo, accent). */
  setBranchLook: { method: 'POST', path: '/admin/branches/:id/look', auth: 'admin' },
  /** Sets ({ pin }) or clears ({ pin: null }) the PIN that opens the staff view on a branch's devices. */
  setBranchStaffPin: { method: 'POST', path: '/admin/branches/:id/staff-pin', auth: 'admin' },
  /** Every enrolled device (branch staff: their branch's), with when it was last seen. */
  devices: { method: 'GET', path: '/admin/devices', auth: 'staff' },
  /** Revokes a device's token. */
  revokeDevice: { method: 'POST', path: '/admin/devices/:id/revoke', auth: 'admin' },
  /** Surveys and their versions, with response counts. */
  surveys: { method: 'GET', path: '/admin/surveys', auth: 'staff' },
  /** Imports a survey package (the same checks as the CLI's survey import). */
  importSurvey: { method: 'POST', path: '/admin/surveys', auth: 'admin' },
  /**
   * Imports a file of responses a kiosk saved (shared/contract/response-file.ts); branch
   * staff only their own branch's devices' files.
   */
  importResponses: { method: 'POST', path: '/admin/imports', auth: 'staff' },
  /** Public links (branch staff: their branch's), open or closed, with their responses. */
  links: { method: 'GET', path: '/admin/links', auth: 'staff' },
  /** Makes a public link ({ branchId, surveyId?, until? }) for a poster's QR code. */
  createLink: { method: 'POST', path: '/admin/links', auth: 'admin' },
  /** Closes a public link for good: phones are told the survey is closed. */
  revokeLink: { method: 'POST', path: '/admin/links/:token/revoke', auth: 'admin' },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;

/** The names of the `:name` parameters in a path pattern. */
export type PathParamNames<Path extends string> =
  Path extends `${string}:${infer Name}/${infer Rest}`
    ? Name | PathParamNames<`/${Rest}`>
    : Path extends `${string}:${infer Name}`
      ? Name
      : never;

/** One value per path parameter of an endpoint. */
export type PathParams<E extends Endpoint> = Record<PathParamNames<E['path']>, string | number>;

/** The values apiPath() needs for an endpoint: none, or one per path parameter. */
export type PathArgs<E extends Endpoint> = [PathParamNames<E['path']>] extends [never]
  ? []
  : [params: PathParams<E>];

/** The URL path of a call (base path included), each parameter filled in and encoded. */
export function apiPath<E extends Endpoint>(endpoint: E, ...[params]: PathArgs<E>): string {
  const values: Record<string, string | number> = params ?? {};
  const path = endpoint.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${endpoint.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
  return `${API_BASE_PATH}${path}`;
}

/** The server errors: 500 to 599, the last status a reply may have (Fetch: a status is 200–599). */
const SERVER_ERROR_STATUSES = Array.from({ length: 100 }, (_, i) => 500 + i);

/**
 * Statuses that say "not now" rather than "not this": 408 Request Timeout, 423 Locked, 429
 * Too Many Requests, and every 5xx (the collector, or a proxy in front of it, is busy or
 * broken). The client sends the same request again later, never sooner than Retry-After;
 * it neither gives up on nor blames what it sent.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([
  408,
  423,
  429,
  ...SERVER_ERROR_STATUSES,
]);

/** Whether a reply with this status asks for the same request again, later. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}
