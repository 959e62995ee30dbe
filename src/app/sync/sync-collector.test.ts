/**
 * The engine and the collector client against the real collector app (SQLite, through
 * app.request): the contract both sides were written to, checked end to end without a
 * browser. The fakes in the other tests stand for this collector; here it answers itself.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startTestCollector,
  type TestCollector,
  type TestCollectorOptions,
} from '../../../test/fixtures/collector';
import { completeAnswers } from '../../../test/fixtures/survey-package';
import { type TestDialect, testDialects } from '../../../test/fixtures/test-databases';
import { countResponses, listResponses, revokeDevice } from '../../server/storage';
import { countByStatus, getKioskOptions, getSyncState, quarantinedResponses } from '../store';
import { SYNC_RETRY_AFTER_MAX_MS } from './backoff';
import { createCollectorApi } from './collector-api';
import { createSyncEngine } from './sync-engine';
import { FakeClock } from './testing/fake-clock';
import { FakeLocks } from './testing/fake-locks';
import { dropStore, freshStore, queueResponses } from './testing/outbox';

const found = testDialects.find((dialect) => dialect.name === 'sqlite');
if (!found) throw new Error('the SQLite test dialect is missing');
const sqlite: TestDialect = found;

let collector: TestCollector;
const clock = new FakeClock();

function deviceSide(deviceClock: FakeClock = clock) {
  const deps = {
    baseUrl: 'http://collector.test',
    fetch: (url: string, init: RequestInit) => Promise.resolve(collector.app.request(url, init)),
    now: deviceClock.now,
    random: () => 0.5,
    timers: deviceClock,
    locks: new FakeLocks(),
    isOnline: () => true,
  };
  const engine = createSyncEngine(deps);
  return { engine, api: createCollectorApi(deps, engine) };
}

beforeEach(async () => {
  freshStore();
  collector = await startTestCollector(sqlite);
});

/** Starts the collector again on a fresh database with these limits. */
async function restartCollector(options: TestCollectorOptions) {
  await collector.close();
  collector = await startTestCollector(sqlite, options);
}

afterEach(async () => {
  await collector.close();
  await dropStore();
});

