/**
 * The collector serves the API the shared contract declares: every endpoint at its method
 * and path, behind the authentication it names, answering what its reply schema says, and
 * /schema publishes every body schema an endpoint declares. Ids it reads are one id in any
 * case.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startTestCollector,
  TEST_ORIGIN,
  TEST_PASSWORD,
  type TestCollector,
} from '../../../test/fixtures/collector';
import { responseFile } from '../../../test/fixtures/response-files';
import { DEVICE_ID, makePhoneResponse, makeResponse } from '../../../test/fixtures/responses';
import { SURVEY_ID, surveyPackage } from '../../../test/fixtures/survey-package';
import { testDialects } from '../../../test/fixtures/test-databases';
import { API } from '../../shared/contract/api';
import { ApiErrorSchema } from '../../shared/contract/api-error';
import {
  apiPath,
  ENDPOINTS,
  type Endpoint,
  type EndpointName,
} from '../../shared/contract/endpoints';
import { contractJsonSchemas, PUBLISHED_SCHEMAS } from '../../shared/contract/json-schema';

const sqlite = testDialects.find((dialect) => dialect.name === 'sqlite');
if (!sqlite) throw new Error('the SQLite test dialect is missing');

const OTHER_DEVICE_ID = '7d1c9b2a-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

/** What one call to an endpoint carries besides its method and path. */
interface Call {
  /** The bearer token of an endpoint whose auth is 'link': a public link's. */
  linkToken?: string;
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  body?: unknown;
}

/**
 * A call each endpoint answers with success, as a device, an integrator or the staff's app
 * makes it (staff and admin endpoints get a signed-in administrator's cookie).
 */
const SUCCESSFUL_CALLS: Record<EndpointName, (collector: TestCollector) => Promise<Call>> = {
  health: async () => ({}),
  enroll: async (collector) => ({
    body: { code: await collector.code(), deviceId: OTHER_DEVICE_ID },
  }),
  deviceConfig: async () => ({}),
  survey: async () => ({ params: { id: SURVEY_ID } }),
  surveyVersion: async () => ({ params: { id: SURVEY_ID, version: 1 } }),
  responses: async () => ({ body: { responses: [makeResponse()] } }),
  schema: async () => ({}),
  publicLink: async (collector) => ({ params: { token: await collector.link() } }),
  publicResponses: async (collector) => ({
    linkToken: await collector.link(),
    body: { responses: [makePhoneResponse()] },
  }),
  signIn: async (collector) => ({ body: await collector.addStaff() }),
  session: async () => ({}),
  signOut: async () => ({}),
  signOutEverywhere: async () => ({}),
  firstAdmin: async (collector) => ({
    body: {
      token: collector.firstAdminToken,
      email: 'first@library.example',
      password: TEST_PASSWORD,
    },
  }),
  resultsSummary: async () => ({ query: { survey: SURVEY_ID } }),
  resultsOverview: async () => ({ query: { survey: SURVEY_ID, interval: 'week' } }),
  resultsPlaces: async () => ({ query: { survey: SURVEY_ID, suspect: 'include' } }),
  comments: async () => ({ query: { survey: SURVEY_ID, q: 'saturdays' } }),
  commentTags: async () => ({ query: { survey: SURVEY_ID } }),
  tagComment: async (collector) => ({
    params: await storedComment(collector),
    body: { tag: 'Opening hours' },
  }),
  untagComment: async (collector) => {
    const params = await storedComment(collector);
    const cookie = await collector.signIn('admin');
    await collector.app.request(pathOf(ENDPOINTS.tagComment, params), {
      method: 'POST',
      headers: { cookie, origin: TEST_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ tag: 'noise' }),
    });
    return { params: { ...params, tag: 'noise' } };
  },
  exportCsv: async () => ({ query: { survey: SURVEY_ID, lang: 'sl' } }),
  exportXlsx: async () => ({ query: { survey: SURVEY_ID } }),
  exportCodebook: async () => ({ query: { survey: SURVEY_ID, lang: 'lt' } }),
  branches: async () => ({}),
  setBranchSurvey: async () => ({ params: { id: 'main' }, body: { surveyId: SURVEY_ID } }),
  setBranchLook: async () => ({
    params: { id: 'main' },
    body: { hours: 'mon-fri 09:00-17:00', displayName: 'Main', accent: '#1d4f91' },
  }),
  setBranchStaffPin: async () => ({ params: { id: 'main' }, body: { pin: '482913' } }),
  devices: async () => ({}),
  revokeDevice: async () => ({ params: { id: DEVICE_ID } }),
  surveys: async () => ({}),
  importSurvey: async () => ({ body: surveyPackage({ version: 2 }) }),
  importResponses: async () => ({ body: await responseFile() }),
  links: async (collector) => {
    await collector.link();
    return {};
  },
  createLink: async () => ({ body: { branchId: 'main', until: '2026-12-31' } }),
  revokeLink: async (collector) => ({ params: { token: await collector.link() } }),
};

/** A free-text answer stored on the collector, as the path parameters of its tags. */
async function storedComment(
  collector: TestCollector,
): Promise<{ responseId: string; questionId: string }> {
  const response = makeResponse();
  const token = await collector.enroll(DEVICE_ID);
  await collector.sync(token, [response]);
  return { responseId: response.id, questionId: 'one-improvement' };
}

const NAMES = Object.keys(ENDPOINTS) as EndpointName[];

/** apiPath for any endpoint, its parameters checked at run time instead of by type. */
const pathOf = apiPath as (endpoint: Endpoint, params?: Record<string, string | number>) => string;

