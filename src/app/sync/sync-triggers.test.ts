import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { countByStatus, getSyncState, saveDraft, submitDraft } from '../store';
import { SYNC_BACKOFF_BASE_MS } from './backoff';
import { SYNC_INTERVAL_MS } from './schedule';
import { harness, useEnrolledDevice } from './testing/engine-harness';
import { apiError, hang, networkError } from './testing/fake-collector';
import { FakeLocks } from './testing/fake-locks';
import { dropStore, enroll, freshStore, queueResponses } from './testing/outbox';

useEnrolledDevice();

describe('starting', () => {
  it('sends what waits as soon as the app starts, and sets no timer once nothing waits', async () => {
    await queueResponses(3);
    const { engine, collector, clock } = harness();
    collector.otherwise(collector.ingest());

    engine.start();
    await engine.settled();

    expect(collector.stored.size).toBe(3);
    expect(clock.pendingDelays()).toEqual([]);
  });

  it('sends nothing and sets no timer when nothing waits', async () => {
    const { engine, collector, clock } = harness();
    engine.start();
    await engine.settled();
    expect(collector.requests).toHaveLength(0);
    expect(clock.pendingDelays()).toEqual([]);
  });
});

describe('the timer', () => {
  it('runs only while something waits, at the backoff after a failure', async () => {
    await queueResponses(2);
    const { engine, collector, clock } = harness();
    collector.script(networkError());
    collector.otherwise(collector.ingest());

    engine.start();
    await engine.settled();
    expect(clock.pendingDelays()).toEqual([SYNC_BACKOFF_BASE_MS / 2]);

    clock.advance(SYNC_BACKOFF_BASE_MS / 2);
    await engine.settled();
    expect(collector.stored.size).toBe(2);
    expect(clock.pendingDelays()).toEqual([]);
  });

  it('backs off further with each failure in a row, up to the collector answering', async () => {
    await queueResponses(1);
    const { engine, collector, clock } = harness({ random: () => 0.999 });
    collector.script(networkError(), networkError(), apiError(500, 'internal', 'boom'));
    collector.otherwise(collector.ingest());

    engine.start();
    await engine.settled();
    const waits: number[] = [];
    while (clock.pendingDelays().length > 0) {
      const [wait] = clock.pendingDelays() as [number];
      waits.push(wait);
      clock.advance(wait);
      await engine.settled();
    }

    expect(waits).toEqual([1998, 3996, 7992]);
    expect(await getSyncState()).toMatchObject({ failures: 0, lastError: undefined });
    expect(collector.stored.size).toBe(1);
  });

  it('looks again at the usual pace while the device waits for enrollment', async () => {
    await dropStore();
    freshStore();
    await queueResponses(1);
    const { engine, collector, clock } = harness();
    collector.otherwise(collector.ingest());

    engine.start();
    await engine.settled();
    expect(clock.pendingDelays()).toEqual([SYNC_INTERVAL_MS]);

    await enroll(clock.now()); // staff enrolled it in another tab
    clock.advance(SYNC_INTERVAL_MS);
    await engine.settled();
    expect(collector.stored.size).toBe(1);
  });

  it('is not set after 401: only a new enrollment or a person starts again', async () => {
    await queueResponses(2);
    const { engine, collector, clock } = harness();
    collector.script(apiError(401, 'unauthorized', 'revoked'));
    collector.otherwise(collector.ingest());

    engine.start();
    await engine.settled();
    expect(clock.pendingDelays()).toEqual([]);

    engine.syncNow('submit');
    await engine.settled();
    expect(collector.requests).toHaveLength(1);

    expect(await engine.syncNow('manual')).toMatchObject({ outcome: 'done', acknowledged: 2 });
  });

  it('starts again after re-enrolling, without a person pressing sync', async () => {
    await queueResponses(1);
    const { engine, collector, clock } = harness();
    collector.script(apiError(401, 'unauthorized', 'revoked'));
    collector.otherwise(collector.ingest());
    await engine.syncNow('start');

    clock.advance(1000);
    await enroll(clock.now(), 'new-token-'.padEnd(43, 'y'));
    expect(await engine.syncNow('start')).toMatchObject({ outcome: 'done', acknowledged: 1 });
    expect(collector.requests[1]?.headers.get('Authorization')).toBe(
      `Bearer ${'new-token-'.padEnd(43, 'y')}`,
    );
  });
});

describe('a reload', () => {
  it('honours the backoff the previous page persisted', async () => {
    await queueResponses(1);
    const clock = harness().clock;
    const first = harness({ clock, random: () => 0.999 });
    first.collector.script(apiError(503, 'internal', 'down'), apiError(503, 'internal', 'down'));
    await first.engine.syncNow('manual');
    await first.engine.syncNow('manual');
    const { nextAttemptAt } = await getSyncState();
    expect(nextAttemptAt).toBe(clock.now() + 3996);
    first.engine.stop();

    clock.advance(1000);
    const second = harness({ clock });
    second.collector.otherwise(second.collector.ingest());
    second.engine.start();
    await second.engine.settled();
    expect(second.collector.requests).toHaveLength(0);
    expect(clock.pendingDelays()).toEqual([2996]);

    clock.advance(2996);
    await second.engine.settled();
    expect(second.collector.stored.size).toBe(1);
  });
});

