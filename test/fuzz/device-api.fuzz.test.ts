/**
 * The endpoints devices and the public call, fed generated bad input among valid requests:
 * enroll, sync batches, device configuration, survey packages, health, the schema, and
 * paths that are no endpoint. Every bad request answers a 4xx in the contract's error shape
 * and stores nothing; every valid one still succeeds. Enroll and sync batches run on
 * PostgreSQL too when it is configured.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findResponse } from '../../src/server/storage';
import { ContractSchemasReplySchema, HealthReplySchema } from '../../src/shared/contract/api';
import {
  DeviceConfigSchema,
  DeviceNameSchema,
  EnrollReplySchema,
  EnrollRequestSchema,
} from '../../src/shared/contract/device';
import { apiPath, ENDPOINTS } from '../../src/shared/contract/endpoints';
import { safeParseInput } from '../../src/shared/contract/parse';
import type { SurveyResponseSchema } from '../../src/shared/contract/response';
import { SurveyPackageSchema } from '../../src/shared/contract/survey-package';
import { SyncBatchReplySchema } from '../../src/shared/contract/sync';
import { startTestCollector, type TestCollector } from '../fixtures/collector';
import { DEVICE_ID, makeResponse } from '../fixtures/responses';
import { SURVEY_ID } from '../fixtures/survey-package';
import { type TestDialect, testDialects } from '../fixtures/test-databases';
import {
  anyText,
  authorizationGarbage,
  brokenJsonText,
  cookieGarbage,
  deepJsonText,
  edgeLiteral,
  edgeNumber,
  jsonContentType,
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
  type TableName,
  withLiteral,
} from './harness';
import {
  type BatchFault,
  type BatchRequest,
  batchFaults,
  expectRefusedWhole,
  type FieldPlan,
  faultRequest,
  fieldPlan,
  RESPONSE_FIELDS,
  sendBatch,
  type ValidRecordPlan,
  validRecordPlan,
  validRecordText,
} from './sync-batch-faults';

/** Runs per endpoint on SQLite; together with device-staff.fuzz.test.ts over 10,000. */
const RUNS = {
  enroll: 1000,
  responses: 1200,
  deviceConfig: 800,
  surveys: 800,
  healthAndSchema: 300,
  unknownPaths: 700,
} as const;
/** PostgreSQL gets a share of the runs: each request there is a network round trip. */
const POSTGRES_RUNS = { enroll: 150, responses: 250 } as const;

const ENROLL_MAX_BYTES = 16 * 1024;
const ENROLL_TABLES: TableName[] = ['devices', 'enrollment_codes', 'branches'];
const SYNC_TABLES: TableName[] = [
  'responses',
  'comments',
  'result_answer_days',
  'result_response_days',
  'devices',
];

/** Addresses bad requests come from; the throttle may refuse them too (429, still a 4xx). */
const SHARED_ADDRESSES = ['10.1.0.1', '10.1.0.2', 'fe80::1', '::ffff:10.1.0.3'];
let uniqueAddress = 0;
/** An address no bad request used: valid requests are never throttled for others' failures. */
const freshAddress = () => {
  uniqueAddress += 1;
  return `10.2.${Math.floor(uniqueAddress / 250)}.${(uniqueAddress % 250) + 1}`;
};

/** Headers a request may carry without changing what it asks. */
const harmlessHeaders = fc.record(
  {
    'user-agent': anyText,
    'accept-language': anyText,
    'x-forwarded-for': anyText,
    accept: fc.constantFrom('*/*', 'text/html', 'application/xml', ''),
  },
  { requiredKeys: [] },
);

/** How an enroll request is broken; `code` is filled in with a fresh code when sent. */
type EnrollPlan =
  | { kind: 'valid'; deviceId: string; deviceName?: string }
  | { kind: 'field'; field: 'code' | 'deviceId' | 'deviceName'; value: unknown }
  | { kind: 'missing'; field: 'code' | 'deviceId' }
  | { kind: 'literal'; field: 'code' | 'deviceId' | 'deviceName'; literal: string }
  | { kind: 'body'; value: unknown }
  | { kind: 'wire'; body: (valid: string) => fc.Arbitrary<WireBody> }
  | { kind: 'content-type'; contentType: string | undefined }
  | { kind: 'origin'; origin: string; cookie?: string };

