/**
 * What phones on a public link may send: per link and client address an hour, per phone a
 * day, per link a day in all; counted in the database, so two collectors over one database
 * share the counts. Over a limit: 429 with Retry-After, and nothing stored or counted.
 */
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startTestCollector,
  type TestCollector,
  TIME_ZONE,
} from '../../../../test/fixtures/collector';
import { makePhoneResponse } from '../../../../test/fixtures/responses';
import { testDialects } from '../../../../test/fixtures/test-databases';
import { ApiErrorSchema } from '../../../shared/contract/api-error';
import { apiPath, ENDPOINTS } from '../../../shared/contract/endpoints';
import type { SurveyResponse } from '../../../shared/contract/response';
import type { PublicLimits } from '../../public/limits';
import { countResponses, openStorage, type Storage } from '../../storage';
import { createApp } from '../app';

const PATH = apiPath(ENDPOINTS.publicResponses);
const LIMITS: PublicLimits = { perAddressPerHour: 4, perPhonePerDay: 3, linkDailyCeiling: 6 };
/** From the test collector's start (10:00 UTC) to the next hour, and to midnight in Ljubljana. */
const TO_NEXT_HOUR = '3600';
const TO_MIDNIGHT = String(13 * 3600);

/** n responses of one phone (a new one unless told). */
function phoneBatch(n: number, phone: string = randomUUID()): SurveyResponse[] {
  return Array.from({ length: n }, () => makePhoneResponse({ deviceId: phone }));
}

async function expectRefused(res: Response, retryAfter: string, reason: string) {
  expect(res.status).toBe(429);
  expect(res.headers.get('retry-after')).toBe(retryAfter);
  const { error } = ApiErrorSchema.parse(await res.json());
  expect(error.code).toBe('rate-limited');
  expect(error.message).toContain(reason);
  expect(error.message).toContain('nothing of this batch was stored');
}

