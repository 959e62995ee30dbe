/**
 * The drain's pipeline: the next batch read while one travels (after the last record
 * sent), and the batch answered before it marked meanwhile. Exactly once still holds: a
 * row leaves the queue only after the collector acknowledged it, and a run cut anywhere in
 * the pipeline loses nothing and sends again only what the collector takes as duplicates.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { countByStatus, getSyncState, responseStatus } from '../store';
import { SYNC_BATCH_RECORDS } from './batch';
import { drainOutbox } from './drain';
import { DEVICE_TARGET } from './target';
import { harness, useEnrolledDevice } from './testing/engine-harness';
import {
  type Answer,
  batchOf,
  json,
  networkError,
  type SeenRequest,
} from './testing/fake-collector';
import { DEVICE_TOKEN, queueResponses } from './testing/outbox';

useEnrolledDevice();

const FULL = SYNC_BATCH_RECORDS;

/** An answer held until `release()`; `arrived` resolves with its request. */
function held(answer: Answer) {
  let release: () => void = () => undefined;
  let arrived: (request: SeenRequest) => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const request = new Promise<SeenRequest>((resolve) => {
    arrived = resolve;
  });
  const hold: Answer = async (r, signal) => {
    arrived(r);
    await gate;
    return answer(r, signal);
  };
  return { hold, release, request };
}

/** How many times each id went to the collector, over every batch. */
function timesSent(requests: readonly SeenRequest[]): Map<string, number> {
  const times = new Map<string, number>();
  for (const request of requests.filter((r) => r.method === 'POST')) {
    for (const { id } of batchOf(request)) times.set(id, (times.get(id) ?? 0) + 1);
  }
  return times;
}

describe('the pipelined drain', () => {
  it('reads each batch after the last one sent, while that one is still queued', async () => {
    const ids = await queueResponses(FULL * 2 + 30);
    const { engine, collector } = harness();
    const ingest = collector.ingest();
    // The first batch waits at the collector: its rows stay queued while the next is read.
    const first = held(ingest);
    collector.script(first.hold);
    collector.otherwise(ingest);

    const run = engine.syncNow('manual');
    await first.request;
    expect(await countByStatus()).toMatchObject({ queued: ids.length, synced: 0 });
    first.release();

    expect(await run).toMatchObject({ outcome: 'done', acknowledged: ids.length, remaining: 0 });
    const batches = collector.requests.map((r) => batchOf(r).map(({ id }) => id));
    expect(batches.map((b) => b.length)).toEqual([FULL, FULL, 30]);
    expect(batches.flat()).toEqual(ids);
    expect(await countByStatus()).toMatchObject({ queued: 0, synced: ids.length });
  });

  it('marks the answered batch while the next travels, and never a record not yet acknowledged', async () => {
    const ids = await queueResponses(FULL + 20);
    const { engine, collector } = harness();
    const ingest = collector.ingest();
    const second = held(ingest);
    collector.script(ingest, second.hold);

    const run = engine.syncNow('manual');
    const inFlight = batchOf(await second.request).map(({ id }) => id);
    expect(inFlight).toEqual(ids.slice(FULL));
    // The first batch's rows are marked while the second is in flight...
    await vi.waitFor(async () => expect((await countByStatus()).synced).toBe(FULL));
    // ...after its answer was kept in the sync state; the second's rows stay queued.
    expect((await getSyncState()).lastSuccessAt).toBeDefined();
    for (const id of inFlight) expect(await responseStatus(id)).toBe('queued');
    second.release();

    expect(await run).toMatchObject({ outcome: 'done', acknowledged: ids.length, remaining: 0 });
    expect(await countByStatus()).toMatchObject({ queued: 0, synced: ids.length });
  });

  it('hands over an answered batch before marking any of its rows', async () => {
    const ids = await queueResponses(3);
    const { collector, deps } = harness();
    collector.otherwise(collector.ingest());
    const drain = drainOutbox(deps, {
      target: DEVICE_TARGET,
      token: DEVICE_TOKEN,
      clockOffsetMs: 0,
      isStopped: () => false,
    });

    expect((await drain.next()).value).toMatchObject({ kind: 'batch-answered', answered: true });
    // The tab closes here: the collector holds them, the device has not marked them.
    expect(await countByStatus()).toMatchObject({ queued: 3, synced: 0 });
    await drain.return(undefined as never);
    expect(await countByStatus()).toMatchObject({ queued: 3, synced: 0 });

    // The next run sends them again; the collector takes them as duplicates, and only then
    // they leave the queue.
    const { engine } = harness({ collector });
    expect(await engine.syncNow('manual')).toMatchObject({ outcome: 'done', acknowledged: 3 });
    expect([...collector.stored.keys()]).toEqual(ids);
    expect(await countByStatus()).toMatchObject({ queued: 0, synced: 3 });
  });

  it.each<[string, Answer]>([
    ['a 503 with Retry-After', json(503, {}, { 'Retry-After': '120' })],
    ['a network failure', networkError()],
  ])(
    'loses nothing when the next batch meets %s while the last is being marked',
    async (_, failure) => {
      const ids = await queueResponses(FULL * 2 + 10);
      const { engine, collector } = harness();
      const ingest = collector.ingest();
      collector.script(ingest, failure);
      collector.otherwise(ingest);

      const failed = await engine.syncNow('manual');
      expect(failed).toMatchObject({ outcome: 'failed', acknowledged: FULL });
      // The first batch is marked before the run reports; the second was never acknowledged.
      expect(await countByStatus()).toMatchObject({ queued: ids.length - FULL, synced: FULL });

      expect(await engine.syncNow('manual')).toMatchObject({ outcome: 'done', remaining: 0 });
      expect([...collector.stored.keys()]).toEqual(ids);
      expect(await countByStatus()).toMatchObject({ queued: 0, synced: ids.length });
      // Only the batch that failed went twice; the first batch was never sent again.
      const twice = [...timesSent(collector.requests)].filter(([, n]) => n > 1).map(([id]) => id);
      expect(twice).toEqual(ids.slice(FULL, FULL * 2));
    },
  );

  it('sends again, as duplicates, a batch the collector stored but whose reply was lost', async () => {
    const ids = await queueResponses(FULL + 10);
    const { engine, collector } = harness();
    const ingest = collector.ingest();
    const storedThenLost: Answer = async (r, s) => {
      await ingest(r, s);
      return networkError()(r, s);
    };
    collector.script(ingest, storedThenLost);
    collector.otherwise(ingest);

    expect(await engine.syncNow('manual')).toMatchObject({ outcome: 'failed' });
    expect(await countByStatus()).toMatchObject({ queued: 10, synced: FULL });
    expect(await engine.syncNow('manual')).toMatchObject({ outcome: 'done', acknowledged: 10 });

    const last = collector.requests.at(-1) as SeenRequest;
    expect(batchOf(last).map(({ id }) => id)).toEqual(ids.slice(FULL));
    expect(collector.stored.size).toBe(ids.length);
    expect(await countByStatus()).toMatchObject({ queued: 0, synced: ids.length });
  });
});