const deviceName = fc
  .oneof(oddText, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }))
  .filter((name) => safeParseInput(DeviceNameSchema, name).success);

interface EnrollCase {
  plan: EnrollPlan;
  wire?: WireBody;
  /** Fields the contract does not name, sent along. */
  extra: Record<string, unknown> | undefined;
}

const enrollPlan: fc.Arbitrary<EnrollCase> = fc
  .tuple(
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record(
          { kind: fc.constant('valid' as const), deviceId: fc.uuid(), deviceName },
          { requiredKeys: ['kind', 'deviceId'] },
        ),
      },
      {
        weight: 2,
        arbitrary: fc.oneof(
          fc.record({
            kind: fc.constant('field' as const),
            field: fc.constant('code' as const),
            value: refusedBy(EnrollRequestSchema.shape.code),
          }),
          fc.record({
            kind: fc.constant('field' as const),
            field: fc.constant('deviceId' as const),
            value: refusedBy(EnrollRequestSchema.shape.deviceId),
          }),
          fc.record({
            kind: fc.constant('field' as const),
            field: fc.constant('deviceName' as const),
            value: refusedBy(DeviceNameSchema),
          }),
        ),
      },
      fc.record({
        kind: fc.constant('missing' as const),
        field: fc.constantFrom('code' as const, 'deviceId' as const),
      }),
      fc.record({
        kind: fc.constant('literal' as const),
        field: fc.constantFrom('code' as const, 'deviceId' as const, 'deviceName' as const),
        literal: edgeLiteral,
      }),
      fc.record({ kind: fc.constant('body' as const), value: refusedBy(EnrollRequestSchema) }),
      fc.record({
        kind: fc.constant('wire' as const),
        body: fc.constantFrom(brokenJsonText, () => oversizedBody(ENROLL_MAX_BYTES)),
      }),
      fc.record({ kind: fc.constant('content-type' as const), contentType: notJsonContentType }),
      fc.record(
        {
          kind: fc.constant('origin' as const),
          origin: fc.oneof(
            fc.constantFrom('null', 'http://evil.example', 'http://localhost/', 'file://', ''),
            anyText,
          ),
          cookie: cookieGarbage.filter((c) => c !== undefined),
        },
        { requiredKeys: ['kind', 'origin'] },
      ),
    ),
    fc.option(fc.dictionary(anyText, junkJson, { maxKeys: 3 }), { nil: undefined }),
    fc.integer({ min: 0, max: 1_000_000 }),
  )
  .chain(([plan, extra, seed]): fc.Arbitrary<EnrollCase> => {
    if (plan.kind === 'wire') {
      const valid = JSON.stringify({ code: 'AAAA-BBBB-CCCC', deviceId: DEVICE_ID, seed });
      return plan.body(valid).map((wire) => ({ plan, wire, extra }));
    }
    return fc.constant({ plan, extra });
  });

/** A device other than the sync tests' own, so that enrolling it again revokes nothing of theirs. */
const FUZZ_DEVICE_ID = '3e0d5c3a-9b7e-4f61-8a2d-5c4b3a291807';

/**
 * Whether a generated body is an enrollment after all (a literal may be valid JSON of a
 * valid field: "\u202e" is a device name), read by the contract's schema, with this code.
 */
function enrollsWith(
  body: WireBody,
  code: string,
  contentType: string | undefined,
  more: Record<string, string | undefined>,
): boolean {
  if (body.kind !== 'text' || contentType !== 'application/json' || more.origin !== undefined)
    return false;
  if (new TextEncoder().encode(body.text).length > ENROLL_MAX_BYTES) return false;
  let value: unknown;
  try {
    value = JSON.parse(body.text);
  } catch {
    return false;
  }
  const parsed = safeParseInput(EnrollRequestSchema, value);
  return parsed.success && parsed.data.code === code;
}

