import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../shared/contract/answer';
import { MAX_BATCH_BYTES } from '../../shared/contract/sync';
import { countByStatus, getSyncState, quarantinedResponses } from '../store';
import { SYNC_BACKOFF_BASE_MS } from './backoff';
import { SYNC_BATCH_RECORDS } from './batch';
import { SYNC_REQUEST_TIMEOUT_MS } from './http';
import { harness, useEnrolledDevice } from './testing/engine-harness';
import { apiError, batchOf, hang, json, networkError, text } from './testing/fake-collector';
import { queueResponses } from './testing/outbox';

useEnrolledDevice();

describe('replies that acknowledge nothing', () => {
  it.each([
    ["a captive portal's login page", text(200, '<!doctype html><h1>Library Wi-Fi</h1>')],
    [
      'a 200 with malformed JSON',
      text(200, '{"serverTime":"2026-11-20T09:00:00Z","resu', 'application/json'),
    ],
    ['a 200 with JSON of another shape', json(200, { ok: true })],
    ["a proxy's 404 page", text(404, '<html>Not Found</html>')],
  ])('treats %s as a failure, never an acknowledgement', async (_, answer) => {
    await queueResponses(3);
    const { engine, collector, clock } = harness();
    collector.script(answer);

    const result = await engine.syncNow('manual');

    expect(result).toMatchObject({ outcome: 'failed', error: 'unexpected-reply', remaining: 3 });
    expect(await countByStatus()).toMatchObject({ queued: 3, synced: 0, quarantined: 0 });
    expect(await getSyncState()).toMatchObject({
      failures: 1,
      nextAttemptAt: clock.now() + SYNC_BACKOFF_BASE_MS / 2,
      lastError: { code: 'unexpected-reply', at: clock.now() },
    });
  });

  it('gives up on a request the collector does not answer in time, and keeps it queued', async () => {
    await queueResponses(2);
    const { engine, collector, clock } = harness();
    collector.script(hang());

    const run = engine.syncNow('manual');
    await collector.nextRequest();
    clock.advance(SYNC_REQUEST_TIMEOUT_MS - 1);
    expect(clock.pendingDelays()).toEqual([1]); // the request is still given its last ms
    clock.advance(1);
    const result = await run;

    expect(result).toMatchObject({ outcome: 'failed', error: 'timeout', remaining: 2 });
    expect((await getSyncState()).lastError?.code).toBe('timeout');
  });

  it('sends smaller batches after timeouts on a slow link, and grows them back once answered', async () => {
    await queueResponses(SYNC_BATCH_RECORDS * 2);
    const { engine, collector, clock } = harness();
    const timeOut = async () => {
      const run = engine.syncNow('manual');
      await collector.nextRequest();
      clock.advance(SYNC_REQUEST_TIMEOUT_MS);
      return run;
    };
    collector.script(hang());
    collector.script(hang());
    expect(await timeOut()).toMatchObject({ error: 'timeout' });
    expect(await timeOut()).toMatchObject({ error: 'timeout' });
    expect((await getSyncState()).batchRecords).toBe(SYNC_BATCH_RECORDS / 4);

    collector.otherwise(collector.ingest());
    expect(await engine.syncNow('manual')).toMatchObject({ outcome: 'done', remaining: 0 });
    const sizes = collector.requests.map((r) => batchOf(r).length);
    expect(sizes.slice(0, 4)).toEqual([
      SYNC_BATCH_RECORDS,
      SYNC_BATCH_RECORDS / 2,
      SYNC_BATCH_RECORDS / 4,
      SYNC_BATCH_RECORDS / 2,
    ]);
    expect((await getSyncState()).batchRecords).toBeUndefined();
  });

  it('records a network failure as offline and keeps every response', async () => {
    await queueResponses(2);
    const { engine, collector } = harness();
    collector.script(networkError());
    expect(await engine.syncNow('manual')).toMatchObject({ error: 'offline', remaining: 2 });
  });

  it('honours Retry-After as the least wait after a 503', async () => {
    await queueResponses(1);
    const { engine, collector, clock } = harness();
    collector.script(apiError(503, 'internal', 'maintenance'));
    collector.script(json(503, {}, { 'Retry-After': '120' }));

    await engine.syncNow('manual');
    expect((await getSyncState()).nextAttemptAt).toBe(clock.now() + SYNC_BACKOFF_BASE_MS / 2);
    await engine.syncNow('manual');
    expect(await getSyncState()).toMatchObject({
      failures: 2,
      nextAttemptAt: clock.now() + 120_000,
      lastError: { code: 'server-error', detail: 'HTTP 503' },
    });
  });

  it('sends a reply cut after the collector committed again, and it arrives exactly once', async () => {
    const ids = await queueResponses(3);
    const { engine, collector } = harness();
    const ingest = collector.ingest();
    collector.script(async (request, signal) => {
      await ingest(request, signal); // the collector commits …
      throw new TypeError('network connection was lost'); // … and the answer never arrives
    });
    collector.otherwise(ingest);

    expect(await engine.syncNow('manual')).toMatchObject({ outcome: 'failed', error: 'offline' });
    expect(await engine.syncNow('manual')).toMatchObject({ outcome: 'done', acknowledged: 3 });
    expect([...collector.stored.keys()]).toEqual(ids);
    expect(await countByStatus()).toMatchObject({ queued: 0, synced: 3 });
  });
});

