import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { apiPath, ENDPOINTS } from '../../shared/contract/endpoints';
import {
  countByStatus,
  getSyncState,
  markSynced,
  quarantinedResponses,
  StorageError,
  saveSentKeptDays,
  updateSyncState,
} from '../store';
import { db } from '../store/database';
import { breakStore } from '../store/testing';
import { SYNC_BATCH_RECORDS } from './batch';
import { COLLECTOR_URL, harness, useEnrolledDevice } from './testing/engine-harness';
import { TEST_START } from './testing/fake-clock';
import { apiError, batchOf, json, networkError, text } from './testing/fake-collector';
import { DEVICE_TOKEN, dropStore, enroll, freshStore, queueResponses } from './testing/outbox';

const DAY_MS = 86_400_000;

const RESPONSES_PATH = apiPath(ENDPOINTS.responses);

useEnrolledDevice();

describe('draining the outbox', () => {
  it('delivers every queued response in batches and marks them synced after the reply', async () => {
    const ids = await queueResponses(SYNC_BATCH_RECORDS * 2 + 30);
    const { engine, collector } = harness();
    collector.otherwise(collector.ingest());

    const result = await engine.syncNow('manual');

    expect(result).toMatchObject({
      outcome: 'done',
      sent: ids.length,
      acknowledged: ids.length,
      quarantined: 0,
      remaining: 0,
    });
    expect(collector.requests.map((r) => batchOf(r).length)).toEqual([
      SYNC_BATCH_RECORDS,
      SYNC_BATCH_RECORDS,
      30,
    ]);
    expect([...collector.stored.keys()]).toEqual(ids);
    expect(await countByStatus()).toMatchObject({ queued: 0, synced: ids.length });
  });

  it('posts to the collector with the token, as JSON, outside any cache', async () => {
    await queueResponses(1);
    const { engine, collector, deps } = harness();
    collector.otherwise(collector.ingest());
    const seen: RequestInit[] = [];
    const fetch = deps.fetch;
    deps.fetch = (url, init) => {
      seen.push(init);
      return fetch(url, init);
    };
    await engine.syncNow('manual');

    const [request] = collector.requests;
    expect(request?.url).toBe(`${COLLECTOR_URL}${RESPONSES_PATH}`);
    expect(request?.method).toBe('POST');
    expect(request?.headers.get('Authorization')).toBe(`Bearer ${DEVICE_TOKEN}`);
    expect(request?.headers.get('Content-Type')).toBe('application/json');
    expect(seen[0]?.cache).toBe('no-store');
  });

  it('keeps a rejected response in quarantine and goes on with the rest', async () => {
    const [accepted, duplicate, conflict, rejected, leftOut] = await queueResponses(5);
    const { engine, collector, clock } = harness();
    collector.script(
      json(200, {
        serverTime: collector.serverTime(),
        results: [
          { id: accepted, outcome: 'accepted' },
          { id: duplicate, outcome: 'duplicate' },
          { id: conflict, outcome: 'conflict', reason: 'another response has this id' },
          { id: rejected, outcome: 'rejected', reason: 'is not 1 to 5', path: 'answers.overall' },
          { id: '019a8f3e-7c2b-7def-8a00-0000000000ff', outcome: 'accepted' },
        ],
      }),
    );
    collector.otherwise(networkError());

    const result = await engine.syncNow('manual');

    expect(result).toMatchObject({ acknowledged: 2, quarantined: 2, remaining: 1 });
    const quarantined = await quarantinedResponses();
    expect(quarantined.map((r) => [r.id, r.quarantine])).toEqual(
      expect.arrayContaining([
        [
          conflict,
          { outcome: 'conflict', reason: 'another response has this id', at: clock.now() },
        ],
        [
          rejected,
          {
            outcome: 'rejected',
            reason: 'is not 1 to 5',
            path: 'answers.overall',
            at: clock.now(),
          },
        ],
      ]),
    );
    // The one the reply left out is sent again, alone, and stays queued when that fails.
    expect(batchOf(collector.requests[1] as never).map((r) => r.id)).toEqual([leftOut]);
    expect(await countByStatus()).toMatchObject({ queued: 1, synced: 2, quarantined: 2 });
  });

  it('deletes what the collector has had for the branch’s days, after the next acknowledged batch', async () => {
    await saveSentKeptDays(3);
    const [old, recent] = await queueResponses(2);
    await markSynced([old as string], TEST_START - 3 * DAY_MS - 1);
    await markSynced([recent as string], TEST_START - 3 * DAY_MS + 60_000);
    const [fresh] = await queueResponses(1);
    const { engine, collector } = harness();
    collector.otherwise(collector.ingest());

    await engine.syncNow('manual');
    expect(await db.responses.get(old as string)).toBeUndefined();
    expect((await db.responses.get(recent as string))?.status).toBe('synced');
    expect((await db.responses.get(fresh as string))?.status).toBe('synced');
  });

  it('waits like any failure when a reply acknowledges none of the batch', async () => {
    await queueResponses(2);
    const { engine, collector } = harness();
    collector.otherwise(json(200, { serverTime: collector.serverTime(), results: [] }));

    const result = await engine.syncNow('manual');

    expect(collector.requests).toHaveLength(1);
    expect(result).toMatchObject({ outcome: 'failed', error: 'unexpected-reply', remaining: 2 });
  });
});

