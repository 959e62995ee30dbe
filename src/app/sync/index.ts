/**
 * Sync: the app's side of the collector. Screens and start-up code import from here only
 * (the service worker, src/worker/sw.ts, imports the two modules it runs directly, so its
 * bundle leaves the rest out).
 *
 *   const deps = browserSyncDeps();
 *   const sync = createSyncEngine(deps);   sync.start();   // once, at start-up
 *   const collector = createCollectorApi(deps, sync);   // reports to the engine
 *   after submit:      sendAfterSubmit(sync)   // syncNow('submit'), then Background Sync
 *   "Sync now":        sync.syncNow('manual')
 *   after enrolling:   sync.syncNow('enrolled'); collector.refreshDeviceConfig()
 */

export { sendAfterSubmit } from './background-sync';
export { SYNC_BACKOFF_BASE_MS, SYNC_BACKOFF_CAP_MS, SYNC_RETRY_AFTER_MAX_MS } from './backoff';
export { SYNC_BATCH_BYTES, SYNC_BATCH_RECORDS } from './batch';
export { browserSyncDeps } from './browser-deps';
export type { CallFailure } from './call-failure';
export {
  type CollectorApi,
  createCollectorApi,
  type DeviceConfigResult,
  type EnrollFailure,
  type EnrollResult,
} from './collector-api';
export { type CollectorDeps, SYNC_REQUEST_TIMEOUT_MS } from './http';
export { type LinkRead, type LinkStore, linkSurvey, readPublicLink } from './public-link';
export { SYNC_INTERVAL_MS } from './schedule';
export type { SurveyRefresh } from './survey-refresh';
export {
  createSyncEngine,
  SYNC_LOCK_NAME,
  type SyncEngine,
  type SyncEngineDeps,
} from './sync-engine';
export {
  SYNC_ERROR_CODES,
  type SyncErrorCode,
  type SyncReason,
  type SyncRunOutcome,
  type SyncRunResult,
} from './sync-result';
export { DEVICE_TARGET, LINK_CLOSED_REASON, linkTarget, type SyncTarget } from './target';