async function fuzzEnroll(collector: TestCollector, numRuns: number): Promise<void> {
  const { storage } = collector.database;
  const usedCodes = async () =>
    Number(
      (
        await storage.db
          .selectFrom('enrollment_codes')
          .where('used_at', 'is not', null)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  await fc.assert(
    fc.asyncProperty(enrollPlan, harmlessHeaders, async ({ plan, wire, extra }, headers) => {
      const code = await collector.code();
      const valid: Record<string, unknown> = { code, deviceId: FUZZ_DEVICE_ID };
      let body: WireBody;
      let contentType: string | undefined = 'application/json';
      const more: Record<string, string | undefined> = {};
      switch (plan.kind) {
        case 'valid':
          body = jsonText({ ...extra, code, deviceId: plan.deviceId, deviceName: plan.deviceName });
          break;
        case 'field':
          body = jsonText({ ...extra, ...valid, [plan.field]: plan.value });
          break;
        case 'missing': {
          const { [plan.field]: _left, ...rest } = valid;
          body = jsonText({ ...extra, ...rest });
          break;
        }
        case 'literal': {
          const text = withLiteral({ ...extra, ...valid }, plan.field, plan.literal);
          body = { kind: 'text', text };
          break;
        }
        case 'body':
          body = jsonText(plan.value);
          break;
        case 'wire':
          body = wire ?? jsonText(null);
          break;
        case 'content-type':
          body = jsonText(valid);
          contentType = plan.contentType;
          break;
        case 'origin':
          body = jsonText(valid);
          more.origin = plan.origin;
          more.cookie = plan.cookie;
          break;
      }
      const enrolls = enrollsWith(body, code, contentType, more);
      const before = await countRows(storage, ENROLL_TABLES);
      const usedBefore = await usedCodes();
      const res = await send(collector.app, {
        method: 'POST',
        path: apiPath(ENDPOINTS.enroll),
        headers: { ...headers, 'content-type': contentType, ...more },
        body,
        address: enrolls ? freshAddress() : SHARED_ADDRESSES[code.length % 4],
      });
      const after = await countRows(storage, ENROLL_TABLES);
      if (enrolls) {
        await expectSuccess(res, `a valid enrollment (${plan.kind})`, EnrollReplySchema);
        expect(await usedCodes()).toBe(usedBefore + 1);
        return;
      }
      await expectRefusal(res, `enroll (${plan.kind})`);
      expect(after).toEqual(before);
      expect(await usedCodes()).toBe(usedBefore);
    }),
    runs(numRuns),
  );
}

/** A record of a sync batch: valid (with odd text in its free answer), or broken for sure. */
type RecordPlan =
  | ValidRecordPlan
  | { kind: 'missing'; field: keyof typeof SurveyResponseSchema.shape }
  | FieldPlan
  | { kind: 'answer'; question: string; value: unknown }
  | { kind: 'unknown-question'; question: string }
  | { kind: 'other-device'; deviceId: string }
  | { kind: 'unknown-version' }
  | { kind: 'not-a-record'; value: unknown }
  | { kind: 'deep'; depth: number };

/** The fields a record may leave out: the place, and the suspect flag (absent: not suspect). */
const OPTIONAL_FIELDS: readonly string[] = ['location', 'suspect'];
const REQUIRED_FIELDS = RESPONSE_FIELDS.filter((f) => !OPTIONAL_FIELDS.includes(f));

/** Rating questions of the test survey: they take 1 to 5, or 'na' where offered. */
const RATINGS = ['overall-satisfaction', 'staff-helpful', 'opening-hours'] as const;
const isRatingPoint = (v: unknown) =>
  v === 'na' || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5);

const recordPlan: fc.Arbitrary<RecordPlan> = fc.oneof(
  validRecordPlan,
  fc.record({ kind: fc.constant('missing' as const), field: fc.constantFrom(...REQUIRED_FIELDS) }),
  fieldPlan(RESPONSE_FIELDS),
  fc.record({
    kind: fc.constant('answer' as const),
    question: fc.constantFrom(...RATINGS),
    value: fc.oneof(junkJson, edgeNumber).filter((v) => !isRatingPoint(v)),
  }),
  fc.record({
    kind: fc.constant('unknown-question' as const),
    question: fc.constantFrom('not-a-question', 'overall', 'x', 'recommend-2'),
  }),
  fc.record({
    kind: fc.constant('other-device' as const),
    deviceId: fc.uuid().filter((id) => id !== DEVICE_ID),
  }),
  fc.constant({ kind: 'unknown-version' as const }),
  fc.record({
    kind: fc.constant('not-a-record' as const),
    value: junkJson.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
  }),
  fc.record({ kind: fc.constant('deep' as const), depth: fc.integer({ min: 100, max: 20_000 }) }),
);

/**
 * The record as JSON text, whether it is valid, and whether it is over the batch's
 * structural limits (nesting, answers, size), which refuse the whole batch before parsing.
 */
function recordText(plan: RecordPlan): {
  text: string;
  valid: boolean;
  id?: string;
  overLimits?: boolean;
} {
  const record: Record<string, unknown> = makeResponse();
  const id = record.id as string;
  switch (plan.kind) {
    case 'valid':
      return { text: validRecordText(record, plan), valid: true, id };
    case 'missing':
      delete record[plan.field];
      break;
    case 'field':
      record[plan.field] = plan.value;
      break;
    case 'answer':
      record.answers = { ...(record.answers as object), [plan.question]: plan.value };
      break;
    case 'unknown-question':
      record.answers = { ...(record.answers as object), [plan.question]: 3 };
      break;
    case 'other-device':
      record.deviceId = plan.deviceId;
      break;
    case 'unknown-version':
      record.surveyVersion = 2;
      break;
    case 'not-a-record':
      return { text: JSON.stringify(plan.value), valid: false };
    case 'deep':
      return {
        text: withLiteral(record, 'answers', deepJsonText(plan.depth, 'object', 'recommend')),
        valid: false,
        id,
        overLimits: true,
      };
  }
  return { text: JSON.stringify(record), valid: false, id };
}

type SyncPlan =
  | { kind: 'batch'; records: RecordPlan[]; offset?: string }
  | { kind: 'offset'; literal: string }
  | BatchFault;

/** clockOffsetMs literals the envelope accepts: finite numbers, however written. */
const ACCEPTED_OFFSETS = [
  '-0',
  '9007199254740993',
  '1e-400',
  '123456789012345678901234567890',
  '-1e300',
  '0.5',
];
const REFUSED_OFFSETS = [
  '1e309',
  '-1e309',
  '"NaN"',
  '"1"',
  'null',
  'true',
  '[]',
  '{}',
  '"\\ud800"',
];

const syncPlan: fc.Arbitrary<SyncPlan> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        kind: fc.constant('batch' as const),
        records: fc.array(recordPlan, { minLength: 1, maxLength: 3 }),
        offset: fc.oneof(
          fc.constantFrom(...ACCEPTED_OFFSETS),
          edgeNumber.map((n) => JSON.stringify(n)),
        ),
      },
      { requiredKeys: ['kind', 'records'] },
    ),
  },
  fc.record({ kind: fc.constant('offset' as const), literal: fc.constantFrom(...REFUSED_OFFSETS) }),
  ...batchFaults(makeResponse, [
    junkJson.map((responses) => ({ responses })).filter((v) => !Array.isArray(v.responses)),
  ]),
);