describe('browser events', () => {
  it('waits for `online` when the browser says it is offline, then sends', async () => {
    await queueResponses(2);
    const { engine, collector, window, setOnline } = harness();
    collector.otherwise(collector.ingest());
    setOnline(false);

    engine.start();
    await engine.settled();
    expect(await engine.syncNow('submit')).toMatchObject({ outcome: 'offline', remaining: 2 });
    expect(collector.requests).toHaveLength(0);

    setOnline(true);
    window.dispatchEvent(new Event('online'));
    await engine.settled();
    expect(collector.stored.size).toBe(2);
  });

  it('still tries on the timer while the browser claims to be offline', async () => {
    await queueResponses(1);
    const { engine, collector, clock, setOnline } = harness();
    collector.otherwise(collector.ingest());
    setOnline(false);
    engine.start();
    await engine.settled();

    clock.advance(SYNC_INTERVAL_MS);
    await engine.settled();
    expect(collector.stored.size).toBe(1);
  });

  it('tries at once on `online` after a network failure, despite the backoff', async () => {
    await queueResponses(1);
    const { engine, collector, window } = harness();
    collector.script(networkError());
    collector.otherwise(collector.ingest());
    await engine.syncNow('manual');
    engine.start();
    await engine.settled();
    expect(collector.requests).toHaveLength(1);

    window.dispatchEvent(new Event('online'));
    await engine.settled();
    expect(collector.stored.size).toBe(1);
  });

  it('syncs when the page becomes visible, not when it is hidden', async () => {
    const { engine, collector, document } = harness();
    collector.otherwise(collector.ingest());
    engine.start();
    await engine.settled();
    await queueResponses(1);

    document.visibilityState = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    await engine.settled();
    expect(collector.requests).toHaveLength(0);

    document.visibilityState = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    await engine.settled();
    expect(collector.stored.size).toBe(1);
  });

  it('listens to nothing once stopped', async () => {
    await queueResponses(1);
    const { engine, collector, clock, window } = harness();
    collector.script(networkError());
    collector.otherwise(collector.ingest());
    engine.start();
    await engine.settled();
    engine.stop();

    expect(clock.pendingDelays()).toEqual([]);
    window.dispatchEvent(new Event('online'));
    await engine.settled();
    expect(collector.requests).toHaveLength(1);
  });
});

describe('tabs', () => {
  it('does nothing while another tab holds the sync lock', async () => {
    await queueResponses(2);
    const locks = new FakeLocks();
    const tabA = harness({ locks });
    const tabB = harness({ locks, clock: tabA.clock, collector: tabA.collector });
    tabA.collector.script(hang());

    const runA = tabA.engine.syncNow('manual');
    await tabA.collector.nextRequest();
    const resultB = await tabB.engine.syncNow('manual');
    tabA.clock.advance(30_000);
    await runA;

    expect(resultB).toMatchObject({ outcome: 'locked', sent: 0, remaining: 2 });
    expect(tabA.collector.requests).toHaveLength(1);
  });

  it('syncs without the lock where the browser has no Web Locks API', async () => {
    await queueResponses(1);
    const { engine, collector } = harness({ locks: null });
    collector.otherwise(collector.ingest());
    expect(await engine.syncNow('manual')).toMatchObject({ outcome: 'done', acknowledged: 1 });
  });
});

describe('one run at a time in a tab', () => {
  it('serves triggers that arrive during a run with one run after it, losing no response', async () => {
    const [first] = await queueResponses(1);
    const { engine, collector } = harness();
    const ingest = collector.ingest();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    collector.script(async (request, signal) => {
      await held;
      return ingest(request, signal);
    });
    collector.otherwise(ingest);

    const running = engine.syncNow('start');
    await collector.nextRequest();
    const [second] = await queueResponses(1);
    const afterSubmit = engine.syncNow('submit');
    const afterManual = engine.syncNow('manual');
    release();

    expect(afterManual).toBe(afterSubmit);
    expect(await running).toMatchObject({ reason: 'start', acknowledged: 2, remaining: 0 });
    expect(await afterSubmit).toMatchObject({ reason: 'manual', outcome: 'done', remaining: 0 });
    expect([...collector.stored.keys()]).toEqual([first, second]);
    expect(await countByStatus()).toMatchObject({ synced: 2 });
  });
});

describe('a submit', () => {
  it('is sent by the sync the app starts after it', async () => {
    const { engine, collector } = harness();
    collector.otherwise(collector.ingest());
    const id = '019a8f3e-7c2b-7def-8a00-00000000abcd';
    await saveDraft({
      id,
      surveyId: 'library-service-quality',
      surveyVersion: 1,
      locale: 'ru',
      channel: 'kiosk',
      startedAt: '2026-11-20T08:58:00.000Z',
      answers: { recommend: 10 },
    });
    await submitDraft(id);
    await engine.syncNow('submit');
    expect(collector.stored.get(id)).toMatchObject({ locale: 'ru', answers: { recommend: 10 } });
  });
});
