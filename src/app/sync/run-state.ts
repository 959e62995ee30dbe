/**
 * The sync bookkeeping a finished run leaves behind: when it tried, what went wrong, how
 * many failures in a row, and when to try next. Persisted, so a reload keeps the backoff.
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
