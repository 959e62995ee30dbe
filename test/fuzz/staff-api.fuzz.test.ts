/**
 * The endpoints librarians call, fed generated bad input among valid requests: sign-in and
 * sessions, the first administrator's setup, the results, tagging comments, the exports
 * and the admin pages (branches, devices, surveys, survey import, public links). Every bad request
 * answers a 4xx in the contract's error shape and stores nothing; valid ones succeed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_COOKIE } from '../../src/server/http/staff-auth';
import {
  BranchDetailsSchema,
  BranchListSchema,
  CreateLinkRequestSchema,
  DeviceListSchema,
  ImportSurveyReplySchema,
  LinkDetailsSchema,
  LinkListSchema,
  SetBranchSurveyRequestSchema,
  SurveyListSchema,
} from '../../src/shared/contract/admin';
import { apiPath, ENDPOINTS, type Endpoint } from '../../src/shared/contract/endpoints';
import { safeParseInput } from '../../src/shared/contract/parse';
import {
  CommentSchema,
  CommentsPageSchema,
  CommentsQuerySchema,
  CommentTagsQuerySchema,
  CommentTagsSchema,
  ExportQuerySchema,
  ResultsFilterSchema,
  ResultsOverviewQuerySchema,
  ResultsOverviewSchema,
  ResultsSummarySchema,
  TagRequestSchema,
} from '../../src/shared/contract/results';
import {
  FirstAdminRequestSchema,
  SignInRequestSchema,
  StaffSessionSchema,
} from '../../src/shared/contract/staff';
import { SetStaffPinRequestSchema } from '../../src/shared/contract/staff-pin-schema';
import {
  SurveyPackageSchema,
  SurveyStructureSchema,
} from '../../src/shared/contract/survey-package';
import {
  type StaffCredentials,
  startTestCollector,
  TEST_ORIGIN,
  TEST_PASSWORD,
  type TestCollector,
} from '../fixtures/collector';
import { DEVICE_ID, makeResponse } from '../fixtures/responses';
import { SURVEY_ID, surveyPackage } from '../fixtures/survey-package';
import { testDialects } from '../fixtures/test-databases';
import {
  anyText,
  brokenJsonText,
  cookieGarbage,
  deepJsonText,
  edgeLiteral,
  junkJson,
  notJsonContentType,
  oddText,
  oversizedBody,
  pathSegmentGarbage,
  percentEncode,
  queryGarbage,
  refusedBy,
  type WireBody,
} from './arbitraries';
import {
  countRows,
  expectRefusal,
  expectSuccess,
  FUZZ_TIMEOUT_MS,
  jsonText,
  runs,
  send,
  withLiteral,
} from './harness';

/** Runs per endpoint group; together with device-api.fuzz.test.ts over 10,000. */
const RUNS = {
  signIn: 1000,
  firstAdmin: 500,
  sessions: 1000,
  results: 1500,
  tags: 600,
  exports: 600,
  admin: 700,
  importSurvey: 300,
} as const;

const SIGN_IN_MAX_BYTES = 4 * 1024;
const PACKAGE_MAX_BYTES = 1024 * 1024;

const sqlite = testDialects.find((dialect) => dialect.name === 'sqlite');
if (!sqlite) throw new Error('the SQLite test dialect is missing');

let uniqueAddress = 0;
/** An address no bad request used, so no throttle holds a valid request back. */
const freshAddress = () => {
  uniqueAddress += 1;
  return `10.3.${Math.floor(uniqueAddress / 250)}.${(uniqueAddress % 250) + 1}`;
};
const SHARED_ADDRESS = '10.4.0.1';

/** A JSON body broken in one of the ways every POST endpoint must refuse. */
type BodyFault =
  | { kind: 'field'; field: string; value: unknown }
  | { kind: 'missing'; field: string }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'literal'; field: string; literal: string }
  | { kind: 'body'; value: unknown }
  | { kind: 'wire'; body: WireBody }
  | { kind: 'content-type'; contentType: string | undefined };

