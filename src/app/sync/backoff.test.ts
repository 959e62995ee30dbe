import { describe, expect, it } from 'vitest';
import {
  backoffCeilingMs,
  backoffDelayMs,
  retryDelayMs,
  SYNC_BACKOFF_BASE_MS,
  SYNC_BACKOFF_CAP_MS,
  SYNC_RETRY_AFTER_MAX_MS,
} from './backoff';

const BASE = SYNC_BACKOFF_BASE_MS;
const CAP = SYNC_BACKOFF_CAP_MS;

describe('the backoff ceiling', () => {
  it.each([
    [0, BASE],
    [1, BASE],
    [2, 2 * BASE],
    [3, 4 * BASE],
    [5, 16 * BASE],
    [30, CAP],
    [5000, CAP],
  ])('after %i failures is %i ms', (failures, ceiling) => {
    expect(backoffCeilingMs(failures)).toBe(ceiling);
  });

  it('is a few minutes at most, so a bookmobile does not miss a short online window', () => {
    expect(CAP).toBeLessThanOrEqual(5 * 60_000);
  });
});

describe('the full-jitter delay', () => {
  it.each([
    ['the lowest random value', 1, 0, 0],
    ['the highest random value', 1, 0.999_999, BASE - 1],
    ['a middle value after three failures', 3, 0.5, 2 * BASE],
    ['the highest random value long after the cap', 40, 0.999_999, CAP - 1],
  ])('with %s stays in [0, ceiling)', (_, failures, random, expected) => {
    expect(backoffDelayMs(failures, () => random)).toBe(expected);
  });

  it.each([1, 2, 4, 8, 12, 20])('never leaves [0, ceiling) after %i failures', (failures) => {
    for (const r of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999_999_9]) {
      const delay = backoffDelayMs(failures, () => r);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(backoffCeilingMs(failures));
    }
  });
});

describe('the retry delay with Retry-After', () => {
  it.each([
    ['no Retry-After: the jittered wait', 2, 0.5, undefined, BASE],
    ['a shorter Retry-After: the jittered wait', 2, 0.5, 100, BASE],
    ['a longer Retry-After: the Retry-After', 1, 0.5, 45_000, 45_000],
    ['a Retry-After of a day: the upper bound', 1, 0.5, 86_400_000, SYNC_RETRY_AFTER_MAX_MS],
    ['Retry-After 0: the jittered wait', 3, 0.25, 0, BASE],
  ])('with %s', (_, failures, random, retryAfterMs, expected) => {
    expect(retryDelayMs(failures, () => random, retryAfterMs)).toBe(expected);
  });
});