async function fuzzSync(collector: TestCollector, token: string, numRuns: number): Promise<void> {
  const { storage } = collector.database;
  await fc.assert(
    fc.asyncProperty(syncPlan, jsonContentType, async (plan, contentType) => {
      const good = { contentType, authorization: `Bearer ${token}` };
      let request: BatchRequest;
      let records: ReturnType<typeof recordText>[] = [];
      switch (plan.kind) {
        case 'batch': {
          records = plan.records.map(recordText);
          const list = `[${records.map((r) => r.text).join(',')}]`;
          const offset = plan.offset === undefined ? '' : `,"clockOffsetMs":${plan.offset}`;
          request = { ...good, body: { kind: 'text', text: `{"responses":${list}${offset}}` } };
          break;
        }
        case 'offset':
          request = {
            ...good,
            body: {
              kind: 'text',
              text: withLiteral({ responses: [makeResponse()] }, 'clockOffsetMs', plan.literal),
            },
          };
          break;
        default:
          request = faultRequest(plan, makeResponse, good);
      }
      const sent = await sendBatch(
        collector.app,
        storage,
        { path: apiPath(ENDPOINTS.responses), tables: SYNC_TABLES },
        request,
      );
      const { res, before, after } = sent;
      if (plan.kind !== 'batch') {
        await expectRefusedWhole(sent, `a sync batch (${plan.kind})`);
        return;
      }
      // A record over the structural limits (read from the text, before parsing) refuses the
      // whole batch; other broken records may too when they cross a limit by chance (a long
      // list, deep junk). Either way the refusal names a broken record and stores nothing.
      const mustRefuse = records.some((r) => r.overLimits);
      if (mustRefuse || res.status === 400) {
        await expectRefusal(res.clone(), 'a sync batch with a record over the limits');
        expect(after).toEqual(before);
        const { error } = (await res.json()) as { error: { path?: string } };
        const index = Number(/^responses\.(\d+)/.exec(error.path ?? '')?.[1] ?? Number.NaN);
        expect(records[index]?.valid, `refusal path ${error.path}`).toBe(false);
        return;
      }
      expect(res.status, await res.clone().text()).toBe(200);
      const reply = SyncBatchReplySchema.parse(await res.json());
      expect(reply.results.map((r) => r.outcome)).toEqual(
        records.map((r) => (r.valid ? 'accepted' : 'rejected')),
      );
      const accepted = records.filter((r) => r.valid).length;
      expect(after.responses).toBe((before.responses ?? 0) + accepted);
      for (const record of records) {
        if (!record.valid && record.id)
          expect(await findResponse(storage, record.id)).toBeUndefined();
      }
    }),
    runs(numRuns),
  );
}

