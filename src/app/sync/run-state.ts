/**
 * The sync bookkeeping, as pure changes for the engine to write (it is the only writer):
 * what a finished run leaves behind (when it tried, what went wrong, how many failures in
 * a row, when to try next), and what single facts teach it along the way (an answered
 * batch, a new enrollment, a refused token). Persisted, so a reload keeps the backoff.
 */
import type { SyncState } from '../store';
import { retryDelayMs } from './backoff';
import type { SyncErrorCode } from './sync-result';

export type DrainEnd =
  | { outcome: 'done'; quarantined: number; batchRecords?: number }
  | {
      outcome: 'failed';
      batchRecords?: number;
      error: SyncErrorCode;
      detail?: string;
      retryAfterMs?: number;
      /** Some batch of this run was answered: the collector is reachable, start over. */
      progressed: boolean;
    }
  | { outcome: 'unauthorized' };

export function syncStateAfter(
  end: DrainEnd,
  previous: SyncState,
  now: number,
  random: () => number,
): Partial<SyncState> {
  switch (end.outcome) {
    case 'done':
      return {
        batchRecords: end.batchRecords,
        lastAttemptAt: now,
        failures: 0,
        nextAttemptAt: undefined,
        lastError:
          end.quarantined > 0
            ? { code: 'refused', at: now, detail: `${end.quarantined} quarantined` }
            : undefined,
      };
    case 'unauthorized':
      // No backoff: nothing is retried automatically until a new enrollment or a person.
      return {
        lastAttemptAt: now,
        failures: 0,
        nextAttemptAt: undefined,
        lastError: { code: 'unauthorized', at: now },
      };
    case 'failed': {
      const failures = end.progressed ? 1 : (previous.failures ?? 0) + 1;
      const delay = retryDelayMs(failures, random, end.retryAfterMs);
      return {
        batchRecords: end.batchRecords,
        lastAttemptAt: now,
        failures,
        nextAttemptAt: now + delay,
        lastError: { code: end.error, at: now, ...(end.detail ? { detail: end.detail } : {}) },
      };
    }
  }
}

/** Something learnt during or between runs that the sync state keeps. */
export type SyncFact =
  /** A batch got its reply in time; `answered`: it had a result for a record sent. */
  | { kind: 'batch-answered'; clockOffsetMs: number | undefined; answered: boolean }
  /** A new token: no refusal or backoff of the old one holds. */
  | { kind: 'enrolled' }
  /** The collector refused this kiosk token outside a run (device configuration). */
  | { kind: 'token-refused'; token: string }
  /** A reply's serverTime outside a batch (device configuration, health) gave a new estimate. */
  | { kind: 'clock-read'; clockOffsetMs: number }
  /** The device's own database failed during a run; `detail` is the StorageError kind. */
  | { kind: 'storage-failed'; detail: string };

/** The facts the collector client learns outside a run. */
export type CallFact = Extract<SyncFact, { kind: 'enrolled' | 'token-refused' | 'clock-read' }>;

export function syncStateOnFact(fact: SyncFact, now: number): Partial<SyncState> {
  switch (fact.kind) {
    case 'batch-answered':
      return {
        ...(fact.clockOffsetMs === undefined ? {} : { clockOffsetMs: fact.clockOffsetMs }),
        ...(fact.answered ? { lastSuccessAt: now } : {}),
      };
    case 'enrolled':
      return { lastError: undefined, failures: 0, nextAttemptAt: undefined };
    case 'token-refused':
      return { lastError: { code: 'unauthorized', at: now } };
    case 'clock-read':
      return { clockOffsetMs: fact.clockOffsetMs };
    case 'storage-failed':
      return { lastError: { code: 'storage', at: now, detail: fact.detail } };
  }
}
