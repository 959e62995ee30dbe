import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { START, startTestCollector, type TestCollector } from '../../../../test/fixtures/collector';
import { DEVICE_ID, makeResponse } from '../../../../test/fixtures/responses';
import { testDialects } from '../../../../test/fixtures/test-databases';
import { SurveyResponseSchema } from '../../../shared/contract/response';
import { ApiErrorSchema, MAX_BATCH_RESPONSES, SyncBatchReplySchema } from '../../../shared/index';
import { countResponses, findDevice, findResponse, listResponses } from '../../storage';

describe.each(testDialects)('sync batches on $name', (dialect) => {
  let collector: TestCollector;
  let token: string;

  beforeEach(async () => {
    collector = await startTestCollector(dialect);
    token = await collector.enroll(DEVICE_ID, 'main');
  });
  afterEach(() => collector.close());

  async function expectError(res: Response, status: number, code: string) {
    expect(res.status).toBe(status);
    const body = ApiErrorSchema.parse(await res.json());
    expect(body.error.code).toBe(code);
    return body.error;
  }

  it('accepts new responses and stores them as sent, with the time they arrived', async () => {
    const records = [
      makeResponse({ location: 'Stop 3: Market square' }),
      makeResponse({ completed: false, answers: { recommend: 10 } }),
    ];
    collector.clock.now = new Date('2026-11-21T08:00:00.000Z');
    const reply = SyncBatchReplySchema.parse(await collector.sync(token, records, -1200.5));
    expect(reply).toEqual({
      serverTime: '2026-11-21T08:00:00.000Z',
      results: records.map((r) => ({ id: r.id, outcome: 'accepted' })),
    });
    const [first, second] = records;
    expect(await findResponse(collector.database.storage, first?.id ?? '')).toMatchObject({
      ...first,
      branchId: 'main',
      receivedAt: '2026-11-21T08:00:00.000Z',
      clockOffsetMs: -1200.5,
      claimedBranchId: 'main',
    });
    expect(await findResponse(collector.database.storage, second?.id ?? '')).toMatchObject({
      completed: false,
      answers: { recommend: 10 },
      location: null,
    });
    expect(await findDevice(collector.database.storage, DEVICE_ID)).toMatchObject({
      lastSeenAt: '2026-11-21T08:00:00.000Z',
      lastClockOffsetMs: -1200.5,
    });
  });

  it('answers duplicate to a response sent again, and stores it once', async () => {
    const record = makeResponse();
    await collector.sync(token, [record]);
    const again = await collector.sync(token, [{ ...record }]);
    expect(again.results).toEqual([{ id: record.id, outcome: 'duplicate' }]);
    expect(await countResponses(collector.database.storage)).toBe(1);
  });

  it('answers conflict to another response under a stored id, and keeps the stored one', async () => {
    const record = makeResponse();
    await collector.sync(token, [record]);
    const changed = { ...record, answers: { ...record.answers, recommend: 0 } };
    const reply = await collector.sync(token, [changed]);
    expect(reply.results).toEqual([
      { id: record.id, outcome: 'conflict', reason: expect.any(String), path: 'id' },
    ]);
    expect((await findResponse(collector.database.storage, record.id))?.answers.recommend).toBe(9);
  });

  it('judges the second of two records with one id in a batch against the first', async () => {
    const record = makeResponse();
    const changed = { ...record, locale: 'lt' };
    const reply = await collector.sync(token, [record, { ...record }, changed]);
    expect(reply.results.map((r) => r.outcome)).toEqual(['accepted', 'duplicate', 'conflict']);
  });

  it('rejects a bad record with its reason and path and accepts the rest', async () => {
    const good = [makeResponse(), makeResponse()];
    const bad = makeResponse({ answers: { ...makeResponse().answers, 'overall-satisfaction': 6 } });
    const reply = await collector.sync(token, [good[0], bad, 'not a record', good[1]]);
    expect(reply.results).toEqual([
      { id: good[0]?.id, outcome: 'accepted' },
      {
        id: bad.id,
        outcome: 'rejected',
        reason: 'should be from 1 to 5',
        path: 'answers.overall-satisfaction',
      },
      { id: null, outcome: 'rejected', reason: expect.any(String) },
      { id: good[1]?.id, outcome: 'accepted' },
    ]);
    expect(await countResponses(collector.database.storage)).toBe(2);
  });

  it('stores a response under the device’s branch, whatever branch it claims', async () => {
    const record = makeResponse({ branchId: 'bookmobile' });
    await collector.sync(token, [record]);
    expect(await findResponse(collector.database.storage, record.id)).toMatchObject({
      branchId: 'main',
      claimedBranchId: 'bookmobile',
    });
  });

  it('counts a response made before enrollment (no branch) as the same content once the branch is known', async () => {
    const record = makeResponse({ branchId: null });
    await collector.sync(token, [record]);
    expect(
      (await collector.sync(token, [{ ...record, branchId: 'main' }])).results[0]?.outcome,
    ).toBe('duplicate');
  });

  it('rejects a response under a survey version the collector does not have', async () => {
    const record = makeResponse({ surveyVersion: 2 });
    const reply = await collector.sync(token, [record]);
    expect(reply.results).toEqual([
      {
        id: record.id,
        outcome: 'rejected',
        reason: expect.stringContaining('unknown survey version'),
        path: 'surveyVersion',
      },
    ]);
  });

  it('rejects a response of another device', async () => {
    const record = makeResponse({ deviceId: '7d1c9b2a-5e4f-4a3b-8c2d-1e0f9a8b7c6d' });
    expect((await collector.sync(token, [record])).results[0]).toMatchObject({
      outcome: 'rejected',
      path: 'deviceId',
    });
  });

  it('takes a full batch of 500 responses', async () => {
    const records = Array.from({ length: MAX_BATCH_RESPONSES }, () => makeResponse());
    const reply = await collector.sync(token, records);
    expect(reply.results.every((r) => r.outcome === 'accepted')).toBe(true);
    expect(await listResponses(collector.database.storage)).toHaveLength(MAX_BATCH_RESPONSES);
  });

  it('answers 413 to 501 responses, storing none', async () => {
    const records = Array.from({ length: MAX_BATCH_RESPONSES + 1 }, () => makeResponse());
    await expectError(
      await collector.post('/api/v1/responses', { responses: records }, token),
      413,
      'payload-too-large',
    );
    expect(await countResponses(collector.database.storage)).toBe(0);
  });

  it('answers 413 to a body over 1 MiB, whether Content-Length says so or not', async () => {
    const big = JSON.stringify({
      responses: [makeResponse({ location: 'x' })],
      padding: 'x'.repeat(1024 * 1024),
    });
    await expectError(
      await collector.post('/api/v1/responses', big, token),
      413,
      'payload-too-large',
    );
    // A stream has no Content-Length: the bytes read are counted.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const res = await collector.app.request('/api/v1/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectError(res, 413, 'payload-too-large');
  });

  it.each<[string, string | Uint8Array, string | undefined]>([
    ['truncated JSON', '{"responses": [{"id": "a"', undefined],
    ['an empty body', '', undefined],
    ['JSON that is not an object', '[1, 2, 3]', undefined],
    ['null', 'null', undefined],
    ['no responses', '{}', 'responses'],
    ['an empty batch', '{"responses": []}', 'responses'],
    ['responses that are not a list', '{"responses": {"0": {}}}', 'responses'],
    [
      'a clock offset that is not a number',
      '{"responses": [{}], "clockOffsetMs": "soon"}',
      'clockOffsetMs',
    ],
    ['a clock offset of infinity', '{"responses": [{}], "clockOffsetMs": 1e999}', 'clockOffsetMs'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), undefined],
  ])('answers 400 to %s', async (_case, body, path) => {
    const error = await expectError(
      await collector.post('/api/v1/responses', body, token),
      400,
      'bad-request',
    );
    expect(error.path).toBe(path);
  });

  it.each([
    ['text/plain'],
    ['application/x-www-form-urlencoded'],
    ['multipart/form-data; boundary=x'],
  ])('answers 415 to a body sent as %s', async (type) => {
    const res = await collector.post('/api/v1/responses', { responses: [makeResponse()] }, token, {
      'content-type': type,
    });
    await expectError(res, 415, 'unsupported-media-type');
  });

  it('never answers 500 to garbage inside records, and stores nothing of it', async () => {
    const garbage = [
      { ...makeResponse(), deviceSeq: 1e308 },
      { ...makeResponse(), surveyVersion: 99_999_999_999 },
      { ...makeResponse(), surveyId: 'x'.repeat(100_000) },
      { ...makeResponse(), id: { $gt: '' } },
      { ...makeResponse(), startedAt: '2026-02-30T10:00:00Z' },
      { ...makeResponse(), answers: { __proto__: 1, constructor: 'x' } },
      { ...makeResponse(), location: '\u0000' },
      { ...makeResponse(), answers: { 'one-improvement': '\ud800\u0000' } },
      [],
      null,
      12,
      true,
    ];
    const res = await collector.post('/api/v1/responses', { responses: garbage }, token);
    expect(res.status).toBe(200);
    const reply = SyncBatchReplySchema.parse(await res.json());
    expect(reply.results.map((r) => r.outcome)).toEqual(garbage.map(() => 'rejected'));
    expect(await countResponses(collector.database.storage)).toBe(0);
  });

  it.each<[string, (record: Record<string, unknown>) => unknown, string, string]>([
    [
      '50,000 answers',
      (r) => ({
        ...r,
        answers: Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`q${i}`, 1])),
      }),
      'responses.1.answers',
      'at most 100 answers (got more)',
    ],
    [
      'a list of 10,000 choices',
      (r) => ({ ...r, answers: { visits: { selected: Array(10_000).fill('a') } } }),
      'responses.1.answers.visits.selected',
      'at most 30 items (got more)',
    ],
    [
      'an answer with 1,000 fields',
      (r) => ({
        ...r,
        answers: { visits: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [i, 1])) },
      }),
      'responses.1.answers.visits',
      'at most 3 fields (got more)',
    ],
    [
      '200 fields',
      (r) => ({ ...r, ...Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`f${i}`, 1])) }),
      'responses.1',
      'at most 14 fields (got more)',
    ],
    [
      'answers nested 100,000 deep',
      (r) => ({ ...r, answers: { a: 'DEEP' } }),
      'responses.1.answers.a.0.0',
      'nested at most 4 levels deep',
    ],
    [
      '900,000 characters',
      (r) => ({ ...r, location: 'x'.repeat(900_000) }),
      'responses.1',
      'at most 410496 characters of JSON',
    ],
  ])(
    'answers 400 to a record of %s before the body is parsed, naming the limit and the path, and stores nothing of the batch',
    async (_case, craft, path, limit) => {
      const parse = vi.spyOn(SurveyResponseSchema, 'safeParse');
      const jsonParse = vi.spyOn(JSON, 'parse');
      try {
        const records = [makeResponse(), craft(makeResponse()), makeResponse()];
        // Nested 100,000 deep: too deep for JSON.stringify, so it is spliced in as text.
        const body = JSON.stringify({ responses: records }).replace(
          '"DEEP"',
          `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
        );
        const res = await collector.post('/api/v1/responses', body, token);
        // Neither the body nor any record of it was parsed.
        expect(jsonParse.mock.calls.filter(([text]) => text === body)).toEqual([]);
        expect(parse).not.toHaveBeenCalled();
        const error = await expectError(res, 400, 'bad-request');
        expect(error.path).toBe(path);
        expect(error.message).toContain(limit);
        expect(await countResponses(collector.database.storage)).toBe(0);
      } finally {
        parse.mockRestore();
        jsonParse.mockRestore();
      }
    },
  );

  it('stores answers with odd characters exactly as sent', async () => {
    const record = makeResponse({
      answers: {
        ...makeResponse().answers,
        'one-improvement': 'Ünnepnapokon is! 😀 \u0000 "quoted" \\ back',
      },
    });
    await collector.sync(token, [record]);
    expect((await findResponse(collector.database.storage, record.id))?.answers).toEqual(
      record.answers,
    );
    expect((await collector.sync(token, [record])).results[0]?.outcome).toBe('duplicate');
  });

  it('stores each response once when two tabs send the same batch at the same time', async () => {
    const records = Array.from({ length: 50 }, () => makeResponse());
    const replies = await Promise.all([
      collector.sync(token, records),
      collector.sync(token, records),
    ]);
    const outcomes = records.map((_, i) => replies.map((r) => r.results[i]?.outcome).sort());
    expect(new Set(outcomes.map((o) => o.join()))).toEqual(new Set(['accepted,duplicate']));
    expect(await countResponses(collector.database.storage)).toBe(50);
  });

  it('keeps any finite clock offset a device estimates, however wrong', async () => {
    const record = makeResponse();
    await collector.sync(token, [record], 1e300);
    expect((await findResponse(collector.database.storage, record.id))?.clockOffsetMs).toBe(1e300);
  });

  it('stores the largest safe sequence number a device may count to', async () => {
    const record = makeResponse({ deviceSeq: Number.MAX_SAFE_INTEGER });
    await collector.sync(token, [record]);
    expect((await findResponse(collector.database.storage, record.id))?.deviceSeq).toBe(
      Number.MAX_SAFE_INTEGER,
    );
  });

  it('answers 401 without a valid token and stores nothing', async () => {
    const body = { responses: [makeResponse()] };
    await expectError(await collector.post('/api/v1/responses', body), 401, 'unauthorized');
    await expectError(
      await collector.post('/api/v1/responses', body, `${token.slice(1)}A`),
      401,
      'unauthorized',
    );
    expect(await countResponses(collector.database.storage)).toBe(0);
  });

  it('stores times as UTC text whatever offset the device wrote', async () => {
    const record = makeResponse({
      startedAt: '2026-11-20T11:00:00+02:00',
      submittedAt: '2026-11-20T11:04:00.250+02:00',
    });
    await collector.sync(token, [record]);
    expect(await findResponse(collector.database.storage, record.id)).toMatchObject({
      startedAt: '2026-11-20T09:00:00.000Z',
      submittedAt: '2026-11-20T09:04:00.250Z',
      receivedAt: START.toISOString(),
    });
  });
});
