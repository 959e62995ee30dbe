/**
 * What a sync run reports, and the stable codes it records as the sync state's lastError.
 * The UI translates the codes; the names never change once shipped.
 */

/** What started a run. 'manual' and 'enrolled' are a person's action and skip any wait. */
export type SyncReason =
  | 'start'
  | 'submit'
  | 'online'
  | 'visible'
  | 'timer'
  | 'manual'
  | 'enrolled'
  /** The browser's Background Sync event, in the service worker: the network is back. */
  | 'background';

/**
 * lastError.code, for staff:
 * - offline: the request never reached the collector (no network, DNS, refused connection)
 * - timeout: the collector did not answer within SYNC_REQUEST_TIMEOUT_MS
 * - server-error: the collector answered a retryable status (RETRYABLE_STATUSES in the
 *   contract: 408, 423, 429, 5xx), busy or broken; will retry
 * - unexpected-reply: an answer that is not the collector's (a captive portal's page, a
 *   proxy, a wrong address) or a reply that acknowledged none of the batch
 * - unauthorized: the collector no longer knows this device's token; staff must re-enroll
 * - refused: the collector refused some responses; they wait in quarantine for a person
 * - storage: the device's own database failed during sync
 */
export const SYNC_ERROR_CODES = [
  'offline',
  'timeout',
  'server-error',
  'unexpected-reply',
  'unauthorized',
  'refused',
  'storage',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

/**
 * How a run ended:
 * - done: the collector answered every batch sent (remaining > 0 only when responses were
 *   queued while it ran, or the collector left some out of its results)
 * - failed: a batch failed; `error` says why, the sync state holds the next attempt
 * - unauthorized: the token was refused now, or earlier and nobody has re-enrolled since
 * - not-enrolled: no token yet; responses wait on the device
 * - locked: another tab of the app is syncing
 * - backing-off: an earlier failure's wait is not over (see nextAttemptAt)
 * - offline: the browser says it is offline; waiting for `online` or the timer
 * - storage-error: the device's database failed
 */
export type SyncRunOutcome =
  | 'done'
  | 'failed'
  | 'unauthorized'
  | 'not-enrolled'
  | 'locked'
  | 'backing-off'
  | 'offline'
  | 'storage-error';

export interface SyncRunResult {
  reason: SyncReason;
  outcome: SyncRunOutcome;
  /** Responses posted in this run (a response retried after a split counts again). */
  sent: number;
  /** Responses the collector acknowledged (accepted or duplicate), now synced. */
  acknowledged: number;
  /** Responses moved to quarantine in this run. */
  quarantined: number;
  /**
   * Responses still queued after the run, counted up to REMAINING_COUNTED_UP_TO (1,000)
   * (0 after a storage-error: the count failed too).
   */
  remaining: number;
  error?: SyncErrorCode;
  /** ms since the epoch (device clock) of the next automatic attempt, when one waits. */
  nextAttemptAt?: number;
}
