import { describe, expect, it } from 'vitest';
import { FailureThrottle } from './throttle';

const MINUTE_MS = 60_000;

describe('FailureThrottle', () => {
  it('lets an address fail up to the limit, then refuses until the oldest failure ages out', () => {
    const throttle = new FailureThrottle(3, 15 * MINUTE_MS);
    throttle.recordFailure('10.0.0.1', 0);
    throttle.recordFailure('10.0.0.1', 1 * MINUTE_MS);
    expect(throttle.retryAfterMs('10.0.0.1', 2 * MINUTE_MS)).toBe(0);
    throttle.recordFailure('10.0.0.1', 2 * MINUTE_MS);
    expect(throttle.retryAfterMs('10.0.0.1', 2 * MINUTE_MS)).toBe(13 * MINUTE_MS);
    expect(throttle.retryAfterMs('10.0.0.1', 15 * MINUTE_MS)).toBe(0);
  });

  it('counts each address on its own', () => {
    const throttle = new FailureThrottle(1, MINUTE_MS);
    throttle.recordFailure('10.0.0.1', 0);
    expect(throttle.retryAfterMs('10.0.0.1', 0)).toBe(MINUTE_MS);
    expect(throttle.retryAfterMs('10.0.0.2', 0)).toBe(0);
  });

  it.each([
    [0, 0],
    [9, 0],
    [10, 15 * MINUTE_MS],
    [25, 15 * MINUTE_MS],
  ])(
    'after %i failures at once, an address waits %i ms (10 per 15 minutes by default)',
    (failures, wait) => {
      const throttle = new FailureThrottle();
      for (let i = 0; i < failures; i++) throttle.recordFailure('::1', 0);
      expect(throttle.retryAfterMs('::1', 0)).toBe(wait);
    },
  );
});
