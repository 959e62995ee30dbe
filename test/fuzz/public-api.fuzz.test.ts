/**
 * The public channel fed generated bad input among valid requests: a phone's sync batches
 * on a link (POST /public/responses, the link token as bearer) and a link's state (GET
 * /public/links/:token). Every bad request answers a 4xx in the contract's error shape and
 * stores nothing, not even a count against the link's limits; a valid batch gets one
 * outcome per record, and only its valid records are stored. Batches run on PostgreSQL
 * too when it is configured.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findResponse, revokePublicLink } from '../../src/server/storage';
import { apiPath, ENDPOINTS } from '../../src/shared/contract/endpoints';
import { PublicLinkSchema } from '../../src/shared/contract/public-link';
import { SyncBatchReplySchema } from '../../src/shared/contract/sync';
import { startTestCollector, type TestCollector } from '../fixtures/collector';
import { DEVICE_ID, makePhoneResponse, PHONE_ID } from '../fixtures/responses';
import { type TestDialect, testDialects } from '../fixtures/test-databases';
import {
  authorizationGarbage,
  cookieGarbage,
  jsonContentType,
  junkJson,
  pathSegmentGarbage,
  queryGarbage,
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

const RUNS = { responses: 800, link: 500 } as const;
/** PostgreSQL gets a share of the runs: each request there is a network round trip. */
const POSTGRES_RUNS = { responses: 150 } as const;

/** Everything a batch may change, the limits' counters included. */
const TABLES: TableName[] = [
  'responses',
  'comments',
  'result_answer_days',
  'result_response_days',
  'devices',
  'public_links',
  'public_limit_counters',
];

/** Limits no valid batch of the run reaches: refusals here are the input's, not the limits'. */
const LIMITS = {
  perAddressPerHour: 1_000_000,
  perPhonePerDay: 1_000_000,
  linkDailyCeiling: 1_000_000,
};

/** A record of a phone's batch: valid, or broken for sure (shape, channel, survey, phone). */
type RecordPlan =
  | ValidRecordPlan
  | FieldPlan
  | { kind: 'channel'; channel: 'kiosk' | 'staff' }
  | { kind: 'survey'; surveyId: string }
  | { kind: 'other-phone' }
  | { kind: 'not-a-record'; value: unknown };

const recordPlan: fc.Arbitrary<RecordPlan> = fc.oneof(
  validRecordPlan,
  fieldPlan(RESPONSE_FIELDS.filter((f) => f !== 'deviceId')),
  fc.record({
    kind: fc.constant('channel' as const),
    channel: fc.constantFrom('kiosk' as const, 'staff' as const),
  }),
  fc.record({
    kind: fc.constant('survey' as const),
    surveyId: fc.constantFrom('other-survey', 'x', 'library-satisfaction-2'),
  }),
  fc.constant({ kind: 'other-phone' as const }),
  fc.record({
    kind: fc.constant('not-a-record' as const),
    value: junkJson.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
  }),
);

/**
 * The record's JSON text, whether it is valid (as a record of the phone it names), its id,
 * and the phone it names where that can be read.
 */
function recordText(plan: RecordPlan): {
  text: string;
  valid: boolean;
  id?: string;
  phone?: string;
} {
  const record: Record<string, unknown> = makePhoneResponse();
  const id = record.id as string;
  switch (plan.kind) {
    case 'valid':
      return { text: validRecordText(record, plan), valid: true, id, phone: PHONE_ID };
    case 'field':
      record[plan.field] = plan.value;
      break;
    case 'channel':
      record.channel = plan.channel;
      break;
    case 'survey':
      record.surveyId = plan.surveyId;
      break;
    case 'other-phone':
      // Valid, but of another phone than the batch's unless it comes first.
      record.deviceId = DEVICE_ID;
      return { text: JSON.stringify(record), valid: true, id, phone: DEVICE_ID };
    case 'not-a-record':
      return { text: JSON.stringify(plan.value), valid: false };
  }
  return { text: JSON.stringify(record), valid: false, id, phone: PHONE_ID };
}

type BatchPlan = { kind: 'batch'; records: RecordPlan[] } | BatchFault | { kind: 'closed' };

const batchPlan: fc.Arbitrary<BatchPlan> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('batch' as const),
      records: fc.array(recordPlan, { minLength: 1, maxLength: 3 }),
    }),
  },
  ...batchFaults(makePhoneResponse),
  fc.constant({ kind: 'closed' as const }),
);

