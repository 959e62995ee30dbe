/**
 * The open database and the one way every store module writes to it: a closed connection
 * (iOS closes IndexedDB in the background) is reopened and the work retried once, and
 * failures become a StorageError the UI can explain. Nothing is reported saved until its
 * transaction has committed.
 */

import { SurveyDatabase } from './schema';

export let db = new SurveyDatabase();

/** For tests: a fresh database under another name. */
export function useDatabase(name: string): SurveyDatabase {
  db.close();
  db = new SurveyDatabase(name);
  return db;
}

/** How long the phone's start waits to learn whether the app has a database yet. */
const DATABASES_ANSWER_MS = 250;

/**
 * Whether this browser holds no database of the app yet (a phone's first visit): nothing to
 * resume, read or send, so a start need not wait for storage to open. False where the
 * browser cannot tell (no indexedDB.databases()), and once anything has opened the database.
 */
export async function noDatabaseYet(): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return false;
  let gaveUp: ReturnType<typeof setTimeout> | undefined;
  try {
    // Safari 14 may leave a page's first IndexedDB request pending (Dexie polls around it
    // when it opens the database); not told in time, the phone starts the usual way.
    const databases = await Promise.race([
      indexedDB.databases(),
      new Promise<undefined>((resolve) => {
        gaveUp = setTimeout(resolve, DATABASES_ANSWER_MS);
      }),
    ]);
    return databases !== undefined && !databases.some((database) => database.name === db.name);
  } catch {
    return false;
  } finally {
    clearTimeout(gaveUp);
  }
}

export type StorageErrorKind = 'quota' | 'unavailable' | 'unknown';

/** A write or read that did not happen; `kind` decides the message the patron sees. */
export class StorageError extends Error {
  constructor(
    readonly kind: StorageErrorKind,
    cause: unknown,
  ) {
    super(`storage ${kind}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StorageError';
  }
}

function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current instanceof Error || (typeof current === 'object' && 'name' in current)) {
      names.push(String((current as { name: unknown }).name));
    }
    current = (current as { inner?: unknown }).inner;
  }
  return names;
}

function isClosedConnection(error: unknown): boolean {
  return errorNames(error).some((n) => n === 'DatabaseClosedError' || n === 'InvalidStateError');
}

/** A store rule that was broken (not a storage failure); passed through unchanged. */
export class StoreRuleError extends Error {}

export function classifyStorageError(error: unknown): Error {
  if (error instanceof StorageError || error instanceof StoreRuleError) return error;
  const names = errorNames(error);
  if (names.includes('QuotaExceededError')) return new StorageError('quota', error);
  if (
    names.some((n) =>
      [
        'DatabaseClosedError',
        'InvalidStateError',
        'OpenFailedError',
        'MissingAPIError',
        'UnknownError',
      ].includes(n),
    )
  ) {
    return new StorageError('unavailable', error);
  }
  return new StorageError('unknown', error);
}

/** Runs work against the database, reopening it once if the browser closed it. */
export async function withDatabase<T>(work: (database: SurveyDatabase) => Promise<T>): Promise<T> {
  try {
    return await work(db);
  } catch (error) {
    if (!isClosedConnection(error)) throw classifyStorageError(error);
    try {
      db.close({ disableAutoOpen: false });
      await db.open();
      return await work(db);
    } catch (retryError) {
      throw classifyStorageError(retryError);
    }
  }
}