function fuzzEnrollAndSync(dialect: TestDialect, counts: { enroll: number; responses: number }) {
  let collector: TestCollector;
  let token: string;
  beforeAll(async () => {
    collector = await startTestCollector(dialect);
    token = await collector.enroll(DEVICE_ID, 'main');
  }, FUZZ_TIMEOUT_MS);
  afterAll(() => collector?.close(), FUZZ_TIMEOUT_MS);

  it(
    `refuses ${counts.enroll} generated enrollments that are not one, and enrolls the valid ones among them`,
    () => fuzzEnroll(collector, counts.enroll),
    FUZZ_TIMEOUT_MS,
  );
  it(
    `answers ${counts.responses} generated sync batches: bad envelopes refused, bad records rejected, valid ones stored`,
    () => fuzzSync(collector, token, counts.responses),
    FUZZ_TIMEOUT_MS,
  );
  return () => ({ collector, token });
}

for (const dialect of testDialects) {
  describe(`enroll and sync batches under fuzzing on ${dialect.name}`, () => {
    fuzzEnrollAndSync(dialect, dialect.name === 'sqlite' ? RUNS : POSTGRES_RUNS);
  });
}

/** First path segments of endpoints anyone may call with GET. */
const PUBLIC_SEGMENTS = new Set(['health', 'schema', 'surveys']);

const sqlite = testDialects.find((dialect) => dialect.name === 'sqlite');
if (!sqlite) throw new Error('the SQLite test dialect is missing');