/** A method no endpoint at this endpoint's path answers. */
function unusedMethod(endpoint: Endpoint): string {
  const used = NAMES.filter((n) => ENDPOINTS[n].path === endpoint.path).map(
    (n) => ENDPOINTS[n].method,
  );
  return (
    ['GET', 'POST', 'DELETE', 'PUT'].find((m) => !used.includes(m as Endpoint['method'])) ?? 'PATCH'
  );
}

const queryOf = (call: Call) => (call.query ? `?${new URLSearchParams(call.query)}` : '');

const signedIn = (endpoint: Endpoint) => endpoint.auth === 'staff' || endpoint.auth === 'admin';

describe('the collector app serves the declared API', () => {
  let collector: TestCollector;
  let token: string;

  beforeEach(async () => {
    collector = await startTestCollector(sqlite);
    token = await collector.enroll(DEVICE_ID);
  });
  afterEach(() => collector.close());

  function send(
    endpoint: Endpoint,
    call: Call,
    options: { method?: string; token?: string; cookie?: string } = {},
  ): Promise<Response> {
    const method = options.method ?? endpoint.method;
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.cookie) headers.cookie = options.cookie;
    // As a browser does: every request but a read says which page sent it.
    if (method !== 'GET') headers.origin = TEST_ORIGIN;
    // A GET carries no body (fetch refuses one), whatever the endpoint would take.
    const body = method === 'GET' ? undefined : call.body;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return Promise.resolve(
      collector.app.request(`${pathOf(endpoint, call.params)}${queryOf(call)}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  }

  it.each(NAMES)('answers %s at its method and path with the reply it declares', async (name) => {
    const endpoint = API[name];
    const call = await SUCCESSFUL_CALLS[name](collector);
    const res = await send(
      endpoint,
      call,
      endpoint.auth === 'device'
        ? { token }
        : endpoint.auth === 'link'
          ? { token: call.linkToken ?? '' }
          : signedIn(endpoint)
            ? { cookie: await collector.signIn('admin') }
            : {},
    );

    expect(res.status).toBe(200);
    if ('reply' in endpoint) {
      const reply = endpoint.reply.safeParse(await res.json());
      expect(reply.error).toBeUndefined();
    } else {
      // A file: the type it declares, read to its end.
      expect(res.headers.get('content-type')).toContain(endpoint.contentType);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  it.each(NAMES)('answers %s with the generic 404 for any other method', async (name) => {
    const endpoint = ENDPOINTS[name];
    const call = await SUCCESSFUL_CALLS[name](collector);
    const res = await send(endpoint, call, { method: unusedMethod(endpoint), token });

    expect(res.status).toBe(404);
    const error = ApiErrorSchema.parse(await res.json()).error;
    expect(error).toMatchObject({ code: 'not-found', message: expect.stringContaining('no API') });
  });

  it.each(NAMES.filter((name) => ENDPOINTS[name].auth === 'device'))(
    'refuses %s without the device token, in the declared error shape',
    async (name) => {
      const endpoint = API[name];
      const res = await send(endpoint, await SUCCESSFUL_CALLS[name](collector));

      expect(res.status).toBe(401);
      expect(endpoint.error.parse(await res.json()).error.code).toBe('unauthorized');
    },
  );

  it.each(NAMES.filter((name) => ENDPOINTS[name].auth === 'link'))(
    'refuses %s without a link token, with a device token, and with a token no link has',
    async (name) => {
      const endpoint = API[name];
      const call = await SUCCESSFUL_CALLS[name](collector);
      for (const options of [{}, { token }, { token: 'x'.repeat(32) }]) {
        const res = await send(endpoint, call, options);
        expect(res.status).toBe(401);
        expect(endpoint.error.parse(await res.json()).error.code).toBe('unauthorized');
      }
    },
  );

  it.each(NAMES.filter((name) => signedIn(ENDPOINTS[name])))(
    'refuses %s without a signed-in staff cookie, in the declared error shape',
    async (name) => {
      const endpoint = API[name];
      const res = await send(endpoint, await SUCCESSFUL_CALLS[name](collector));

      expect(res.status).toBe(401);
      expect(endpoint.error.parse(await res.json()).error.code).toBe('unauthorized');
    },
  );

  it('publishes at /schema every request and reply schema an endpoint declares', async () => {
    const res = await send(ENDPOINTS.schema, {});
    const published = (await res.json()) as Record<string, unknown>;
    const nameOf = new Map(
      Object.entries(PUBLISHED_SCHEMAS).map(([name, schema]) => [schema, name]),
    );
    const expected = contractJsonSchemas();

    for (const [endpointName, endpoint] of Object.entries(API)) {
      // The listing itself is the one reply that is not a contract type.
      const bodies = [
        'request' in endpoint ? endpoint.request : undefined,
        endpointName === 'schema' || !('reply' in endpoint) ? undefined : endpoint.reply,
        endpoint.error,
      ];
      for (const schema of bodies) {
        if (!schema) continue;
        const name = nameOf.get(schema);
        expect(name, `${endpointName}: a body schema that is not published`).toBeDefined();
        expect(published[name as string]).toEqual(expected[name as string]);
      }
    }
  });
});

describe('ids in any case', () => {
  let collector: TestCollector;

  beforeEach(async () => {
    collector = await startTestCollector(sqlite);
  });
  afterEach(() => collector.close());

  it('takes a response sent again with its id in upper case as a duplicate, not a second response', async () => {
    const token = await collector.enroll(DEVICE_ID);
    const response = makeResponse();
    expect((await collector.sync(token, [response])).results[0]?.outcome).toBe('accepted');
    const again = { ...response, id: response.id.toUpperCase(), deviceId: DEVICE_ID.toUpperCase() };
    const reply = await collector.sync(token, [again]);
    expect(reply.results[0]).toMatchObject({ id: response.id, outcome: 'duplicate' });
  });
});
