/**
 * The sync engine: decides when to drain the outbox and makes sure only one drain runs.
 * Triggers: start, a submit (the app calls syncNow('submit')), the `online` event, the
 * page becoming visible, and a timer while anything waits. One tab at a time holds the
 * Web Lock; where the Web Locks API is missing (iOS Safari before 15.4) it runs without.
 * It is the only writer of the sync state: the drain and the collector client report what
 * they learnt (facts, a run's end), and run-state.ts says what changes.
 * Everything that depends on time, network or browser comes in through `deps`.
 */
import {
  countQueued,
  getSyncState,
  pruneSent,
  StorageError,
  type SyncState,
  updateSyncState,
} from '../store';
import { type DrainInput, type DrainReport, drainOutbox } from './drain';
import { type HealthSource, readDeviceHealth } from './health';
import type { CollectorDeps } from './http';
import { type CallFact, type SyncFact, syncStateAfter, syncStateOnFact } from './run-state';
import { nextTimerDelayMs, readiness, SYNC_INTERVAL_MS } from './schedule';
import type { SyncReason, SyncRunOutcome, SyncRunResult } from './sync-result';
import { DEVICE_TARGET, type SyncTarget } from './target';

/** Held by the tab that is syncing; other tabs skip their run instead of queueing. */
export const SYNC_LOCK_NAME = 'library-survey-sync';

/** The part of navigator.locks the engine uses. */
export interface SyncLockManager {
  request<T>(
    name: string,
    /** ifAvailable: null at once when another holds it; otherwise wait for it. */
    options: { ifAvailable?: true },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
}

/** The part of `document` the engine listens to. */
export interface VisibilitySource extends EventTarget {
  readonly visibilityState: DocumentVisibilityState;
}

export interface SyncEngineDeps extends CollectorDeps {
  /** In [0, 1), for the backoff's jitter. */
  random: () => number;
  /** navigator.locks; undefined where the browser lacks the Web Locks API. */
  locks?: SyncLockManager;
  /** navigator.onLine: false is a hint to wait for `online`, never proof. */
  isOnline: () => boolean;
  /** Where `online` fires (window). */
  window?: EventTarget;
  /** Where `visibilitychange` fires (document). */
  document?: VisibilitySource;
  /** A run that failed in a way the result cannot carry (a bug, not a network failure). */
  onError?: (error: unknown) => void;
  /** Where the outbox goes: the kiosk's enrollment (the default), or a phone's public link. */
  target?: SyncTarget;
  /**
   * The build's version and the browser's storage, for the health report a kiosk sends
   * with its batches. A phone on a public link sends none: it is a patron's own device, and
   * the fleet report is about the library's.
   */
  health?: HealthSource;
}

export interface SyncEngine {
  /** Drains the outbox now if allowed; a call during a run is served by one run after it. */
  syncNow(reason?: SyncReason): Promise<SyncRunResult>;
  /** Listens for the triggers and syncs once. */
  start(): void;
  /** Stops listening and the timer; a batch in flight finishes, no further one starts. */
  stop(): void;
  /** Resolves once no run is in progress or waiting to start. */
  settled(): Promise<void>;
  /** Keeps what a collector call outside a run learnt (createCollectorApi reports here). */
  record(fact: CallFact): Promise<void>;
}

const NOTHING_SENT = { sent: 0, acknowledged: 0, quarantined: 0 };

/**
 * A run's `remaining` is counted up to this many: the engine only needs to know whether
 * anything waits, and counting a long outbox whole reads every entry of it, holding back the
 * patron's next save for as long (see countQueued). Staff see the full count (countByStatus).
 */
export const REMAINING_COUNTED_UP_TO = 1_000;

/** Which reason a coalesced run keeps: a person's action beats a trigger. */
const REASON_RANK: Record<SyncReason, number> = {
  manual: 3,
  enrolled: 3,
  online: 2,
  background: 2,
  timer: 2,
  start: 1,
  submit: 1,
  visible: 1,
};

interface Attempt {
  result: SyncRunResult;
  state: SyncState;
}

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const target = deps.target ?? DEVICE_TARGET;
  let started = false;
  let stopped = false;
  let timer: unknown;
  let running: Promise<SyncRunResult> | undefined;
  let followUp: { promise: Promise<SyncRunResult>; reason: SyncReason } | undefined;

  function idle(
    reason: SyncReason,
    outcome: SyncRunOutcome,
    remaining: number,
    state: SyncState,
  ): Attempt {
    const result: SyncRunResult = { reason, outcome, ...NOTHING_SENT, remaining };
    if (outcome === 'unauthorized') result.error = 'unauthorized';
    if (outcome === 'backing-off') result.nextAttemptAt = state.nextAttemptAt;
    return { result, state };
  }

  async function record(fact: SyncFact): Promise<void> {
    const refusedToken = fact.kind === 'token-refused' ? fact.token : undefined;
    await updateSyncState(syncStateOnFact(fact, deps.now()), refusedToken);
  }

  /** Drains, keeping what each answered batch taught as it comes: a tab closed mid-run keeps it. */
  async function drainRecording(input: DrainInput): Promise<DrainReport> {
    const batches = drainOutbox(deps, input);
    for (;;) {
      const step = await batches.next();
      if (step.done) return step.value;
      await record(step.value);
    }
  }

