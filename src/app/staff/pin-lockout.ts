/**
 * When the staff keypad takes no more PINs: after five wrong ones it locks for a minute,
 * and each further lock lasts twice as long as the one before (1, 2, 4, 8 … minutes, at
 * most an hour). The right PIN forgets it all. Pure: the caller keeps the state (in the
 * device's settings, so a reload does not reset it) and gives the time.
 */

export const PIN_ATTEMPTS_PER_LOCKOUT = 5;
export const PIN_FIRST_LOCKOUT_MS = 60_000;
/**
 * The longest lock. Staff who mistyped a few times must not be shut out for a day; at
 * five guesses an hour, trying every 4-digit PIN still takes over two months.
 */
export const PIN_MAX_LOCKOUT_MS = 60 * 60_000;

export interface PinLockout {
  /** Wrong PINs since the last lock ended (or since the last right one). */
  failures: number;
  /** Locks so far since the last right PIN: the next one lasts twice as long. */
  lockouts: number;
  /** When the current lock ends (ms since the epoch), if one was set. */
  lockedUntil?: number;
}

export const NO_LOCKOUT: PinLockout = { failures: 0, lockouts: 0 };

/** How long the nth lock (1 for the first) lasts. */
export function lockoutDurationMs(nth: number): number {
  const doublings = Math.max(0, nth - 1);
  // 2^6 minutes is past the cap already; stop before the number grows without end.
  return Math.min(PIN_FIRST_LOCKOUT_MS * 2 ** Math.min(doublings, 6), PIN_MAX_LOCKOUT_MS);
}

/**
 * How long the keypad stays locked from `now`, 0 when it is not. Never longer than the
 * lock itself: a clock set back must not stretch it.
 */
export function lockedForMs(state: PinLockout, now: number): number {
  if (state.lockedUntil === undefined || state.lockouts === 0) return 0;
  const left = state.lockedUntil - now;
  return left <= 0 ? 0 : Math.min(left, lockoutDurationMs(state.lockouts));
}

/** The state after a wrong PIN: the fifth in a row starts a lock. */
export function afterWrongPin(state: PinLockout, now: number): PinLockout {
  const failures = state.failures + 1;
  if (failures < PIN_ATTEMPTS_PER_LOCKOUT) return { ...state, failures };
  const lockouts = state.lockouts + 1;
  return { failures: 0, lockouts, lockedUntil: now + lockoutDurationMs(lockouts) };
}

/** A state read back from storage, or none: anything malformed counts as no lock. */
export function readPinLockout(value: unknown): PinLockout {
  if (typeof value !== 'object' || value === null) return NO_LOCKOUT;
  const { failures, lockouts, lockedUntil } = value as Record<string, unknown>;
  const count = (n: unknown) => (Number.isInteger(n) && (n as number) >= 0 ? (n as number) : 0);
  return {
    failures: count(failures),
    lockouts: count(lockouts),
    ...(typeof lockedUntil === 'number' && Number.isFinite(lockedUntil) ? { lockedUntil } : {}),
  };
}