/** Faults of a strict object's body: every field refused by its own schema, and the rest. */
function bodyFault(
  schema: { shape: Record<string, import('zod').core.$ZodType> } & import('zod').core.$ZodType,
  valid: Record<string, unknown>,
  maxBytes: number,
): fc.Arbitrary<BodyFault> {
  const fields = Object.keys(schema.shape);
  return fc.oneof(
    fc.constantFrom(...fields).chain((field) =>
      fc.record({
        kind: fc.constant('field' as const),
        field: fc.constant(field),
        value: refusedBy(schema.shape[field] as import('zod').core.$ZodType),
      }),
    ),
    fc.record({ kind: fc.constant('missing' as const), field: fc.constantFrom(...fields) }),
    fc.record({
      kind: fc.constant('extra' as const),
      key: anyText.filter((key) => !fields.includes(key)),
      value: junkJson,
    }),
    fc.record({
      kind: fc.constant('literal' as const),
      field: fc.constantFrom(...fields),
      literal: edgeLiteral,
    }),
    fc.record({ kind: fc.constant('body' as const), value: refusedBy(schema) }),
    fc.record({
      kind: fc.constant('wire' as const),
      body: fc.oneof(brokenJsonText(JSON.stringify(valid)), oversizedBody(maxBytes)),
    }),
    fc.record({ kind: fc.constant('content-type' as const), contentType: notJsonContentType }),
  );
}

/** The wire body and Content-Type of a fault applied to a valid body. */
function applyFault(
  fault: BodyFault,
  valid: Record<string, unknown>,
): { body: WireBody; contentType: string | undefined } {
  const json = 'application/json';
  switch (fault.kind) {
    case 'field':
      return { body: jsonText({ ...valid, [fault.field]: fault.value }), contentType: json };
    case 'missing': {
      const { [fault.field]: _left, ...rest } = valid;
      return { body: jsonText(rest), contentType: json };
    }
    case 'extra':
      return { body: jsonText({ ...valid, [fault.key]: fault.value }), contentType: json };
    case 'literal':
      return {
        body: { kind: 'text', text: withLiteral(valid, fault.field, fault.literal) },
        contentType: json,
      };
    case 'body':
      return { body: jsonText(fault.value), contentType: json };
    case 'wire':
      return { body: fault.body, contentType: json };
    case 'content-type':
      return { body: jsonText(valid), contentType: fault.contentType };
  }
}

/** Whether a faulty body is valid after all by the contract's schema (a literal can be). */
function stillValid(
  schema: import('zod').core.$ZodType,
  body: WireBody,
  contentType: string | undefined,
): boolean {
  if (body.kind !== 'text' || contentType !== 'application/json') return false;
  try {
    return safeParseInput(schema, JSON.parse(body.text)).success;
  } catch {
    return false;
  }
}

/** Any JSON value as a query parameter's text. */
const asQueryValue = (value: unknown) =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

const pathOf = apiPath as (endpoint: Endpoint, params?: Record<string, string | number>) => string;