  /** The kiosk's report for this run; none for a phone, none when it cannot be read. */
  async function healthReport() {
    if (!deps.health || target.link !== undefined) return undefined;
    // A report is a courtesy to the fleet's keepers: the answers go without it. A store
    // that cannot count fails the drain right after, which reports it.
    return readDeviceHealth(deps.health).catch(() => undefined);
  }

  async function withLock(work: () => Promise<Attempt>): Promise<Attempt | undefined> {
    if (!deps.locks) return work();
    return deps.locks.request(SYNC_LOCK_NAME, { ifAvailable: true }, async (lock) =>
      lock ? work() : undefined,
    );
  }

  async function drain(reason: SyncReason, queued: number): Promise<Attempt> {
    // Read inside the lock: the tab that held it before may have just failed or enrolled.
    const [credential, state] = await Promise.all([target.credential(), getSyncState()]);
    const ready = readiness({
      reason,
      state,
      enrollment: credential && { enrolledAt: credential.since },
      now: deps.now(),
      online: deps.isOnline(),
    });
    if (ready !== 'go') return idle(reason, ready, queued, state);
    if (!credential) return idle(reason, 'not-enrolled', queued, state);

    const report = await drainRecording({
      target,
      token: credential.token,
      clockOffsetMs: state.clockOffsetMs,
      batchRecords: state.batchRecords,
      health: await healthReport(),
      isStopped: () => stopped,
    });
    // What the collector has had for a while leaves the shared tablet.
    if (report.acknowledged > 0) await pruneSent(deps.now());
    // Another tab drained the outbox between our count and our lock: nothing was tried.
    const tried = report.sent > 0 || report.quarantined > 0;
    // A kiosk token refused is recorded only while it is still the enrollment's (see
    // updateSyncState); a link's token is the phone's for good.
    const refusedToken =
      report.outcome === 'unauthorized' && target.link === undefined ? credential.token : undefined;
    const next = tried
      ? await updateSyncState(syncStateAfter(report, state, deps.now(), deps.random), refusedToken)
      : state;
    const { sent, acknowledged, quarantined } = report;
    const result: SyncRunResult = {
      reason,
      outcome: report.outcome,
      sent,
      acknowledged,
      quarantined,
      remaining: await countQueued(REMAINING_COUNTED_UP_TO, target.link),
    };
    // syncStateAfter set or cleared lastError for this run, with one of SYNC_ERROR_CODES.
    const error = next.lastError?.code as SyncRunResult['error'];
    if (error) result.error = error;
    if (next.nextAttemptAt !== undefined) result.nextAttemptAt = next.nextAttemptAt;
    return { result, state: next };
  }

  async function attempt(reason: SyncReason): Promise<Attempt> {
    const queued = await countQueued(REMAINING_COUNTED_UP_TO, target.link);
    if (queued === 0) return idle(reason, 'done', 0, {});
    const held = await withLock(() => drain(reason, queued));
    return held ?? idle(reason, 'locked', queued, await getSyncState());
  }

  /** Replaces the timer; undefined leaves none. */
  function setTimer(delay: number | undefined): void {
    if (timer !== undefined) deps.timers.clearTimeout(timer);
    timer = undefined;
    if (!started || delay === undefined) return;
    timer = deps.timers.setTimeout(() => {
      timer = undefined;
      trigger('timer');
    }, delay);
  }

  async function run(reason: SyncReason): Promise<SyncRunResult> {
    try {
      const { result, state } = await attempt(reason);
      setTimer(nextTimerDelayMs({ ...result, state, now: deps.now() }));
      return result;
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      deps.onError?.(error);
      await record({ kind: 'storage-failed', detail: error.kind }).catch(
        () => undefined, // the database is failing; the result still says so
      );
      // How much waits is unknown; look again at the usual pace.
      setTimer(SYNC_INTERVAL_MS);
      return { reason, outcome: 'storage-error', ...NOTHING_SENT, remaining: 0, error: 'storage' };
    }
  }

  function syncNow(reason: SyncReason = 'manual'): Promise<SyncRunResult> {
    if (!running) {
      running = run(reason).finally(() => {
        running = undefined;
      });
      return running;
    }
    if (followUp) {
      if (REASON_RANK[reason] > REASON_RANK[followUp.reason]) followUp.reason = reason;
      return followUp.promise;
    }
    const settledRun = running.then(
      () => undefined,
      () => undefined,
    );
    const promise = settledRun.then(() => {
      const next = followUp?.reason ?? reason;
      followUp = undefined;
      return syncNow(next);
    });
    followUp = { promise, reason };
    return promise;
  }

  function trigger(reason: SyncReason): void {
    syncNow(reason).catch((error: unknown) => deps.onError?.(error));
  }

  const onOnline = () => trigger('online');
  const onVisibilityChange = () => {
    if (deps.document?.visibilityState === 'visible') trigger('visible');
  };

  return {
    syncNow,
    start() {
      if (started) return;
      started = true;
      stopped = false;
      deps.window?.addEventListener('online', onOnline);
      deps.document?.addEventListener('visibilitychange', onVisibilityChange);
      trigger('start');
    },
    stop() {
      started = false;
      stopped = true;
      deps.window?.removeEventListener('online', onOnline);
      deps.document?.removeEventListener('visibilitychange', onVisibilityChange);
      setTimer(undefined);
    },
    async settled() {
      while (running || followUp) {
        await (followUp?.promise ?? running)?.catch(() => undefined);
      }
    },
    record,
  };
}