describe('batches the collector refuses', () => {
  it('halves the batch on 413 until the collector takes it', async () => {
    const ids = await queueResponses(SYNC_BATCH_RECORDS + 10);
    const { engine, collector } = harness();
    const ingest = collector.ingest();
    collector.otherwise((request, signal) =>
      batchOf(request).length > SYNC_BATCH_RECORDS / 4
        ? apiError(413, 'payload-too-large', 'over the limit')(request, signal)
        : ingest(request, signal),
    );

    const result = await engine.syncNow('manual');

    expect(collector.requests.map((r) => batchOf(r).length)).toEqual([
      SYNC_BATCH_RECORDS,
      SYNC_BATCH_RECORDS / 2,
      ...Array<number>(4).fill(SYNC_BATCH_RECORDS / 4),
      10,
    ]);
    expect(result).toMatchObject({ outcome: 'done', acknowledged: ids.length, remaining: 0 });
    expect([...collector.stored.keys()]).toEqual(ids);
  });

  it('quarantines a single response the collector still finds too large', async () => {
    const [big, small] = await queueResponses(
      2,
      (i): Answers => (i === 0 ? { 'one-improvement': 'x'.repeat(5000) } : { recommend: 3 }),
    );
    const { engine, collector } = harness();
    const ingest = collector.ingest();
    collector.otherwise((request, signal) =>
      batchOf(request).some((r) => r.id === big)
        ? apiError(413, 'payload-too-large', 'over the limit')(request, signal)
        : ingest(request, signal),
    );

    const result = await engine.syncNow('manual');

    expect(result).toMatchObject({ outcome: 'done', acknowledged: 1, quarantined: 1 });
    expect([...collector.stored.keys()]).toEqual([small]);
    expect((await quarantinedResponses())[0]).toMatchObject({
      id: big,
      quarantine: {
        outcome: 'rejected',
        reason: 'the collector refused it as too large (413)',
        code: 'too-large',
        params: { maxKib: MAX_BATCH_BYTES / 1024 },
      },
    });
  });

  it('quarantines without sending a response bigger than the collector ever takes', async () => {
    const [huge, fine] = await queueResponses(
      2,
      (i): Answers =>
        i === 0 ? { 'one-improvement': 'x'.repeat(MAX_BATCH_BYTES) } : { recommend: 3 },
    );
    const { engine, collector } = harness();
    collector.otherwise(collector.ingest());

    await engine.syncNow('manual');

    expect(collector.requests.flatMap((r) => batchOf(r).map((x) => x.id))).toEqual([fine]);
    expect((await quarantinedResponses())[0]).toMatchObject({
      id: huge,
      quarantine: {
        outcome: 'rejected',
        reason: expect.stringMatching(/too large to send/),
        code: 'too-large',
        params: { kib: expect.any(Number), maxKib: MAX_BATCH_BYTES / 1024 },
      },
    });
  });

  it('narrows a refused batch down to the one response at fault, and delivers the rest', async () => {
    const ids = await queueResponses(12);
    const bad = ids[7] as string;
    const { engine, collector } = harness();
    const ingest = collector.ingest();
    collector.otherwise((request, signal) =>
      batchOf(request).some((r) => r.id === bad)
        ? apiError(400, 'bad-request', 'is not an answer', 'responses.0.answers')(request, signal)
        : ingest(request, signal),
    );

    const result = await engine.syncNow('manual');

    expect(result).toMatchObject({ outcome: 'done', quarantined: 1, acknowledged: 11 });
    expect([...collector.stored.keys()]).toEqual(ids.filter((id) => id !== bad));
    expect(await quarantinedResponses()).toEqual([
      expect.objectContaining({
        id: bad,
        quarantine: {
          outcome: 'rejected',
          reason: 'bad-request: is not an answer',
          code: 'request-refused',
          params: { error: 'bad-request' },
          path: 'responses.0.answers',
          at: expect.any(Number),
        },
      }),
    ]);
    expect((await getSyncState()).lastError).toMatchObject({ code: 'refused' });
  });
});
