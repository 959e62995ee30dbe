/**
 * When to sync: whether a run may send now, and when the timer should next fire. Pure
 * decisions over the persisted sync state, so a reload (a new engine on the same store)
 * keeps honouring a backoff, and a refused token is not retried until someone acts.
 */
import type { Enrollment, SyncState } from '../store';
import type { SyncReason, SyncRunOutcome } from './sync-result';

/** How often to look again while responses wait and nothing has failed. */
export const SYNC_INTERVAL_MS = 60_000;

export type Readiness = 'go' | 'not-enrolled' | 'unauthorized' | 'backing-off' | 'offline';

/** A person pressed a button: they expect an attempt now, whatever waited before. */
function isPersonsAction(reason: SyncReason): boolean {
  return reason === 'manual' || reason === 'enrolled';
}

/** Failures the `online` event can cure; a broken collector is not cured by Wi-Fi. */
const NETWORK_ERRORS = new Set(['offline', 'timeout']);

export function readiness(input: {
  reason: SyncReason;
  state: SyncState;
  /** The credential's date (a link's is 0); undefined: nothing to send with yet. */
  enrollment: Pick<Enrollment, 'enrolledAt'> | undefined;
  now: number;
  /** navigator.onLine: false is a hint to wait, never proof. */
  online: boolean;
}): Readiness {
  const { reason, state, enrollment, now, online } = input;
  if (!enrollment) return 'not-enrolled';
  if (isPersonsAction(reason)) return 'go';
  const error = state.lastError;
  // A token refused before this enrollment was made is the old token: the new one may go.
  if (error?.code === 'unauthorized' && enrollment.enrolledAt <= error.at) return 'unauthorized';
  // The browser fires Background Sync when it has a connection again, as it does `online`.
  const networkBack = reason === 'online' || reason === 'background';
  if (networkBack && error && NETWORK_ERRORS.has(error.code)) return 'go';
  if (state.nextAttemptAt !== undefined && now < state.nextAttemptAt) return 'backing-off';
  // The timer still tries while offline is claimed: onLine is wrong on some kiosk setups;
  // so does a background sync, which the browser fired because it thinks otherwise.
  if (!online && reason !== 'timer' && reason !== 'background') return 'offline';
  return 'go';
}

/**
 * ms until the timer should run again, or undefined for no timer: nothing waits, or
 * only a person can unblock it (unauthorized).
 */
export function nextTimerDelayMs(input: {
  outcome: SyncRunOutcome;
  remaining: number;
  state: SyncState;
  now: number;
}): number | undefined {
  const { outcome, remaining, state, now } = input;
  if (remaining === 0 || outcome === 'unauthorized') return undefined;
  if (state.failures && state.nextAttemptAt !== undefined) {
    return Math.max(0, state.nextAttemptAt - now);
  }
  return SYNC_INTERVAL_MS;
}