describe('the public and device GET endpoints under fuzzing on sqlite', () => {
  let collector: TestCollector;
  let token: string;
  beforeAll(async () => {
    collector = await startTestCollector(sqlite);
    token = await collector.enroll(DEVICE_ID, 'main');
  }, FUZZ_TIMEOUT_MS);
  afterAll(() => collector?.close(), FUZZ_TIMEOUT_MS);

  it(
    `answers device configuration only to a valid token, over ${RUNS.deviceConfig} generated requests`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.boolean(),
          authorizationGarbage,
          cookieGarbage,
          queryGarbage,
          async (valid, authorization, cookie, query) => {
            const before = await countRows(collector.database.storage);
            const res = await send(collector.app, {
              method: 'GET',
              path: `${apiPath(ENDPOINTS.deviceConfig)}?${query}`,
              headers: { authorization: valid ? `Bearer ${token}` : authorization, cookie },
            });
            if (valid) await expectSuccess(res, 'device config', DeviceConfigSchema);
            else await expectRefusal(res, 'device config');
            expect(await countRows(collector.database.storage)).toEqual(before);
          },
        ),
        runs(RUNS.deviceConfig),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `serves survey packages only at their ids and versions, over ${RUNS.surveys} generated paths`,
    async () => {
      const segment = fc.oneof(pathSegmentGarbage, fc.constant(SURVEY_ID));
      const version = fc.oneof(
        pathSegmentGarbage,
        fc.constantFrom('1', '01', '1.0', '1e0', '2', '9007199254740993', '-0', '0x1', ' 1'),
        edgeNumber.map(String),
      );
      await fc.assert(
        fc.asyncProperty(
          segment,
          fc.option(version, { nil: undefined }),
          fc.option(anyText, { nil: undefined }),
          async (id, v, ifNoneMatch) => {
            const path =
              v === undefined
                ? `/api/v1/surveys/${id}`
                : `/api/v1/surveys/${id}/versions/${percentEncode(v)}`;
            const before = await countRows(collector.database.storage);
            const res = await send(collector.app, {
              method: 'GET',
              path,
              headers: { 'if-none-match': ifNoneMatch },
            });
            const known = id === SURVEY_ID && (v === undefined || v === '1');
            if (res.status === 304) expect(known).toBe(true);
            else if (known) await expectSuccess(res, path, SurveyPackageSchema);
            else await expectRefusal(res, path);
            expect(await countRows(collector.database.storage)).toEqual(before);
          },
        ),
        runs(RUNS.surveys),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `answers health and the schema whatever the query and headers, over ${RUNS.healthAndSchema} requests`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(ENDPOINTS.health, ENDPOINTS.schema),
          queryGarbage,
          authorizationGarbage,
          cookieGarbage,
          async (endpoint, query, authorization, cookie) => {
            const res = await send(collector.app, {
              method: 'GET',
              path: `${apiPath(endpoint)}?${query}`,
              headers: { authorization, cookie },
            });
            await expectSuccess(
              res,
              endpoint.path,
              endpoint === ENDPOINTS.health ? HealthReplySchema : ContractSchemasReplySchema,
            );
          },
        ),
        runs(RUNS.healthAndSchema),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `answers 4xx to methods and paths that are no endpoint, over ${RUNS.unknownPaths} requests`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
          fc
            .array(pathSegmentGarbage, { minLength: 1, maxLength: 4 })
            .filter((segments) => !PUBLIC_SEGMENTS.has(segments[0] ?? '')),
          fc.constantFrom('/api/v1/', '/api/', '/api/v2/', '/api/v1/admin/', '/api/v1/results/'),
          async (method, segments, prefix) => {
            const path = `${prefix}${segments.join('/')}`;
            // Dot segments can take a path out of /api: the app's pages answer there.
            fc.pre(new URL(path, 'http://localhost').pathname.startsWith('/api/'));
            const before = await countRows(collector.database.storage);
            const res = await send(collector.app, {
              method,
              path,
              headers: { 'content-type': 'application/json' },
              ...(method === 'GET' || method === 'OPTIONS' ? {} : { body: jsonText({}) }),
            });
            await expectRefusal(res, `${method} ${path}`);
            expect(await countRows(collector.database.storage)).toEqual(before);
          },
        ),
        runs(RUNS.unknownPaths),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
