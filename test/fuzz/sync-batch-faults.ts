/**
 * The faults a sync batch is refused for whole, whoever sends it: a kiosk to
 * POST /responses with its device token, a phone to POST /public/responses with its link's
 * token. The envelope, the number of records, the bytes on the wire, the content type and
 * the credentials are checked the same way on both endpoints, so the faults are made,
 * sent and checked here once. So are the record plans both endpoints share (a valid
 * record, a field its schema refuses); each fuzz test brings its own valid record and the
 * plans only its endpoint has.
 */
import fc from 'fast-check';
import type { Hono } from 'hono';
import { expect } from 'vitest';
import type { Storage } from '../../src/server/storage';
import { SurveyResponseSchema } from '../../src/shared/contract/response';
import { MAX_BATCH_BYTES, SyncBatchEnvelopeSchema } from '../../src/shared/contract/sync';
import {
  anyText,
  authorizationGarbage,
  brokenJsonText,
  cookieGarbage,
  notJsonContentType,
  oddText,
  oversizedBody,
  refusedBy,
  type WireBody,
} from './arbitraries';
import { countRows, expectRefusal, jsonText, send, type TableName } from './harness';

export type BatchFault =
  | { kind: 'envelope'; value: unknown }
  | { kind: 'too-many'; count: number }
  | { kind: 'wire'; body: WireBody }
  | { kind: 'content-type'; contentType: string | undefined }
  | { kind: 'auth'; authorization: string | undefined; cookie?: string };

/**
 * One arbitrary per fault, to spread into the endpoint's fc.oneof beside its own plans.
 * `validRecord` makes a record the endpoint would accept, so that a batch broken on the
 * wire or sent with the wrong headers is refused for that alone; `envelopes` adds the
 * endpoint's own broken envelopes.
 */
export function batchFaults(
  validRecord: () => unknown,
  envelopes: fc.Arbitrary<unknown>[] = [],
): fc.Arbitrary<BatchFault>[] {
  return [
    fc.record({
      kind: fc.constant('envelope' as const),
      value: fc.oneof(
        refusedBy(SyncBatchEnvelopeSchema),
        fc.constant({ responses: [] }),
        ...envelopes,
      ),
    }),
    fc.record({
      kind: fc.constant('too-many' as const),
      count: fc.integer({ min: 501, max: 2000 }),
    }),
    fc.record({
      kind: fc.constant('wire' as const),
      body: fc.oneof(
        brokenJsonText(JSON.stringify({ responses: [validRecord()] })),
        oversizedBody(MAX_BATCH_BYTES),
      ),
    }),
    fc.record({ kind: fc.constant('content-type' as const), contentType: notJsonContentType }),
    fc.record(
      {
        kind: fc.constant('auth' as const),
        authorization: authorizationGarbage,
        cookie: cookieGarbage.filter((c) => c !== undefined),
      },
      { requiredKeys: ['kind', 'authorization'] },
    ),
  ];
}

/** A batch as it goes out: its body and the headers that carry who sends it. */
export interface BatchRequest {
  body: WireBody;
  contentType: string | undefined;
  authorization: string | undefined;
  cookie?: string;
}

/**
 * The request a fault makes of an otherwise good one (`good`: a JSON content type and the
 * sender's bearer token); everything the fault does not break stays good.
 */
export function faultRequest(
  fault: BatchFault,
  validRecord: () => unknown,
  good: { contentType: string; authorization: string },
): BatchRequest {
  const oneValid = () => jsonText({ responses: [validRecord()] });
  switch (fault.kind) {
    case 'envelope':
      return { ...good, body: jsonText(fault.value) };
    case 'too-many':
      return {
        ...good,
        body: jsonText({ responses: Array.from({ length: fault.count }, () => 0) }),
      };
    case 'wire':
      return { ...good, body: fault.body };
    case 'content-type':
      return { ...good, body: oneValid(), contentType: fault.contentType };
    case 'auth':
      return {
        ...good,
        body: oneValid(),
        authorization: fault.authorization,
        cookie: fault.cookie,
      };
  }
}

/** Sends a batch, counting the rows of `tables` before and after. */
export async function sendBatch(
  app: Hono,
  storage: Storage,
  target: { path: string; tables: readonly TableName[]; address?: string },
  request: BatchRequest,
): Promise<{ res: Response; before: Record<string, number>; after: Record<string, number> }> {
  const before = await countRows(storage, target.tables);
  const res = await send(app, {
    method: 'POST',
    path: target.path,
    headers: {
      'content-type': request.contentType,
      authorization: request.authorization,
      cookie: request.cookie,
    },
    body: request.body,
    address: target.address,
  });
  const after = await countRows(storage, target.tables);
  return { res, before, after };
}

/** A batch refused whole: a 4xx in the contract's error shape, and not a row changed. */
export async function expectRefusedWhole(
  sent: { res: Response; before: Record<string, number>; after: Record<string, number> },
  what: string,
): Promise<void> {
  await expectRefusal(sent.res, what);
  expect(sent.after).toEqual(sent.before);
}

/** A record's fields, each of which the record-level plans may break. */
export type ResponseField = keyof typeof SurveyResponseSchema.shape;
export const RESPONSE_FIELDS = Object.keys(SurveyResponseSchema.shape) as ResponseField[];

/** A valid record, with odd text in its free answer now and then. */
export type ValidRecordPlan = { kind: 'valid'; text?: string };
/** A record with one field the schema refuses. */
export type FieldPlan = { kind: 'field'; field: ResponseField; value: unknown };

/** Valid records, weighted to be most of a batch's. */
export const validRecordPlan = {
  weight: 3,
  arbitrary: fc.record(
    {
      kind: fc.constant('valid' as const),
      text: fc.oneof(oddText, anyText).map((t) => t.slice(0, 500)),
    },
    { requiredKeys: ['kind'] },
  ) as fc.Arbitrary<ValidRecordPlan>,
};

/** One of `fields` set to a value its schema refuses. */
export function fieldPlan(fields: readonly ResponseField[]): fc.Arbitrary<FieldPlan> {
  return fc.constantFrom(...fields).chain((field) =>
    fc.record({
      kind: fc.constant('field' as const),
      field: fc.constant(field),
      value: refusedBy(SurveyResponseSchema.shape[field]),
    }),
  );
}

/** The valid record's JSON text, its free answer the plan's text when it has one to say. */
export function validRecordText(record: Record<string, unknown>, plan: ValidRecordPlan): string {
  const answers = record.answers as Record<string, unknown>;
  if (plan.text !== undefined && plan.text.trim() !== '') answers['one-improvement'] = plan.text;
  return JSON.stringify(record);
}