describe.each(testDialects)('the limits of a public link on $name', (dialect) => {
  let collector: TestCollector;
  let token: string;
  let other: { app: Hono; storage: Storage } | undefined;

  /** POSTs a batch as a client at `address` (the connection's peer). */
  function send(
    responses: unknown[],
    address: string,
    options: { app?: Hono; headers?: Record<string, string>; link?: string } = {},
  ): Promise<Response> {
    return Promise.resolve(
      (options.app ?? collector.app).request(
        PATH,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${options.link ?? token}`,
            ...options.headers,
          },
          body: JSON.stringify({ responses }),
        },
        { incoming: { socket: { remoteAddress: address } } },
      ),
    );
  }

  const stored = () => countResponses(collector.database.storage);

  beforeEach(async () => {
    collector = await startTestCollector(dialect, {
      publicLimits: LIMITS,
      trustedProxies: ['10.0.0.1'],
    });
    token = await collector.link();
  });
  afterEach(async () => {
    await other?.storage.close();
    other = undefined;
    await collector.close();
  });

  it('takes a phone’s responses up to its daily limit, then 429 until midnight in TIME_ZONE', async () => {
    const phone = randomUUID();
    for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) {
      expect((await send(phoneBatch(1, phone), address)).status).toBe(200);
    }
    const late = phoneBatch(1, phone);
    await expectRefused(await send(late, '192.0.2.4'), TO_MIDNIGHT, 'one phone may send at most 3');
    expect(await stored()).toBe(3);

    collector.clock.now = new Date('2026-11-20T23:00:00.000Z'); // midnight in Ljubljana
    expect(TIME_ZONE).toBe('Europe/Ljubljana');
    expect((await send(late, '192.0.2.4')).status).toBe(200);
    expect(await stored()).toBe(4);
  });

  it('refuses a batch that would go over, counting none of it on any limit', async () => {
    const phone = randomUUID();
    expect((await send(phoneBatch(2, phone), '192.0.2.1')).status).toBe(200);
    await expectRefused(await send(phoneBatch(2, phone), '192.0.2.1'), TO_MIDNIGHT, 'one phone');
    expect(await stored()).toBe(2);
    // The refused batch took nothing: the phone's third and the address's next two still fit.
    expect((await send(phoneBatch(1, phone), '192.0.2.1')).status).toBe(200);
    expect((await send(phoneBatch(1), '192.0.2.1')).status).toBe(200);
    expect(await stored()).toBe(4);
  });

  it('takes a client address’s responses up to its hourly limit; IPv6 counts by /64', async () => {
    expect((await send(phoneBatch(2), '2001:db8:1:2::10')).status).toBe(200);
    expect((await send(phoneBatch(2), '2001:db8:1:2:ffff::99')).status).toBe(200);
    await expectRefused(
      await send(phoneBatch(1), '2001:db8:1:2::abcd'),
      TO_NEXT_HOUR,
      'at most 4 responses an hour from one network',
    );
    expect((await send(phoneBatch(1), '2001:db8:1:3::10')).status).toBe(200);
    expect(await stored()).toBe(5);

    collector.clock.now = new Date('2026-11-20T11:00:00.000Z');
    expect((await send(phoneBatch(1), '2001:db8:1:2::abcd')).status).toBe(200);
  });

  it('counts each link apart for an address, and for its daily ceiling', async () => {
    const second = await collector.link('bookmobile');
    for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) {
      expect((await send(phoneBatch(2), address)).status).toBe(200);
    }
    await expectRefused(
      await send(phoneBatch(1), '192.0.2.9'),
      TO_MIDNIGHT,
      'this link takes at most 6 responses a day',
    );
    expect((await send(phoneBatch(1), '192.0.2.1', { link: second })).status).toBe(200);
    expect(await stored()).toBe(7);
  });

  it('reads the client behind a trusted proxy from X-Forwarded-For, as the other throttles do', async () => {
    const viaProxy = (client: string) => ({ headers: { 'x-forwarded-for': client } });
    expect((await send(phoneBatch(2), '10.0.0.1', viaProxy('198.51.100.7'))).status).toBe(200);
    expect((await send(phoneBatch(2), '10.0.0.1', viaProxy('198.51.100.7'))).status).toBe(200);
    await expectRefused(
      await send(phoneBatch(1), '10.0.0.1', viaProxy('198.51.100.7')),
      TO_NEXT_HOUR,
      'from one network',
    );
    // Another client of the same proxy has its own count.
    expect((await send(phoneBatch(1), '10.0.0.1', viaProxy('198.51.100.8'))).status).toBe(200);
  });

  it('is shared by two collectors over one database', async () => {
    const storage = openStorage({
      dataDir: collector.database.env.DATA_DIR,
      databaseUrl: collector.database.env.DATABASE_URL,
    });
    other = {
      storage,
      app: createApp({
        storage,
        staticDir: collector.staticDir,
        timeZone: TIME_ZONE,
        now: () => collector.clock.now,
        publicLimits: LIMITS,
      }),
    };
    const phone = randomUUID();
    expect((await send(phoneBatch(2, phone), '192.0.2.1')).status).toBe(200);
    expect((await send(phoneBatch(1, phone), '192.0.2.2', { app: other.app })).status).toBe(200);
    await expectRefused(
      await send(phoneBatch(1, phone), '192.0.2.3', { app: other.app }),
      TO_MIDNIGHT,
      'one phone',
    );
    await expectRefused(await send(phoneBatch(1, phone), '192.0.2.3'), TO_MIDNIGHT, 'one phone');
    expect(await stored()).toBe(3);
  });

  it('holds when a script sends many batches at once: no more stored than the limit allows', async () => {
    const phone = randomUUID();
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, i) => send(phoneBatch(1, phone), `192.0.2.${i + 1}`)),
    );
    expect(replies.filter((res) => res.status === 200)).toHaveLength(3);
    expect(replies.filter((res) => res.status === 429)).toHaveLength(5);
    expect(await stored()).toBe(3);
  });

  it('deletes counters once their window is over, and the address keys of past days', async () => {
    expect((await send(phoneBatch(1), '192.0.2.1')).status).toBe(200);
    const db = collector.database.storage.db;
    expect(await db.selectFrom('public_limit_counters').select('key').execute()).toHaveLength(3);
    // The hour's window starts on the 20th (UTC), the day's in Ljubljana on the 19th.
    const keyDays = async () =>
      (await db.selectFrom('public_limit_keys').select('day').execute()).map((d) => d.day).sort();
    expect(await keyDays()).toEqual(['2026-11-19', '2026-11-20']);

    collector.clock.now = new Date('2026-11-23T12:00:00.000Z');
    expect((await send(phoneBatch(1), '192.0.2.1')).status).toBe(200);
    const windows = await db.selectFrom('public_limit_counters').select('window_start').execute();
    expect(windows.every((w) => w.window_start >= '2026-11-22T23:00:00.000Z')).toBe(true);
    expect(windows).toHaveLength(3);
    expect(await keyDays()).toEqual(['2026-11-22', '2026-11-23']);
  });
});
