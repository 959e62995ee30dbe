/**
 * Slows down guessing: after too many failed attempts under one key (a client address, an
 * account) within a window, further attempts are refused until the oldest failure ages out.
 * Enrollment keys it by client (ClientThrottle); staff sign-in by account and by client. In
 * memory, per collector process: a restart forgets, which 60-bit codes and scrypt-hashed
 * passwords can afford.
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

/**
 * A client as the throttles count it, resolved by clientAddress() (http/client-address.ts).
 *
 * Throttling by address must never refuse everyone at once, so:
 * - `key` is one client: its own address (IPv6 by /64), the address a trusted proxy
 *   (TRUSTED_PROXIES) forwarded, or, behind a peer that forwards but is not trusted,
 *   "<forwarded address> via <peer>", so one client of an unconfigured proxy blocks only
 *   itself;
 * - `shared` marks a key that stands for many clients (a trusted proxy that named no
 *   client): it is never throttled, since refusing it would refuse every client behind it;
 * - `forwarder` is that untrusted peer: anyone may send X-Forwarded-For, so a client that
 *   writes a new one each time gets a new `key`; all keys via one forwarder together get
 *   FORWARDER_LIMIT_FACTOR times the limit. Reaching it takes that many clients' worth of
 *   failures, and the collector warns to set TRUSTED_PROXIES (after which keys are exact).
 */
export interface ThrottleClient {
  key: string;
  shared: boolean;
  forwarder?: string | undefined;
}

/** How many clients' worth of failures all keys behind one untrusted forwarder may have together. */
export const FORWARDER_LIMIT_FACTOR = 10;

/** A FailureThrottle over clients: exact keys, a wider cap per forwarder, none for shared keys. */
export class ClientThrottle {
  readonly #clients: FailureThrottle;
  readonly #forwarders: FailureThrottle;

  constructor(limit = ENROLL_FAILURE_LIMIT, windowMs = ENROLL_FAILURE_WINDOW_MS) {
    this.#clients = new FailureThrottle(limit, windowMs);
    this.#forwarders = new FailureThrottle(limit * FORWARDER_LIMIT_FACTOR, windowMs);
  }

  /** Milliseconds until this client may try again; 0 when it may try now. */
  retryAfterMs(client: ThrottleClient, nowMs: number): number {
    if (client.shared) return 0;
    return Math.max(
      this.#clients.retryAfterMs(client.key, nowMs),
      client.forwarder ? this.#forwarders.retryAfterMs(client.forwarder, nowMs) : 0,
    );
  }

  recordFailure(client: ThrottleClient, nowMs: number): void {
    if (client.shared) return;
    this.#clients.recordFailure(client.key, nowMs);
    if (client.forwarder) this.#forwarders.recordFailure(client.forwarder, nowMs);
  }

  /** Takes back the failure recorded at `atMs` (an attempt that turned out not to fail). */
  withdraw(client: ThrottleClient, atMs: number): void {
    if (client.shared) return;
    this.#clients.withdraw(client.key, atMs);
    if (client.forwarder) this.#forwarders.withdraw(client.forwarder, atMs);
  }

  /**
   * Counts an attempt as failed from its start, before anything is awaited, so that a burst
   * sent at once is held to the limit too; withdraw() takes it back when it succeeds.
   * Answers the milliseconds to wait instead (nothing recorded) when over the limit.
   */
  reserve(client: ThrottleClient, nowMs: number): number {
    const waitMs = this.retryAfterMs(client, nowMs);
    if (waitMs === 0) this.recordFailure(client, nowMs);
    return waitMs;
  }
}
