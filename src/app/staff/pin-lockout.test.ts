import { describe, expect, it } from 'vitest';
import {
  afterWrongPin,
  lockedForMs,
  lockoutDurationMs,
  NO_LOCKOUT,
  type PinLockout,
  readPinLockout,
} from './pin-lockout';

const MINUTE_MS = 60_000;
const T0 = Date.UTC(2026, 5, 1, 9, 0, 0);

function wrong(times: number, state: PinLockout = NO_LOCKOUT, at = T0): PinLockout {
  let next = state;
  for (let i = 0; i < times; i++) next = afterWrongPin(next, at);
  return next;
}

describe('the staff PIN lockout', () => {
  it('lets four wrong PINs through without a lock', () => {
    const state = wrong(4);
    expect(state.failures).toBe(4);
    expect(lockedForMs(state, T0)).toBe(0);
  });

  it('locks for a minute at the fifth wrong PIN', () => {
    const state = wrong(5);
    expect(lockedForMs(state, T0)).toBe(MINUTE_MS);
    expect(lockedForMs(state, T0 + 59_000)).toBe(1000);
    expect(lockedForMs(state, T0 + MINUTE_MS)).toBe(0);
  });

  it('doubles each lock after the first: 1, 2, 4, 8 minutes', () => {
    expect([1, 2, 3, 4].map(lockoutDurationMs)).toEqual([1, 2, 4, 8].map((m) => m * MINUTE_MS));
    const first = wrong(5);
    const afterFirst = T0 + MINUTE_MS;
    const second = wrong(5, first, afterFirst);
    expect(lockedForMs(second, afterFirst)).toBe(2 * MINUTE_MS);
    const afterSecond = afterFirst + 2 * MINUTE_MS;
    expect(lockedForMs(wrong(5, second, afterSecond), afterSecond)).toBe(4 * MINUTE_MS);
  });

  it('gives five more tries after each lock, not one', () => {
    const afterLock = T0 + MINUTE_MS;
    const state = wrong(4, wrong(5), afterLock);
    expect(lockedForMs(state, afterLock)).toBe(0);
  });

  it('never locks longer than an hour', () => {
    expect(lockoutDurationMs(7)).toBe(60 * MINUTE_MS);
    expect(lockoutDurationMs(50)).toBe(60 * MINUTE_MS);
  });

  it('does not stretch a lock when the clock is set back', () => {
    const state = wrong(5);
    expect(lockedForMs(state, T0 - 24 * 60 * MINUTE_MS)).toBe(MINUTE_MS);
  });

  it('reads a stored state back, and anything malformed as no lock', () => {
    const state = wrong(5);
    expect(readPinLockout(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(readPinLockout(undefined)).toEqual(NO_LOCKOUT);
    expect(readPinLockout('locked')).toEqual(NO_LOCKOUT);
    expect(readPinLockout({ failures: -1, lockouts: 1.5, lockedUntil: 'later' })).toEqual(
      NO_LOCKOUT,
    );
  });
});
