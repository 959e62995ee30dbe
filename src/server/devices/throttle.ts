/**
 * Slows down guessing: after too many failed attempts under one key (a client address, an
 * account) within a window, further attempts are refused until the oldest failure ages out.
 * Enrollment keys it by address; staff sign-in by account and by address. In memory, per
 * collector process: a restart forgets, which 60-bit codes and scrypt-hashed passwords can
 * afford.
 */

export const ENROLL_FAILURE_LIMIT = 10;
export const ENROLL_FAILURE_WINDOW_MS = 15 * 60_000;
/** Addresses remembered at most; beyond it the longest-quiet address is forgotten. */
const MAX_TRACKED_ADDRESSES = 10_000;

export class FailureThrottle {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly limit = ENROLL_FAILURE_LIMIT,
    private readonly windowMs = ENROLL_FAILURE_WINDOW_MS,
  ) {}

  /** Milliseconds until this address may try again; 0 when it may try now. */
  retryAfterMs(address: string, nowMs: number): number {
    const recent = this.#recent(address, nowMs);
    if (recent.length < this.limit) return 0;
    const oldest = recent[recent.length - this.limit] ?? nowMs;
    return Math.max(1, oldest + this.windowMs - nowMs);
  }

  recordFailure(address: string, nowMs: number): void {
    const recent = this.#recent(address, nowMs);
    recent.push(nowMs);
    // Re-inserting keeps the map ordered by last failure, so the first key is the quietest.
    this.#failures.delete(address);
    this.#failures.set(address, recent.slice(-this.limit));
    if (this.#failures.size > MAX_TRACKED_ADDRESSES) {
      const quietest = this.#failures.keys().next().value;
      if (quietest !== undefined) this.#failures.delete(quietest);
    }
  }

  /** Takes back one failure recorded at `atMs` (an attempt counted before its outcome was known). */
  withdraw(address: string, atMs: number): void {
    const failures = this.#failures.get(address);
    const index = failures?.indexOf(atMs) ?? -1;
    if (failures && index >= 0) failures.splice(index, 1);
  }

  /** Forgets a key's failures (an account whose owner signed in). */
  forget(address: string): void {
    this.#failures.delete(address);
  }

  #recent(address: string, nowMs: number): number[] {
    return (this.#failures.get(address) ?? []).filter((at) => nowMs - at < this.windowMs);
  }
}
