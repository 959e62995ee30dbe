import { describe, expect, it } from 'vitest';
import { ClientThrottle, FailureThrottle, FORWARDER_LIMIT_FACTOR } from './throttle';

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

describe('ClientThrottle', () => {
  const client = { key: '192.0.2.7', shared: false };

  it('reserves an attempt up front, refuses once the limit is reserved, and takes back a success', () => {
    const throttle = new ClientThrottle(2, MINUTE_MS);
    expect(throttle.reserve(client, 0)).toBe(0);
    expect(throttle.reserve(client, 0)).toBe(0);
    expect(throttle.reserve(client, 0)).toBe(MINUTE_MS);
    throttle.withdraw(client, 0);
    expect(throttle.reserve(client, 0)).toBe(0);
  });

  it('never counts a key that stands for many clients', () => {
    const throttle = new ClientThrottle(1, MINUTE_MS);
    const proxy = { key: '10.0.0.1', shared: true };
    for (let i = 0; i < 5; i++) expect(throttle.reserve(proxy, 0)).toBe(0);
  });

  it('holds every key behind one untrusted forwarder to a wider cap together', () => {
    const throttle = new ClientThrottle(2, MINUTE_MS);
    const via = (i: number) => ({
      key: `203.0.113.${i} via 198.51.100.1`,
      shared: false,
      forwarder: '198.51.100.1',
    });
    for (let i = 0; i < 2 * FORWARDER_LIMIT_FACTOR; i++)
      expect(throttle.reserve(via(i), 0)).toBe(0);
    expect(throttle.reserve(via(999), 0)).toBe(MINUTE_MS);
    expect(throttle.reserve(client, 0)).toBe(0);
  });
});
