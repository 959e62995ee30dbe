/**
 * Slows down password guessing: failed sign-ins count per account (the email as typed,
 * whether it has an account or not, so the throttle tells nothing) and per client address.
 * Either over its limit refuses further attempts, before any password is checked. An
 * attempt counts as failed from its start (recordAttempt) until it succeeds, so a burst of
 * guesses sent at once cannot pass the limit while their hashes are being computed. A
 * successful sign-in forgets the account's failures but not the address's earlier ones:
 * one good password must not buy an address another round of guesses at other accounts.
 */
import { ClientThrottle, FailureThrottle, type ThrottleClient } from '../devices/throttle';

/** One sign-in: the email as typed, and the client it came from. */
export interface SignInAttempt {
  email: string;
  address: ThrottleClient;
}

export const SIGN_IN_FAILURES_PER_ACCOUNT = 5;
export const SIGN_IN_FAILURES_PER_ADDRESS = 20;
export const SIGN_IN_FAILURE_WINDOW_MS = 15 * 60_000;

export class SignInThrottle {
  readonly #accounts: FailureThrottle;
  readonly #addresses: ClientThrottle;

  constructor(limits: { perAccount?: number; perAddress?: number; windowMs?: number } = {}) {
    const windowMs = limits.windowMs ?? SIGN_IN_FAILURE_WINDOW_MS;
    this.#accounts = new FailureThrottle(
      limits.perAccount ?? SIGN_IN_FAILURES_PER_ACCOUNT,
      windowMs,
    );
    this.#addresses = new ClientThrottle(
      limits.perAddress ?? SIGN_IN_FAILURES_PER_ADDRESS,
      windowMs,
    );
  }

  /** Milliseconds until this account may be tried from this address; 0 when now. */
  retryAfterMs(attempt: SignInAttempt, nowMs: number): number {
    return Math.max(
      this.#accounts.retryAfterMs(attempt.email, nowMs),
      this.#addresses.retryAfterMs(attempt.address, nowMs),
    );
  }

  recordFailure(attempt: SignInAttempt, nowMs: number): void {
    this.#accounts.recordFailure(attempt.email, nowMs);
    this.#addresses.recordFailure(attempt.address, nowMs);
  }

  /** Counts a failure for the address alone (a setup link that does not work). */
  recordAddressFailure(address: ThrottleClient, nowMs: number): void {
    this.#addresses.recordFailure(address, nowMs);
  }

  addressRetryAfterMs(address: ThrottleClient, nowMs: number): number {
    return this.#addresses.retryAfterMs(address, nowMs);
  }

  /** Counts an attempt as failed before its password is checked; recordSuccess takes it back. */
  recordAttempt(attempt: SignInAttempt, nowMs: number): void {
    this.recordFailure(attempt, nowMs);
  }

  /** The attempt begun at `startedMs` was never checked (the collector was busy): it counts for neither. */
  recordUnchecked(attempt: SignInAttempt, startedMs: number): void {
    this.#accounts.withdraw(attempt.email, startedMs);
    this.#addresses.withdraw(attempt.address, startedMs);
  }

  /** The attempt begun at `startedMs` succeeded: the account's failures are forgotten. */
  recordSuccess(attempt: SignInAttempt, startedMs: number): void {
    this.#accounts.forget(attempt.email);
    this.#addresses.withdraw(attempt.address, startedMs);
  }
}
