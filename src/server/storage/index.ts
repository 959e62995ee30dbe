/**
 * The collector's storage: the only code that builds SQL or knows the database driver.
 * Everything else calls these functions with a Storage handle.
 */
export * from './branch-staff-pins';
export * from './branches';
export * from './comments';
export * from './database';
export * from './devices';
export * from './enrollment-codes';
export * from './first-admin-tokens';
export * from './places';
export * from './public-limits';
export * from './public-links';
export * from './quarantine';
export * from './response-stream';
export * from './responses';
export * from './results';
export * from './results-backfill';
export * from './results-fill';
export * from './scope';
export * from './staff-sessions';
export * from './staff-users';
export * from './survey-packages';
export * from './survey-response-counts';
