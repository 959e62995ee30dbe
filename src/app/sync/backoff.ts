/**
 * How long to wait after a failed sync: exponential backoff with full jitter, and a
 * collector's Retry-After as a lower bound. Pure; the engine passes its random source.
 *
 * Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015):
 *   sleep = random_between(0, min(cap, base * 2 ** attempt))
 * spreads the retries of many tablets that lost the network at the same moment, so they
 * do not come back to the collector in lockstep.
 */

/** The ceiling after the first failure; it doubles with each further one. */
export const SYNC_BACKOFF_BASE_MS = 2_000;
/**
 * The ceiling never grows past this: a bookmobile is online for short windows (a stop, a
 * car park with Wi-Fi), and a wait longer than a few minutes would miss them.
 */
export const SYNC_BACKOFF_CAP_MS = 3 * 60_000;
/**
 * A Retry-After longer than this is not obeyed to the letter: a mistaken "come back
 * tomorrow" must not keep answers on a tablet that is online for ten minutes.
 */
export const SYNC_RETRY_AFTER_MAX_MS = 10 * 60_000;

/** The upper bound of the wait after `failures` consecutive failures (1 = the first). */
export function backoffCeilingMs(failures: number): number {
  const attempt = Math.max(0, failures - 1);
  // 2 ** attempt overflows to Infinity long after it passed the cap; min() still holds.
  return Math.min(SYNC_BACKOFF_CAP_MS, SYNC_BACKOFF_BASE_MS * 2 ** attempt);
}

/** A full-jitter wait: uniform in [0, ceiling). `random` returns values in [0, 1). */
export function backoffDelayMs(failures: number, random: () => number): number {
  return Math.floor(random() * backoffCeilingMs(failures));
}

/**
 * The wait before the next attempt: the jittered backoff, but never less than what the
 * collector asked for in Retry-After (itself bounded by SYNC_RETRY_AFTER_MAX_MS).
 */
export function retryDelayMs(
  failures: number,
  random: () => number,
  retryAfterMs?: number,
): number {
  const jittered = backoffDelayMs(failures, random);
  if (retryAfterMs === undefined) return jittered;
  return Math.max(jittered, Math.min(retryAfterMs, SYNC_RETRY_AFTER_MAX_MS));
}
