/** The device store: the only door to IndexedDB. Screens and sync call these functions. */

export * from './branch-look';
export {
  classifyStorageError,
  noDatabaseYet,
  StorageError,
  type StorageErrorKind,
} from './database';
export * from './live';
export {
  estimateStorage,
  requestPersistentStorage,
  type StorageEstimate,
} from './persistence';
export * from './response-files';
export * from './responses';
export type {
  CachedLink,
  CachedSurvey,
  DeviceResponse,
  Enrollment,
  Interviewing,
  Quarantine,
  ResponseStatus,
  SyncState,
} from './schema';
export * from './settings';
export * from './staff-pin';
export * from './surveys';
