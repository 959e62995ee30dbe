/**
 * For sync tests: an engine wired to a fake clock, a fake collector, fake tabs' locks and
 * event targets standing for window and document, over the real store.
 */
import { afterEach, beforeEach } from 'vitest';
import { updateSyncState } from '../../store';
import { createSyncEngine, type SyncEngine, type SyncEngineDeps } from '../sync-engine';
import { FakeClock, TEST_START } from './fake-clock';
import { FakeCollector } from './fake-collector';
import { FakeLocks } from './fake-locks';
import { dropStore, enroll, freshStore } from './outbox';

export const COLLECTOR_URL = 'https://collector.test';

export interface Harness {
  clock: FakeClock;
  collector: FakeCollector;
  engine: SyncEngine;
  deps: SyncEngineDeps;
  window: EventTarget;
  document: EventTarget & { visibilityState: DocumentVisibilityState };
  /** What navigator.onLine says. */
  setOnline(online: boolean): void;
}

const engines: SyncEngine[] = [];

export function harness(
  options: {
    clock?: FakeClock;
    collector?: FakeCollector;
    /** null: a browser without the Web Locks API. */
    locks?: FakeLocks | null;
    clockAheadMs?: number;
    random?: () => number;
    /** Where the engine reports what its result cannot carry; by default the test fails. */
    onError?: (error: unknown) => void;
  } = {},
): Harness {
  const clock = options.clock ?? new FakeClock();
  const collector = options.collector ?? new FakeCollector(clock.now, options.clockAheadMs);
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), {
    visibilityState: 'visible' as DocumentVisibilityState,
  });
  let online = true;
  const locks = options.locks === null ? undefined : (options.locks ?? new FakeLocks());
  const deps: SyncEngineDeps = {
    baseUrl: COLLECTOR_URL,
    fetch: collector.fetch,
    now: clock.now,
    random: options.random ?? (() => 0.5),
    timers: clock,
    ...(locks ? { locks } : {}),
    isOnline: () => online,
    window,
    document,
    onError:
      options.onError ??
      ((error) => {
        throw error;
      }),
  };
  const engine = createSyncEngine(deps);
  engines.push(engine);
  return {
    clock,
    collector,
    engine,
    deps,
    window,
    document,
    setOnline: (value) => {
      online = value;
    },
  };
}

/** Stops every engine made since the last call and waits for their runs to end. */
export async function stopEngines(): Promise<void> {
  for (const engine of engines.splice(0)) {
    engine.stop();
    await engine.settled();
  }
}

/**
 * Gives every test of the file its own store with a device enrolled a day before
 * TEST_START (token DEVICE_TOKEN) whose clock it has compared with the collector's since
 * (offset 0, as after its first configuration); afterwards stops the engines and drops
 * the store. A test about a device with no estimate yet clears `clockOffsetMs`.
 */
export function useEnrolledDevice(): void {
  beforeEach(async () => {
    freshStore();
    await enroll(TEST_START - 86_400_000);
    await updateSyncState({ clockOffsetMs: 0 });
  });
  afterEach(async () => {
    await stopEngines();
    await dropStore();
  });
}
