/** What one device may send: its rate (a token bucket) and its daily quota of new responses. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCollector, type TestCollector } from '../../../../test/fixtures/collector';
import { DEVICE_ID, makeResponse } from '../../../../test/fixtures/responses';
import { testDialects } from '../../../../test/fixtures/test-databases';
import { apiPath, ENDPOINTS } from '../../../shared/contract/endpoints';
import { ApiErrorSchema, SyncBatchReplySchema } from '../../../shared/index';
import { ingestBatch } from '../../ingest/ingest';
import { countResponses, quarantineDeviceResponses } from '../../storage';
import { createApp } from '../app';

const OTHER_DEVICE = '7d1c9b2a-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const PATH = apiPath(ENDPOINTS.responses);

async function expectRateLimited(res: Response, retryAfter: string) {
  expect(res.status).toBe(429);
  expect(res.headers.get('retry-after')).toBe(retryAfter);
  const body = ApiErrorSchema.parse(await res.json());
  expect(body.error.code).toBe('rate-limited');
  return body.error.message;
}

describe.each(testDialects)('the limits of one device on $name', (dialect) => {
  let collector: TestCollector;
  let token: string;

  afterEach(() => collector.close());

  describe('its rate', () => {
    beforeEach(async () => {
      collector = await startTestCollector(dialect, {
        deviceLimits: { burst: 10, perMinute: 5, dailyQuota: 1000 },
      });
      token = await collector.enroll(DEVICE_ID, 'main');
    });

    it('answers 429 with Retry-After beyond the burst, storing nothing, and takes the batch after the wait', async () => {
      const burst = Array.from({ length: 10 }, () => makeResponse());
      expect((await collector.sync(token, burst)).results).toHaveLength(10);
      const next = makeResponse();
      const message = await expectRateLimited(
        await collector.post(PATH, { responses: [next] }, token),
        '12',
      );
      expect(message).toContain('10 responses at once, then 5 a minute');
      expect(await countResponses(collector.database.storage)).toBe(10);

      collector.clock.now = new Date(collector.clock.now.getTime() + 12_000);
      expect((await collector.sync(token, [next])).results).toEqual([
        { id: next.id, outcome: 'accepted' },
      ]);
    });

    it('refuses a batch larger than the tokens left without taking any', async () => {
      await collector.sync(
        token,
        Array.from({ length: 8 }, () => makeResponse()),
      );
      const four = Array.from({ length: 4 }, () => makeResponse());
      await expectRateLimited(await collector.post(PATH, { responses: four }, token), '24');
      expect((await collector.sync(token, four.slice(0, 2))).results).toHaveLength(2);
    });

    it('counts each device on its own', async () => {
      const otherToken = await collector.enroll(OTHER_DEVICE, 'main');
      await collector.sync(
        token,
        Array.from({ length: 10 }, () => makeResponse()),
      );
      const theirs = Array.from({ length: 10 }, () => makeResponse({ deviceId: OTHER_DEVICE }));
      expect((await collector.sync(otherToken, theirs)).results).toHaveLength(10);
    });
  });

  describe('its daily quota', () => {
    beforeEach(async () => {
      collector = await startTestCollector(dialect, {
        deviceLimits: { burst: 1000, perMinute: 1000, dailyQuota: 5 },
      });
      token = await collector.enroll(DEVICE_ID, 'main');
    });

    /** Seconds from the test collector's start (11:00 in Ljubljana) to the next midnight there. */
    const UNTIL_MIDNIGHT = String(13 * 3600);

    it('stores new responses up to the quota, leaves the rest out of the reply, then answers 429 until the next day', async () => {
      const first = Array.from({ length: 3 }, () => makeResponse());
      await collector.sync(token, first);
      const more = Array.from({ length: 4 }, () => makeResponse());
      const res = await collector.post(PATH, { responses: [first[0], ...more] }, token);
      expect(res.status).toBe(200);
      expect(res.headers.get('retry-after')).toBe(UNTIL_MIDNIGHT);
      expect(SyncBatchReplySchema.parse(await res.json()).results).toEqual([
        { id: first[0]?.id, outcome: 'duplicate' },
        { id: more[0]?.id, outcome: 'accepted' },
        { id: more[1]?.id, outcome: 'accepted' },
      ]);
      expect(await countResponses(collector.database.storage)).toBe(5);

      const left = more.slice(2);
      const message = await expectRateLimited(
        await collector.post(PATH, { responses: left }, token),
        UNTIL_MIDNIGHT,
      );
      expect(message).toContain('its 5 responses for today (Europe/Ljubljana); 2 wait on it');
      // What it sent before is still acknowledged, quota or not.
      expect((await collector.sync(token, [first[1], 'not a record'])).results).toEqual([
        { id: first[1]?.id, outcome: 'duplicate' },
        expect.objectContaining({ outcome: 'rejected' }),
      ]);

      collector.clock.now = new Date('2026-11-20T23:00:00.000Z'); // midnight in Ljubljana
      expect((await collector.sync(token, left)).results.map((r) => r.outcome)).toEqual([
        'accepted',
        'accepted',
      ]);
    });

    it('counts from the database, so a restarted collector keeps the day’s count', async () => {
      await collector.sync(
        token,
        Array.from({ length: 5 }, () => makeResponse()),
      );
      const restarted = createApp({
        storage: collector.database.storage,
        staticDir: collector.staticDir,
        timeZone: 'Europe/Ljubljana',
        now: () => collector.clock.now,
        deviceLimits: { burst: 1000, perMinute: 1000, dailyQuota: 5 },
      });
      const res = await restarted.request(PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ responses: [makeResponse()] }),
      });
      await expectRateLimited(res, UNTIL_MIDNIGHT);
      expect(await countResponses(collector.database.storage)).toBe(5);
    });

    it('keeps the count per day in TIME_ZONE: the day’s last instant counts for it, midnight there starts the next', async () => {
      collector.clock.now = new Date('2026-11-20T22:59:59.999Z'); // 23:59:59.999 in Ljubljana
      await collector.sync(
        token,
        Array.from({ length: 5 }, () => makeResponse()),
      );
      await expectRateLimited(
        await collector.post(PATH, { responses: [makeResponse()] }, token),
        '1',
      );
      collector.clock.now = new Date('2026-11-20T23:00:00.000Z'); // midnight in Ljubljana
      const next = Array.from({ length: 6 }, () => makeResponse());
      const reply = await collector.sync(token, next);
      expect(reply.results.map((r) => r.outcome)).toEqual(Array(5).fill('accepted'));
      const counts = await collector.database.storage.db
        .selectFrom('device_day_counts')
        .select(['day_start', 'day_end', 'n'])
        .execute();
      // The day before is dropped once the next one's count is made.
      expect(counts.map((row) => ({ ...row, n: Number(row.n) }))).toEqual([
        { day_start: '2026-11-20T23:00:00.000Z', day_end: '2026-11-21T23:00:00.000Z', n: 5 },
      ]);
    });

    it('gives back the room of responses quarantined, and counts those a file brought', async () => {
      const storage = collector.database.storage;
      await collector.sync(
        token,
        Array.from({ length: 5 }, () => makeResponse()),
      );
      await quarantineDeviceResponses(storage, {
        deviceId: DEVICE_ID,
        since: '2026-11-19T23:00:00.000Z',
        at: collector.clock.now.toISOString(),
        erase: false,
      });
      expect(await countResponses(storage)).toBe(0);
      const two = Array.from({ length: 2 }, () => makeResponse());
      expect((await collector.sync(token, two)).results).toHaveLength(2);
      // A file's responses go in without the quota, and count for the day all the same.
      const file = await ingestBatch(
        storage,
        {
          device: { id: DEVICE_ID, branchId: 'main' },
          responses: Array.from({ length: 2 }, () => makeResponse()),
          timeZone: 'Europe/Ljubljana',
          fromFile: true,
        },
        () => collector.clock.now,
      );
      expect(file.reply.results.map((r) => r.outcome)).toEqual(['accepted', 'accepted']);
      const reply = await collector.sync(
        token,
        Array.from({ length: 2 }, () => makeResponse()),
      );
      expect(reply.results.map((r) => r.outcome)).toEqual(['accepted']);
      expect(await countResponses(storage)).toBe(5);
    });

    it('gives every device its own quota', async () => {
      const otherToken = await collector.enroll(OTHER_DEVICE, 'main');
      await collector.sync(
        token,
        Array.from({ length: 5 }, () => makeResponse()),
      );
      const theirs = Array.from({ length: 5 }, () => makeResponse({ deviceId: OTHER_DEVICE }));
      expect((await collector.sync(otherToken, theirs)).results).toHaveLength(5);
    });
  });
});
