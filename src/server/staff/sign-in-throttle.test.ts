import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './sign-in-throttle';

const MINUTE_MS = 60_000;
/** A client the collector reaches directly, counted by its own address. */
const direct = (address: string) => ({ key: address, shared: false });
const ANA = { email: 'ana@library.example', address: direct('10.0.0.1') };

describe('SignInThrottle', () => {
  it('refuses an account after 5 failures in 15 minutes, from any address, until the first ages out', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 5; i++) {
      expect(throttle.retryAfterMs(ANA, i * MINUTE_MS)).toBe(0);
      throttle.recordFailure({ ...ANA, address: direct(`10.0.0.${i}`) }, i * MINUTE_MS);
    }
    expect(throttle.retryAfterMs({ ...ANA, address: direct('10.9.9.9') }, 5 * MINUTE_MS)).toBe(
      10 * MINUTE_MS,
    );
    expect(throttle.retryAfterMs(ANA, 15 * MINUTE_MS)).toBe(0);
    expect(throttle.retryAfterMs({ ...ANA, email: 'bo@library.example' }, 5 * MINUTE_MS)).toBe(0);
  });

  it('refuses an address after 20 failures over any accounts', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 20; i++) throttle.recordFailure({ ...ANA, email: `user${i}@x.example` }, 0);
    expect(throttle.retryAfterMs({ ...ANA, email: 'new@x.example' }, MINUTE_MS)).toBe(
      14 * MINUTE_MS,
    );
    expect(throttle.retryAfterMs({ ...ANA, address: direct('10.0.0.2') }, MINUTE_MS)).toBe(0);
  });

  it('counts attempts still being checked, so a burst cannot pass the limit', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 5; i++) throttle.recordAttempt(ANA, 0);
    expect(throttle.retryAfterMs(ANA, 0)).toBeGreaterThan(0);
  });

  it('forgets the account’s failures on success, but not the address’s', () => {
    const throttle = new SignInThrottle({ perAccount: 2, perAddress: 3 });
    throttle.recordFailure(ANA, 0);
    throttle.recordFailure(ANA, 0);
    expect(throttle.retryAfterMs({ ...ANA, address: direct('10.0.0.2') }, 1)).toBeGreaterThan(0);
    throttle.recordAttempt(ANA, 1);
    throttle.recordSuccess(ANA, 1);
    expect(throttle.retryAfterMs({ ...ANA, address: direct('10.0.0.2') }, 1)).toBe(0);
    throttle.recordFailure({ ...ANA, email: 'bo@library.example' }, 1);
    expect(throttle.retryAfterMs({ ...ANA, email: 'cy@library.example' }, 1)).toBeGreaterThan(0);
  });

  it('never counts a key that stands for many clients (a trusted proxy that named none)', () => {
    const throttle = new SignInThrottle({ perAccount: 100, perAddress: 2 });
    const proxy = { key: '10.0.0.1', shared: true };
    for (let i = 0; i < 5; i++)
      throttle.recordFailure({ email: `u${i}@x.example`, address: proxy }, 0);
    expect(throttle.retryAfterMs({ email: 'new@x.example', address: proxy }, 0)).toBe(0);
  });
});