describe('staff endpoints under fuzzing on sqlite', () => {
  let collector: TestCollector;
  let admin: StaffCredentials;
  let adminCookie: string;
  let branchCookie: string;
  let commentIds: string[];

  beforeAll(async () => {
    collector = await startTestCollector(sqlite);
    const token = await collector.enroll(DEVICE_ID, 'main');
    const responses = Array.from({ length: 6 }, (_, i) =>
      makeResponse({
        answers: { ...makeResponse().answers, 'one-improvement': `Comment ${i}: more 😀 books` },
      }),
    );
    await collector.sync(token, responses);
    commentIds = responses.map((r) => r.id);
    admin = await collector.addStaff('admin');
    adminCookie = await collector.signIn('admin');
    branchCookie = await collector.signIn('branch', 'bookmobile');
  }, FUZZ_TIMEOUT_MS);
  afterAll(() => collector?.close(), FUZZ_TIMEOUT_MS);

  const storage = () => collector.database.storage;

  it(
    `signs in only with an account's credentials, over ${RUNS.signIn} generated sign-ins`,
    async () => {
      const valid = () => ({ email: admin.email, password: admin.password });
      type Plan =
        | { kind: 'valid'; email: string }
        | { kind: 'wrong'; email: string; password: string }
        | { kind: 'fault'; fault: BodyFault }
        | { kind: 'origin'; origin: string | undefined };
      const plan: fc.Arbitrary<Plan> = fc.oneof(
        fc.record({
          kind: fc.constant('valid' as const),
          email: fc.constantFrom('as-is', 'upper'),
        }),
        fc.record({
          kind: fc.constant('wrong' as const),
          email: fc
            .emailAddress()
            .filter((e) => safeParseInput(SignInRequestSchema.shape.email, e).success),
          password: fc
            .oneof(oddText, fc.string({ minLength: 1, maxLength: 256 }))
            .filter((p) => p.length >= 1 && p.length <= 256 && p !== TEST_PASSWORD),
        }),
        {
          weight: 3,
          arbitrary: fc.record({
            kind: fc.constant('fault' as const),
            fault: bodyFault(SignInRequestSchema, valid(), SIGN_IN_MAX_BYTES),
          }),
        },
        fc.record({
          kind: fc.constant('origin' as const),
          origin: fc.constantFrom(undefined, 'null', 'http://evil.example', 'http://localhost:1'),
        }),
      );
      await fc.assert(
        fc.asyncProperty(plan, async (p) => {
          let body: WireBody = jsonText(valid());
          let contentType: string | undefined = 'application/json';
          let origin: string | undefined = TEST_ORIGIN;
          let succeeds = false;
          switch (p.kind) {
            case 'valid': {
              const email = p.email === 'upper' ? admin.email.toUpperCase() : admin.email;
              body = jsonText({ email, password: admin.password });
              succeeds = true;
              break;
            }
            case 'wrong':
              body = jsonText({ email: p.email, password: p.password });
              break;
            case 'fault':
              ({ body, contentType } = applyFault(p.fault, valid()));
              // A fault may leave a valid request (an edge literal that is a string): it
              // signs in only if it still carries the account's password.
              succeeds =
                stillValid(SignInRequestSchema, body, contentType) &&
                body.kind === 'text' &&
                (JSON.parse(body.text) as { password?: unknown }).password === admin.password;
              break;
            case 'origin':
              origin = p.origin;
              break;
          }
          const before = await countRows(storage(), ['staff_users', 'staff_sessions']);
          const res = await send(collector.app, {
            method: 'POST',
            path: apiPath(ENDPOINTS.signIn),
            headers: { 'content-type': contentType, origin },
            body,
            address: succeeds ? freshAddress() : SHARED_ADDRESS,
          });
          const after = await countRows(storage(), ['staff_users', 'staff_sessions']);
          if (succeeds) {
            await expectSuccess(res, `sign-in (${p.kind})`, StaffSessionSchema);
            expect(after.staff_sessions).toBe((before.staff_sessions ?? 0) + 1);
            return;
          }
          await expectRefusal(res, `sign-in (${p.kind})`);
          expect(after).toEqual(before);
        }),
        runs(RUNS.signIn),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `reads and ends sessions only with a session's cookie, over ${RUNS.sessions} requests`,
    async () => {
      const endpoints = [ENDPOINTS.session, ENDPOINTS.signOut, ENDPOINTS.signOutEverywhere];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...endpoints),
          cookieGarbage,
          fc.boolean(),
          fc.constantFrom(undefined, TEST_ORIGIN, 'http://evil.example'),
          async (endpoint, cookie, valid, origin) => {
            const before = await countRows(storage(), ['staff_users', 'staff_sessions']);
            const asValid = valid && endpoint === ENDPOINTS.session;
            const res = await send(collector.app, {
              method: endpoint.method,
              path: apiPath(endpoint),
              headers: { cookie: asValid ? adminCookie : cookie, origin },
            });
            if (asValid) await expectSuccess(res, 'GET /session', StaffSessionSchema);
            else await expectRefusal(res, `${endpoint.method} ${endpoint.path}`);
            expect(await countRows(storage(), ['staff_users', 'staff_sessions'])).toEqual(before);
          },
        ),
        runs(RUNS.sessions),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  /** One results endpoint with the schema of its query and of its reply. */
  const RESULTS = [
    { endpoint: ENDPOINTS.resultsSummary, query: ResultsFilterSchema, reply: ResultsSummarySchema },
    {
      endpoint: ENDPOINTS.resultsOverview,
      query: ResultsOverviewQuerySchema,
      reply: ResultsOverviewSchema,
    },
    { endpoint: ENDPOINTS.comments, query: CommentsQuerySchema, reply: CommentsPageSchema },
    { endpoint: ENDPOINTS.commentTags, query: CommentTagsQuerySchema, reply: CommentTagsSchema },
  ] as const;

  /** Query parameters a librarian's page sends, each with values that are right. */
  const validQuery = fc.record(
    {
      from: fc.constantFrom('2026-01-01', '2026-11-20'),
      to: fc.constantFrom('2026-11-20', '2026-12-31'),
      branch: fc.constantFrom('main', 'main,bookmobile', 'nowhere'),
      channel: fc.constantFrom('kiosk', 'kiosk,qr'),
      locale: fc.constantFrom('sl', 'hu,lt'),
      completed: fc.constantFrom('true', 'false'),
      question: fc.constantFrom('overall-satisfaction', 'one-improvement'),
      interval: fc.constantFrom('day', 'week', 'month'),
      q: fc
        .oneof(oddText, fc.constantFrom('%', '_', '\\', "'", 'books'))
        .map((q) => q.slice(0, 200)),
      tag: fc.constantFrom('noise', 'opening hours'),
      page: fc.constantFrom('1', '2', '100000'),
    },
    { requiredKeys: [] },
  );

  it(
    `answers the results pages or refuses their query, over ${RUNS.results} generated queries`,
    async () => {
      const param = fc.constantFrom(
        'survey',
        'from',
        'to',
        'branch',
        'channel',
        'locale',
        'completed',
        'question',
        'interval',
        'q',
        'tag',
        'page',
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...RESULTS),
          validQuery,
          fc.option(fc.tuple(param, fc.oneof(anyText, junkJson.map(asQueryValue))), {
            nil: undefined,
          }),
          fc.option(queryGarbage, { nil: undefined }),
          fc.constantFrom('admin', 'branch', 'garbage'),
          cookieGarbage,
          async (results, query, fault, garbage, who, badCookie) => {
            const values: Record<string, string> = { survey: SURVEY_ID, ...query };
            if (fault) values[fault[0]] = fault[1];
            const raw = [
              ...Object.entries(values).map(([k, v]) => `${k}=${percentEncode(v)}`),
              ...(garbage ? [garbage] : []),
            ].join('&');
            const parsed = safeParseInput(
              results.query,
              Object.fromEntries(new URLSearchParams(raw).entries()),
            );
            const cookie =
              who === 'admin' ? adminCookie : who === 'branch' ? branchCookie : badCookie;
            const before = await countRows(storage());
            const res = await send(collector.app, {
              method: 'GET',
              path: `${pathOf(results.endpoint)}?${raw}`,
              headers: { cookie },
            });
            if (res.status === 200) {
              expect(who).not.toBe('garbage');
              await expectSuccess(res, results.endpoint.path, results.reply);
            } else {
              await expectRefusal(res, `${results.endpoint.path}?${raw}`);
              const plain =
                who === 'admin' &&
                !fault &&
                !garbage &&
                query.branch !== 'nowhere' &&
                parsed.success;
              expect(plain, `a plain query was refused: ${raw}`).toBe(false);
            }
            expect(await countRows(storage())).toEqual(before);
          },
        ),
        runs(RUNS.results),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `tags comments only with a valid tag on a comment in scope, over ${RUNS.tags} requests`,
    async () => {
      type Plan =
        | { kind: 'valid'; index: number; tag: string }
        | { kind: 'params'; responseId: string; questionId: string; tag: string }
        | { kind: 'fault'; fault: BodyFault }
        | { kind: 'untag'; responseId: string; questionId: string; tag: string }
        | { kind: 'branch' };
      const plan: fc.Arbitrary<Plan> = fc.oneof(
        fc.record({
          kind: fc.constant('valid' as const),
          index: fc.nat(5),
          tag: fc
            .oneof(oddText, fc.constantFrom('Opening hours', 'noise'))
            .filter((tag) => safeParseInput(TagRequestSchema, { tag }).success),
        }),
        fc.record({
          kind: fc.constantFrom('params' as const, 'untag' as const),
          responseId: fc.oneof(pathSegmentGarbage, fc.uuid()),
          questionId: fc.oneof(pathSegmentGarbage, fc.constant('one-improvement')),
          tag: pathSegmentGarbage,
        }),
        {
          weight: 2,
          arbitrary: fc.record({
            kind: fc.constant('fault' as const),
            fault: bodyFault(TagRequestSchema, { tag: 'noise' }, 4 * 1024),
          }),
        },
        fc.constant({ kind: 'branch' as const }),
      );
      await fc.assert(
        fc.asyncProperty(plan, async (p) => {
          const comment = { responseId: commentIds[0] ?? '', questionId: 'one-improvement' };
          let path = pathOf(ENDPOINTS.tagComment, comment);
          let method = 'POST';
          let body: WireBody | undefined = jsonText({ tag: 'noise' });
          let contentType: string | undefined = 'application/json';
          let cookie = adminCookie;
          let succeeds = false;
          switch (p.kind) {
            case 'valid':
              path = pathOf(ENDPOINTS.tagComment, {
                responseId: commentIds[p.index] ?? '',
                questionId: 'one-improvement',
              });
              body = jsonText({ tag: p.tag });
              succeeds = true;
              break;
            case 'params':
              path = `/api/v1/results/comments/${p.responseId}/${p.questionId}/tags`;
              break;
            case 'untag':
              method = 'DELETE';
              body = undefined;
              path = `/api/v1/results/comments/${p.responseId}/${p.questionId}/tags/${p.tag}`;
              break;
            case 'fault':
              ({ body, contentType } = applyFault(p.fault, { tag: 'noise' }));
              succeeds = stillValid(TagRequestSchema, body, contentType);
              break;
            case 'branch':
              // The comments are main's: bookmobile's staff are told there is no such one.
              cookie = branchCookie;
              break;
          }
          const before = await countRows(storage(), ['comments', 'comment_tags']);
          const res = await send(collector.app, {
            method,
            path,
            headers: { cookie, origin: TEST_ORIGIN, 'content-type': contentType },
            ...(body ? { body } : {}),
          });
          const after = await countRows(storage(), ['comments', 'comment_tags']);
          if (succeeds) {
            await expectSuccess(res, `tag (${p.kind})`, CommentSchema);
            return;
          }
          await expectRefusal(res, `${method} ${path} (${p.kind})`);
          expect(after).toEqual(before);
        }),
        runs(RUNS.tags),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `exports or refuses the query, over ${RUNS.exports} generated downloads`,
    async () => {
      const exports = [ENDPOINTS.exportCsv, ENDPOINTS.exportCodebook, ENDPOINTS.exportXlsx];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...exports),
          validQuery,
          fc.option(
            fc.tuple(
              fc.constantFrom('survey', 'from', 'to', 'branch', 'lang', 'completed', 'channel'),
              fc.oneof(anyText, junkJson.map(asQueryValue)),
            ),
            { nil: undefined },
          ),
          fc.option(queryGarbage, { nil: undefined }),
          fc.constantFrom('admin', 'branch', 'garbage'),
          cookieGarbage,
          fc.constantFrom('en', 'hu', 'ru', 'sl', 'lt'),
          async (endpoint, query, fault, garbage, who, badCookie, lang) => {
            const values: Record<string, string> = { survey: SURVEY_ID, lang, ...query };
            if (fault) values[fault[0]] = fault[1];
            const raw = [
              ...Object.entries(values).map(([k, v]) => `${k}=${percentEncode(v)}`),
              ...(garbage ? [garbage] : []),
            ].join('&');
            const parsed = safeParseInput(
              ExportQuerySchema,
              Object.fromEntries(new URLSearchParams(raw).entries()),
            );
            const cookie =
              who === 'admin' ? adminCookie : who === 'branch' ? branchCookie : badCookie;
            const before = await countRows(storage());
            const res = await send(collector.app, {
              method: 'GET',
              path: `${pathOf(endpoint)}?${raw}`,
              headers: { cookie },
            });
            if (res.status === 200) {
              expect(who).not.toBe('garbage');
              expect(parsed.success).toBe(true);
              await res.arrayBuffer();
            } else {
              await expectRefusal(res, `${endpoint.path}?${raw}`);
              const plain =
                who === 'admin' &&
                !fault &&
                !garbage &&
                query.branch !== 'nowhere' &&
                parsed.success;
              expect(plain, `a plain export was refused: ${raw}`).toBe(false);
            }
            expect(await countRows(storage())).toEqual(before);
          },
        ),
        runs(RUNS.exports),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `answers the admin pages only to who may see them, over ${RUNS.admin} requests`,
    async () => {
      type Plan =
        | { kind: 'read'; endpoint: Endpoint; who: 'admin' | 'branch' | 'garbage' }
        | { kind: 'set-survey'; id: string; fault?: BodyFault; who: 'admin' | 'branch' }
        | { kind: 'revoke'; id: string; who: 'admin' | 'branch' }
        | { kind: 'create-link'; fault?: BodyFault; who: 'admin' | 'branch' }
        | { kind: 'revoke-link'; token: string; who: 'admin' | 'branch' }
        | { kind: 'set-pin'; id: string; fault?: BodyFault; who: 'admin' | 'branch' };
      const validLink = { branchId: 'main', until: '2026-12-31' };
      const validPin = { pin: '4829' };
      const plan: fc.Arbitrary<Plan> = fc.oneof(
        fc.record({
          kind: fc.constant('read' as const),
          endpoint: fc.constantFrom<Endpoint>(
            ENDPOINTS.branches,
            ENDPOINTS.devices,
            ENDPOINTS.surveys,
            ENDPOINTS.links,
          ),
          who: fc.constantFrom('admin' as const, 'branch' as const, 'garbage' as const),
        }),
        fc.record(
          {
            kind: fc.constant('set-survey' as const),
            id: fc.oneof(pathSegmentGarbage, fc.constantFrom('main', 'bookmobile')),
            fault: bodyFault(SetBranchSurveyRequestSchema, { surveyId: SURVEY_ID }, 4 * 1024),
            who: fc.constantFrom('admin' as const, 'branch' as const),
          },
          { requiredKeys: ['kind', 'id', 'who'] },
        ),
        fc.record({
          kind: fc.constant('revoke' as const),
          id: fc.oneof(pathSegmentGarbage, fc.uuid()),
          who: fc.constantFrom('admin' as const, 'branch' as const),
        }),
        fc.record(
          {
            kind: fc.constant('create-link' as const),
            fault: bodyFault(CreateLinkRequestSchema, validLink, 4 * 1024),
            who: fc.constantFrom('admin' as const, 'branch' as const),
          },
          { requiredKeys: ['kind', 'who'] },
        ),
        fc.record(
          {
            kind: fc.constant('set-pin' as const),
            id: fc.oneof(pathSegmentGarbage, fc.constantFrom('main', 'bookmobile')),
            fault: bodyFault(SetStaffPinRequestSchema, validPin, 1024),
            who: fc.constantFrom('admin' as const, 'branch' as const),
          },
          { requiredKeys: ['kind', 'id', 'who'] },
        ),
        fc.record({
          kind: fc.constant('revoke-link' as const),
          // Garbage, or a well-formed token no link has.
          token: fc.oneof(pathSegmentGarbage, fc.stringMatching(/^[A-Za-z0-9_-]{32}$/)),
          who: fc.constantFrom('admin' as const, 'branch' as const),
        }),
      );
      const replies = new Map<Endpoint, { safeParse(v: unknown): { success: boolean } }>([
        [ENDPOINTS.branches, BranchListSchema],
        [ENDPOINTS.devices, DeviceListSchema],
        [ENDPOINTS.surveys, SurveyListSchema],
        [ENDPOINTS.links, LinkListSchema],
      ]);
      await fc.assert(
        fc.asyncProperty(plan, cookieGarbage, async (p, badCookie) => {
          const cookie =
            p.who === 'admin' ? adminCookie : p.who === 'branch' ? branchCookie : badCookie;
          const before = await countRows(storage());
          if (p.kind === 'read') {
            const res = await send(collector.app, {
              method: 'GET',
              path: pathOf(p.endpoint),
              headers: { cookie },
            });
            if (p.who === 'garbage') await expectRefusal(res, p.endpoint.path);
            else await expectSuccess(res, p.endpoint.path, replies.get(p.endpoint));
          } else if (p.kind === 'set-survey') {
            const { body, contentType } = p.fault
              ? applyFault(p.fault, { surveyId: SURVEY_ID })
              : { body: jsonText({ surveyId: SURVEY_ID }), contentType: 'application/json' };
            const res = await send(collector.app, {
              method: 'POST',
              path: `/api/v1/admin/branches/${p.id}/survey`,
              headers: { cookie, origin: TEST_ORIGIN, 'content-type': contentType },
              body,
            });
            const valid =
              p.who === 'admin' &&
              (p.id === 'main' || p.id === 'bookmobile') &&
              (!p.fault || stillValid(SetBranchSurveyRequestSchema, body, contentType));
            if (valid && res.status === 200) await expectSuccess(res, 'set survey');
            else {
              await expectRefusal(res, `set survey of ${p.id}`);
              // A valid survey id this collector lacks is refused too; a plain request never.
              expect(valid && (!p.fault || p.fault.kind === 'extra')).toBe(false);
            }
          } else if (p.kind === 'revoke') {
            const res = await send(collector.app, {
              method: 'POST',
              path: `/api/v1/admin/devices/${p.id}/revoke`,
              headers: { cookie, origin: TEST_ORIGIN },
            });
            await expectRefusal(res, `revoke ${p.id}`);
          } else if (p.kind === 'create-link') {
            const { body, contentType } = p.fault
              ? applyFault(p.fault, validLink)
              : { body: jsonText(validLink), contentType: 'application/json' };
            const res = await send(collector.app, {
              method: 'POST',
              path: apiPath(ENDPOINTS.createLink),
              headers: { cookie, origin: TEST_ORIGIN, 'content-type': contentType },
              body,
            });
            const valid =
              p.who === 'admin' &&
              (!p.fault || stillValid(CreateLinkRequestSchema, body, contentType));
            if (valid && res.status === 200) {
              // A link made is the one change this plan may make.
              await expectSuccess(res, 'create link', LinkDetailsSchema);
              return;
            }
            await expectRefusal(res, 'create link');
            // Only a day that has passed, or an id this collector lacks, refuses a valid body.
            expect(valid && !p.fault).toBe(false);
          } else if (p.kind === 'set-pin') {
            const { body, contentType } = p.fault
              ? applyFault(p.fault, validPin)
              : { body: jsonText(validPin), contentType: 'application/json' };
            const res = await send(collector.app, {
              method: 'POST',
              path: `/api/v1/admin/branches/${p.id}/staff-pin`,
              headers: { cookie, origin: TEST_ORIGIN, 'content-type': contentType },
              body,
            });
            const valid =
              p.who === 'admin' &&
              (p.id === 'main' || p.id === 'bookmobile') &&
              (!p.fault || stillValid(SetStaffPinRequestSchema, body, contentType));
            if (valid && res.status === 200) {
              // A PIN set or cleared is the one change this plan may make.
              await expectSuccess(res, 'set staff PIN', BranchDetailsSchema);
              return;
            }
            await expectRefusal(res, `set staff PIN of ${p.id}`);
            // Branch staff never set a PIN; an administrator's valid request always does.
            expect(valid).toBe(false);
          } else {
            const res = await send(collector.app, {
              method: 'POST',
              path: `/api/v1/admin/links/${p.token}/revoke`,
              headers: { cookie, origin: TEST_ORIGIN },
            });
            await expectRefusal(res, `revoke link ${p.token}`);
          }
          expect(await countRows(storage())).toEqual(before);
        }),
        runs(RUNS.admin),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `imports only complete survey packages, over ${RUNS.importSurvey} generated imports`,
    async () => {
      const valid = surveyPackage() as unknown as Record<string, unknown>;
      type Plan =
        | { kind: 'valid' }
        | { kind: 'fault'; fault: BodyFault }
        | { kind: 'deep-translations'; depth: number }
        | { kind: 'deep-condition'; depth: number }
        | { kind: 'branch' };
      const plan: fc.Arbitrary<Plan> = fc.oneof(
        fc.constant({ kind: 'valid' as const }),
        {
          weight: 6,
          arbitrary: fc.record({
            kind: fc.constant('fault' as const),
            fault: bodyFault(SurveyStructureSchema, valid, PACKAGE_MAX_BYTES),
          }),
        },
        fc.record({
          kind: fc.constant('deep-translations' as const),
          depth: fc.integer({ min: 10, max: 100_000 }),
        }),
        fc.record({
          kind: fc.constant('deep-condition' as const),
          depth: fc.integer({ min: 7, max: 30_000 }),
        }),
        fc.constant({ kind: 'branch' as const }),
      );
      let version = 1;
      await fc.assert(
        fc.asyncProperty(plan, async (p) => {
          let body: WireBody = jsonText(valid);
          let contentType: string | undefined = 'application/json';
          let cookie = adminCookie;
          let succeeds = false;
          switch (p.kind) {
            case 'valid':
              version += 1;
              body = jsonText(surveyPackage({ version }));
              succeeds = true;
              break;
            case 'fault':
              ({ body, contentType } = applyFault(p.fault, valid));
              break;
            case 'deep-translations': {
              const { translations, ...rest } = valid;
              const text = withLiteral(
                rest,
                'translations',
                `{"en":${deepJsonText(p.depth, 'object')}}`,
              );
              body = { kind: 'text', text };
              break;
            }
            case 'deep-condition': {
              const questions = (valid.questions as Record<string, unknown>[]).slice();
              const condition = `${'{"op":"not","condition":'.repeat(p.depth)}{"op":"answered","question":"visit-frequency"}${'}'.repeat(p.depth)}`;
              const marker = '\u0000condition\u0000';
              questions[1] = { ...questions[1], showIf: marker };
              body = {
                kind: 'text',
                text: JSON.stringify({ ...valid, questions }).replace(
                  JSON.stringify(marker),
                  condition,
                ),
              };
              break;
            }
            case 'branch':
              cookie = branchCookie;
              break;
          }
          const before = await countRows(storage());
          const res = await send(collector.app, {
            method: 'POST',
            path: apiPath(ENDPOINTS.importSurvey),
            headers: { cookie, origin: TEST_ORIGIN, 'content-type': contentType },
            body,
          });
          const after = await countRows(storage());
          if (succeeds) {
            await expectSuccess(res, 'a valid import', ImportSurveyReplySchema);
            expect(after.survey_packages).toBe((before.survey_packages ?? 0) + 1);
            return;
          }
          if (res.status === 200) {
            // A fault may leave a valid package (version 1E2 is version 100): it imports.
            expect(p.kind === 'fault' && stillValid(SurveyPackageSchema, body, contentType)).toBe(
              true,
            );
            expect(after.survey_packages).toBeLessThanOrEqual((before.survey_packages ?? 0) + 1);
            return;
          }
          await expectRefusal(res, `import (${p.kind})`);
          expect(after).toEqual(before);
        }),
        runs(RUNS.importSurvey),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe('the first administrator setup under fuzzing on sqlite', () => {
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await startTestCollector(sqlite);
  }, FUZZ_TIMEOUT_MS);
  afterAll(() => collector?.close(), FUZZ_TIMEOUT_MS);

  it(
    `refuses ${RUNS.firstAdmin} generated setups that are not the link's, then takes the right one`,
    async () => {
      const valid = () => ({
        token: collector.firstAdminToken,
        email: 'first@library.example',
        password: TEST_PASSWORD,
      });
      const plan = fc.oneof(
        {
          weight: 3,
          arbitrary: bodyFault(
            FirstAdminRequestSchema,
            { token: 'x', email: 'a@b.example', password: TEST_PASSWORD },
            SIGN_IN_MAX_BYTES,
          ),
        },
        fc.record({
          kind: fc.constant('token' as const),
          token: fc
            .oneof(anyText, fc.base64String({ minLength: 44, maxLength: 44 }))
            .filter((t) => t.length >= 1 && t.length <= 200),
        }),
      );
      await fc.assert(
        fc.asyncProperty(plan, async (p) => {
          const { body, contentType } =
            p.kind === 'token'
              ? { body: jsonText({ ...valid(), token: p.token }), contentType: 'application/json' }
              : applyFault(p, valid());
          const tokenStill =
            stillValid(FirstAdminRequestSchema, body, contentType) &&
            body.kind === 'text' &&
            (JSON.parse(body.text) as { token?: unknown }).token === collector.firstAdminToken;
          // A fault that leaves the request valid (another password) would set up the
          // administrator: this property keeps to requests that must not.
          fc.pre(!tokenStill);
          const before = await countRows(collector.database.storage);
          const res = await send(collector.app, {
            method: 'POST',
            path: apiPath(ENDPOINTS.firstAdmin),
            headers: { 'content-type': contentType, origin: TEST_ORIGIN },
            body,
            address: SHARED_ADDRESS,
          });
          await expectRefusal(res, `setup (${p.kind})`);
          expect(await countRows(collector.database.storage)).toEqual(before);
        }),
        runs(RUNS.firstAdmin),
      );
      const res = await send(collector.app, {
        method: 'POST',
        path: apiPath(ENDPOINTS.firstAdmin),
        headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
        body: jsonText(valid()),
        address: freshAddress(),
      });
      await expectSuccess(res, 'the first administrator', StaffSessionSchema);
      expect(res.headers.get('set-cookie')).toContain(STAFF_COOKIE);
    },
    FUZZ_TIMEOUT_MS,
  );
});
