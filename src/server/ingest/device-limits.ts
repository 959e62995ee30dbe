/**
 * What one device may send, so that a stolen token cannot fill the results without end:
 * a token bucket of responses per device (in memory, per collector process), and a quota
 * of new responses stored per device per day (counted in the database, so a restart does
 * not reset it; see storage/responses.ts).
 *
 * The defaults never hinder a real device. A kiosk takes a patron every few minutes, a few
 * hundred responses on a busy day. A bookmobile back from a week offline brings its
 * backlog at once, in batches of up to 500 (the app's SYNC_BATCH_RECORDS), up to 2,000 or
 * so: the burst of 5,000 takes it in one go, and 1,000 a minute after that is two full
 * batches a minute. The quota of 5,000 a day is ten busy days of a kiosk; a backlog beyond it is
 * not refused for good: what is left over waits on the device until the next day.
 */

export interface DeviceLimits {
  /** Responses a device may send at once before the rate applies (the bucket's size). */
  burst: number;
  /** Responses a device may send per minute once the burst is spent (the bucket's refill). */
  perMinute: number;
  /** New responses stored per device per day in TIME_ZONE. */
  dailyQuota: number;
}

export const DEFAULT_DEVICE_LIMITS: DeviceLimits = {
  burst: 5000,
  perMinute: 1000,
  dailyQuota: 5000,
};

/** Devices remembered at most; beyond it the longest-quiet one is forgotten (a full bucket). */
const MAX_TRACKED_DEVICES = 10_000;

const MINUTE_MS = 60_000;

interface Bucket {
  tokens: number;
  atMs: number;
}

/**
 * A token bucket per device: each response sent takes a token, tokens come back at
 * `perMinute` up to `burst`. In memory: a restart, or a second collector behind a load
 * balancer, gives a device a fresh bucket; the daily quota is what holds across them.
 */
export class DeviceRateLimit {
  readonly #buckets = new Map<string, Bucket>();

  constructor(private readonly limits: Pick<DeviceLimits, 'burst' | 'perMinute'>) {}

  /** Milliseconds until the device may send `count` responses; 0 when it may now. */
  waitMs(deviceId: string, count: number, nowMs: number): number {
    const tokens = this.#tokens(deviceId, nowMs);
    if (tokens >= count) return 0;
    return Math.ceil(((count - tokens) * MINUTE_MS) / this.limits.perMinute);
  }

  /**
   * Takes `count` tokens when the device has them: 0. Else takes none and answers the
   * milliseconds until it will have them.
   */
  take(deviceId: string, count: number, nowMs: number): number {
    const wait = this.waitMs(deviceId, count, nowMs);
    if (wait > 0) return wait;
    const tokens = this.#tokens(deviceId, nowMs) - count;
    // Re-inserting keeps the map ordered by last use, so the first key is the quietest.
    this.#buckets.delete(deviceId);
    this.#buckets.set(deviceId, { tokens, atMs: nowMs });
    if (this.#buckets.size > MAX_TRACKED_DEVICES) {
      const quietest = this.#buckets.keys().next().value;
      if (quietest !== undefined) this.#buckets.delete(quietest);
    }
    return 0;
  }

  #tokens(deviceId: string, nowMs: number): number {
    const bucket = this.#buckets.get(deviceId);
    if (!bucket) return this.limits.burst;
    // A clock set back refills nothing, and takes nothing back either.
    const elapsed = Math.max(0, nowMs - bucket.atMs);
    return Math.min(
      this.limits.burst,
      bucket.tokens + (elapsed * this.limits.perMinute) / MINUTE_MS,
    );
  }
}