describe('the token', () => {
  it('stops at 401, keeps every response, and says staff must re-enroll', async () => {
    await queueResponses(4);
    const { engine, collector } = harness();
    collector.script(apiError(401, 'unauthorized', 'unknown token'));

    const result = await engine.syncNow('timer');

    expect(result).toMatchObject({ outcome: 'unauthorized', error: 'unauthorized', remaining: 4 });
    expect(collector.requests).toHaveLength(1);
    expect(await countByStatus()).toMatchObject({ queued: 4, synced: 0, quarantined: 0 });
    expect(await getSyncState()).toMatchObject({
      lastError: { code: 'unauthorized' },
      failures: 0,
    });
  });

  it('keeps no refusal of the old token when staff re-enrolled while the batch was out', async () => {
    await queueResponses(2);
    const { engine, collector } = harness();
    const refused = apiError(401, 'unauthorized', 'replaced');
    const newToken = 'the-new-token'.padEnd(43, 'n');
    collector.script(async (request, signal) => {
      await enroll(TEST_START, newToken);
      await engine.record({ kind: 'enrolled' });
      return refused(request, signal);
    });
    collector.otherwise(collector.ingest());

    expect(await engine.syncNow('timer')).toMatchObject({ outcome: 'unauthorized' });
    expect((await getSyncState()).lastError).toBeUndefined();
    // The new token sends at the next try, with nobody having to act.
    expect(await engine.syncNow('timer')).toMatchObject({ outcome: 'done', acknowledged: 2 });
    expect(collector.requests.map((r) => r.headers.get('authorization'))).toEqual([
      `Bearer ${DEVICE_TOKEN}`,
      `Bearer ${newToken}`,
    ]);
  });

  it('sends nothing for a device that is not enrolled, and the responses wait', async () => {
    await dropStore();
    freshStore();
    await queueResponses(3);
    const { engine, collector } = harness();

    expect(await engine.syncNow('manual')).toMatchObject({
      outcome: 'not-enrolled',
      sent: 0,
      remaining: 3,
    });
    expect(collector.requests).toHaveLength(0);
  });
});

describe('the clock offset', () => {
  const YEAR_MS = 365 * 86_400_000;
  const healthPath = apiPath(ENDPOINTS.health);

  it('is estimated from the reply and sent along with the next batch', async () => {
    await queueResponses(SYNC_BATCH_RECORDS + 1);
    const { engine, collector, clock } = harness({ clockAheadMs: 7 * 60_000 });
    const ingest = collector.ingest();
    collector.otherwise((request, signal) => {
      clock.advance(400); // the round trip takes 800 ms; the collector reads its clock midway
      const answer = ingest(request, signal);
      clock.advance(400);
      return answer;
    });

    await engine.syncNow('manual');

    const [first, second] = collector.requests.map((r) => r.body as { clockOffsetMs?: number });
    expect(first?.clockOffsetMs).toBe(0); // the estimate the device had
    expect(second?.clockOffsetMs).toBe(7 * 60_000);
    expect((await getSyncState()).clockOffsetMs).toBe(7 * 60_000);
  });

  it.each([
    ['a year ahead', -YEAR_MS],
    ['a year behind', YEAR_MS],
  ])(
    'is read from the collector before the first batch of a device with no estimate (its clock %s), so that batch carries it',
    async (_, collectorAheadMs) => {
      await updateSyncState({ clockOffsetMs: undefined });
      await queueResponses(2);
      const { engine, collector } = harness({ clockAheadMs: collectorAheadMs });
      collector.script(collector.health()).otherwise(collector.ingest());

      expect(await engine.syncNow('manual')).toMatchObject({ outcome: 'done', acknowledged: 2 });

      const [clockRead, batch, ...rest] = collector.requests;
      expect(clockRead).toMatchObject({ method: 'GET', url: `${COLLECTOR_URL}${healthPath}` });
      expect(batch?.body).toMatchObject({ clockOffsetMs: collectorAheadMs });
      expect(rest).toEqual([]);
      expect((await getSyncState()).clockOffsetMs).toBe(collectorAheadMs);
    },
  );

  it('sends without an offset when the collector does not tell its time, and learns it from the reply', async () => {
    await updateSyncState({ clockOffsetMs: undefined });
    await queueResponses(1);
    const { engine, collector } = harness({ clockAheadMs: 90_000 });
    collector.script(text(502, '<html>Bad gateway</html>')).otherwise(collector.ingest());

    expect(await engine.syncNow('manual')).toMatchObject({ outcome: 'done', acknowledged: 1 });
    expect(collector.requests[1]?.body).not.toHaveProperty('clockOffsetMs');
    expect((await getSyncState()).clockOffsetMs).toBe(90_000);
  });

  it('never refuses to send because the device clock is far off', async () => {
    await queueResponses(1);
    const { engine, collector } = harness({ clockAheadMs: -3 * 365 * 86_400_000 });
    collector.otherwise(collector.ingest());
    expect(await engine.syncNow('manual')).toMatchObject({ outcome: 'done', acknowledged: 1 });
    expect((await getSyncState()).clockOffsetMs).toBe(-3 * 365 * 86_400_000);
  });
});

describe('the device database', () => {
  it('leaves responses queued when marking them synced fails, and the next run finds them duplicate', async () => {
    const ids = await queueResponses(2);
    const errors: unknown[] = [];
    const { engine, collector } = harness({ onError: (error) => errors.push(error) });
    collector.otherwise(collector.ingest());
    const repair = breakStore({
      table: 'responses',
      operations: ['mutate'],
      error: () => new DOMException('disk full', 'QuotaExceededError'),
    });

    expect(await engine.syncNow('manual')).toMatchObject({
      outcome: 'storage-error',
      error: 'storage',
    });
    expect(errors).toEqual([expect.any(StorageError)]);
    expect((await getSyncState()).lastError).toMatchObject({ code: 'storage', detail: 'quota' });

    repair();
    expect(await countByStatus()).toMatchObject({ queued: 2, synced: 0 });
    expect(await engine.syncNow('manual')).toMatchObject({ outcome: 'done', acknowledged: 2 });
    expect(collector.stored.size).toBe(ids.length);
  });
});
