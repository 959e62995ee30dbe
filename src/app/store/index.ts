/** The device store: the only door to IndexedDB. Screens and sync call these functions. */
export { classifyStorageError, StorageError, type StorageErrorKind } from './database';
export * from './live';
export { requestPersistentStorage } from './persistence';
export * from './responses';
export type {
  CachedLink,
  CachedSurvey,
  DeviceResponse,
  Enrollment,
  Quarantine,
  ResponseStatus,
  SyncState,
} from './schema';
export * from './settings';
export * from './staff-pin';
export * from './surveys';