async function fuzzPublicBatches(
  collector: TestCollector,
  links: { open: string; closed: string },
  numRuns: number,
): Promise<void> {
  const { storage } = collector.database;
  await fc.assert(
    fc.asyncProperty(batchPlan, jsonContentType, async (plan, contentType) => {
      const good = { contentType, authorization: `Bearer ${links.open}` };
      let request: BatchRequest;
      let records: ReturnType<typeof recordText>[] = [];
      switch (plan.kind) {
        case 'batch':
          records = plan.records.map(recordText);
          request = {
            ...good,
            body: { kind: 'text', text: `{"responses":[${records.map((r) => r.text).join(',')}]}` },
          };
          break;
        case 'closed':
          request = {
            ...good,
            body: jsonText({ responses: [makePhoneResponse()] }),
            authorization: `Bearer ${links.closed}`,
          };
          break;
        default:
          request = faultRequest(plan, makePhoneResponse, good);
      }
      const sent = await sendBatch(
        collector.app,
        storage,
        { path: apiPath(ENDPOINTS.publicResponses), tables: TABLES, address: '10.3.0.1' },
        request,
      );
      const { res, before, after } = sent;
      // A batch over the structural limits by chance (deep junk) is refused whole, too.
      if (plan.kind !== 'batch' || res.status === 400) {
        await expectRefusedWhole(sent, `a public batch (${plan.kind})`);
        return;
      }
      expect(res.status, await res.clone().text()).toBe(200);
      const reply = SyncBatchReplySchema.parse(await res.json());
      // The batch's phone is the first record's that names one; another phone's is rejected.
      const phone = records.find((r) => r.phone !== undefined)?.phone;
      const accepts = (r: (typeof records)[number]) => r.valid && r.phone === phone;
      expect(reply.results.map((r) => r.outcome)).toEqual(
        records.map((r) => (accepts(r) ? 'accepted' : 'rejected')),
      );
      const accepted = records.filter(accepts).length;
      expect(after.responses).toBe((before.responses ?? 0) + accepted);
      for (const record of records) {
        if (!record.valid && record.id)
          expect(await findResponse(storage, record.id)).toBeUndefined();
      }
    }),
    runs(numRuns),
  );
}

async function startWithLinks(dialect: TestDialect) {
  const collector = await startTestCollector(dialect, { publicLimits: LIMITS });
  const open = await collector.link('main');
  const closed = await collector.link('bookmobile');
  await revokePublicLink(collector.database.storage, closed, collector.clock.now.toISOString());
  return { collector, links: { open, closed } };
}

for (const dialect of testDialects) {
  describe(`phones' batches on a public link under fuzzing on ${dialect.name}`, () => {
    let collector: TestCollector;
    let links: { open: string; closed: string };
    beforeAll(async () => {
      ({ collector, links } = await startWithLinks(dialect));
    }, FUZZ_TIMEOUT_MS);
    afterAll(() => collector?.close(), FUZZ_TIMEOUT_MS);

    const numRuns = dialect.name === 'sqlite' ? RUNS.responses : POSTGRES_RUNS.responses;
    it(
      `answers ${numRuns} generated batches: bad ones refused whole, bad records rejected, valid ones stored`,
      () => fuzzPublicBatches(collector, links, numRuns),
      FUZZ_TIMEOUT_MS,
    );
  });
}

const sqlite = testDialects.find((dialect) => dialect.name === 'sqlite');
if (!sqlite) throw new Error('the SQLite test dialect is missing');

describe('a public link’s state under fuzzing on sqlite', () => {
  let collector: TestCollector;
  let links: { open: string; closed: string };
  beforeAll(async () => {
    ({ collector, links } = await startWithLinks(sqlite));
  }, FUZZ_TIMEOUT_MS);
  afterAll(() => collector?.close(), FUZZ_TIMEOUT_MS);

  it(
    `answers only a link's token with its state, over ${RUNS.link} generated paths`,
    async () => {
      const token = fc.oneof(
        pathSegmentGarbage,
        fc.constantFrom(links.open, links.closed, links.open.toLowerCase(), `${links.open}=`),
        fc.constant(randomUUID().replaceAll('-', '')),
      );
      await fc.assert(
        fc.asyncProperty(
          token,
          queryGarbage,
          authorizationGarbage,
          cookieGarbage,
          async (segment, query, authorization, cookie) => {
            const before = await countRows(collector.database.storage);
            const res = await send(collector.app, {
              method: 'GET',
              path: `/api/v1/public/links/${segment}?${query}`,
              headers: { authorization, cookie },
            });
            if (segment === links.open || segment === links.closed) {
              await expectSuccess(res, 'a link', PublicLinkSchema);
            } else {
              await expectRefusal(res, `GET /public/links/${segment.slice(0, 40)}`);
            }
            expect(await countRows(collector.database.storage)).toEqual(before);
          },
        ),
        runs(RUNS.link),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