describe('the device and the collector', () => {
  it('enroll, then every waiting response arrives once with its answers, locale and channel', async () => {
    const { engine, api } = deviceSide();
    const ids = await queueResponses(25, () => completeAnswers());

    const enrolled = await api.enrollDevice((await collector.code('bookmobile')).toLowerCase());
    expect(enrolled).toMatchObject({ ok: true, enrollment: { branch: { id: 'bookmobile' } } });
    const result = await engine.syncNow('enrolled');

    expect(result).toMatchObject({ outcome: 'done', acknowledged: 25, remaining: 0 });
    const stored = await listResponses(collector.database.storage);
    expect(stored.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(stored[0]).toMatchObject({
      branchId: 'bookmobile',
      locale: 'hu',
      channel: 'kiosk',
      answers: completeAnswers(),
    });
    expect(await countByStatus()).toMatchObject({ queued: 0, synced: 25 });
  });

  it('tells the collector how far off the device clock is in the first batch after enrolling', async () => {
    // A tablet whose clock is a year behind, with answers waiting from before its enrollment.
    const yearBehind = new FakeClock(collector.clock.now.getTime() - 365 * 86_400_000);
    const { engine, api } = deviceSide(yearBehind);
    await queueResponses(3, () => completeAnswers());
    await api.enrollDevice(await collector.code());

    expect(await engine.syncNow('enrolled')).toMatchObject({ outcome: 'done', acknowledged: 3 });
    const stored = await listResponses(collector.database.storage);
    expect(stored.map((r) => r.clockOffsetMs)).toEqual(Array(3).fill(365 * 86_400_000));
  });

  it('keeps a response the collector rejects in quarantine while the others are delivered', async () => {
    const { engine, api } = deviceSide();
    const [good, bad, alsoGood] = await queueResponses(3, (i) =>
      i === 1 ? { ...completeAnswers(), 'overall-satisfaction': 9 } : completeAnswers(),
    );
    await api.enrollDevice(await collector.code());

    expect(await engine.syncNow('enrolled')).toMatchObject({ acknowledged: 2, quarantined: 1 });
    expect((await listResponses(collector.database.storage)).map((r) => r.id).sort()).toEqual(
      [good, alsoGood].sort(),
    );
    expect(await quarantinedResponses()).toEqual([
      expect.objectContaining({
        id: bad,
        quarantine: expect.objectContaining({
          outcome: 'rejected',
          path: expect.stringContaining('overall-satisfaction'),
        }),
      }),
    ]);
  });

  it('takes the branch options and the survey package, and revalidates it with its ETag', async () => {
    const { api } = deviceSide();
    await api.enrollDevice(await collector.code('bookmobile'));

    expect(await api.refreshDeviceConfig()).toMatchObject({
      ok: true,
      survey: { status: 'updated' },
    });
    expect(await getKioskOptions()).toMatchObject({ idleTimeoutSeconds: 120, defaultLocale: 'hu' });
    // The collector's clock runs an hour ahead of the device's in this fixture.
    expect((await getSyncState()).clockOffsetMs).toBe(collector.clock.now.getTime() - clock.now());
    expect(await api.refreshDeviceConfig()).toMatchObject({ survey: { status: 'unchanged' } });
  });

  it('stops at a revoked token and keeps every response', async () => {
    const { engine, api } = deviceSide();
    await queueResponses(2, () => completeAnswers());
    const enrolled = await api.enrollDevice(await collector.code());
    if (!enrolled.ok) throw new Error(`enrollment failed: ${enrolled.code}`);
    await revokeDevice(
      collector.database.storage,
      enrolled.enrollment.deviceId,
      '2026-11-20T10:00:00Z',
    );

    expect(await engine.syncNow('manual')).toMatchObject({ outcome: 'unauthorized', remaining: 2 });
    expect(await countResponses(collector.database.storage)).toBe(0);
  });

  it('waits the Retry-After of a device over its rate, then delivers the rest', async () => {
    await restartCollector({ deviceLimits: { burst: 5, perMinute: 1, dailyQuota: 1000 } });
    const { engine, api } = deviceSide();
    await queueResponses(5, () => completeAnswers());
    await api.enrollDevice(await collector.code());
    expect(await engine.syncNow('enrolled')).toMatchObject({ outcome: 'done', acknowledged: 5 });

    await queueResponses(1, () => completeAnswers());
    expect(await engine.syncNow('submit')).toMatchObject({ outcome: 'failed', remaining: 1 });
    expect(await getSyncState()).toMatchObject({
      lastError: expect.objectContaining({ code: 'server-error' }),
      nextAttemptAt: clock.now() + 60_000,
    });

    collector.clock.now = new Date(collector.clock.now.getTime() + 60_000);
    expect(await engine.syncNow('manual')).toMatchObject({ outcome: 'done', remaining: 0 });
    expect(await countResponses(collector.database.storage)).toBe(6);
  });

  it('keeps what is over the daily quota queued until the collector’s next day, losing nothing', async () => {
    await restartCollector({ deviceLimits: { burst: 1000, perMinute: 1000, dailyQuota: 3 } });
    const { engine, api } = deviceSide();
    const ids = await queueResponses(5, () => completeAnswers());
    await api.enrollDevice(await collector.code());

    expect(await engine.syncNow('enrolled')).toMatchObject({
      outcome: 'failed',
      acknowledged: 3,
      remaining: 2,
    });
    expect(await countByStatus()).toMatchObject({ queued: 2, synced: 3, quarantined: 0 });
    // Retry-After is hours away; the app waits at most its own bound, then asks again.
    expect((await getSyncState()).nextAttemptAt).toBe(clock.now() + SYNC_RETRY_AFTER_MAX_MS);

    collector.clock.now = new Date('2026-11-20T23:00:00.000Z'); // midnight in Ljubljana
    expect(await engine.syncNow('manual')).toMatchObject({ outcome: 'done', remaining: 0 });
    const stored = await listResponses(collector.database.storage);
    expect(stored.map((r) => r.id).sort()).toEqual([...ids].sort());
  });
});
