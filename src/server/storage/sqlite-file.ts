/**
 * The collector's SQLite file: made readable by its owner only, and opened so that waiting
 * for another writer (a CLI command, a backup) never stops the event loop. better-sqlite3
 * is synchronous, and SQLite's own busy timeout sleeps inside the call: five seconds of it
 * would stop every request, the health check and the timers for five seconds. So SQLite
 * waits only a moment by itself, and beyond that the collector waits between tries with
 * timers, answering everything else meanwhile.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type AbortableOperationOptions,
  CompiledQuery,
  type DatabaseConnection,
  type QueryResult,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';

export const SQLITE_FILE_NAME = 'collector.sqlite';

/** How long SQLite itself waits for a lock, blocking the event loop: a moment at most. */
const SQLITE_BUSY_TIMEOUT_MS = 20;
/** The first wait between tries; each next one doubles, up to the most. */
const BUSY_FIRST_WAIT_MS = 10;
const BUSY_MOST_WAIT_MS = 250;
/** How long in all a write waits for another writer before it fails (SQLITE_BUSY). */
const BUSY_GIVE_UP_MS = 5000;

/** SQLite's page cache in KiB (a negative cache_size counts KiB, a positive one pages). */
const SQLITE_CACHE_KIB = 2048;

/** Statements kept prepared: more than every statement a batch runs, few enough to be small. */
const PREPARED_STATEMENTS = 100;

/** Waits between tries; tests pass one that notes each wait. */
export type BusyWait = (ms: number) => Promise<void>;

const timerWait: BusyWait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The folder is made 0700 and the database 0600: answers and token hashes are in it. */
const OWNER_ONLY_FOLDER = 0o700;
const OWNER_ONLY_FILE = 0o600;

/**
 * Makes DATA_DIR when missing (readable by the owner only) and the database file in it
 * (likewise). SQLite makes the -wal and -shm files with the database file's permissions.
 * A database file or its -wal/-shm that others could read (made by an older version) is
 * narrowed; a folder the operator made keeps its mode (dataDirWarning says if it is open).
 */
function ownerOnlyDatabaseFile(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: OWNER_ONLY_FOLDER });
  const path = join(dataDir, SQLITE_FILE_NAME);
  closeSync(openSync(path, 'a', OWNER_ONLY_FILE));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, OWNER_ONLY_FILE);
  }
  return path;
}

/** A warning when every user of the machine may read DATA_DIR; undefined when it is closed. */
export function dataDirWarning(dataDir: string): string | undefined {
  if (!existsSync(dataDir)) return undefined;
  const mode = statSync(dataDir).mode & 0o777;
  if ((mode & 0o004) === 0) return undefined;
  return `DATA_DIR ${dataDir} is readable by every user of this machine (mode ${mode.toString(8)}); the database in it holds patrons' answers: chmod 700 it.`;
}

function isBusy(error: unknown): boolean {
  return error instanceof SQLite.SqliteError && error.code.startsWith('SQLITE_BUSY');
}

/**
 * The one connection, trying again after a wait when another connection holds the write
 * lock. Only outside a transaction: a statement that failed busy there changed nothing.
 * Transactions begin IMMEDIATE, taking the write lock at their start (that begin is tried
 * again here too), so no statement inside one fails busy halfway.
 */
class PatientConnection implements DatabaseConnection {
  readonly #inner: DatabaseConnection;
  readonly #file: SQLite.Database;
  readonly #wait: BusyWait;

  constructor(inner: DatabaseConnection, file: SQLite.Database, wait: BusyWait) {
    this.#inner = inner;
    this.#file = file;
    this.#wait = wait;
  }

  /**
   * The statements run lately, by their SQL, each prepared once: a batch runs the same
   * dozen statements as the one before it, and preparing them again took a twentieth of
   * its time. Only here, where a statement runs to its end before the call returns;
   * a stream (which holds the one connection until it ends) prepares its own.
   */
  readonly #prepared = new Map<string, SQLite.Statement>();

  #statement(sql: string): SQLite.Statement {
    let statement = this.#prepared.get(sql);
    if (statement) {
      // Most recently used last: the first is the one to drop when the cache is full.
      this.#prepared.delete(sql);
    } else {
      statement = this.#file.prepare(sql);
      if (this.#prepared.size >= PREPARED_STATEMENTS) {
        const oldest = this.#prepared.keys().next().value;
        if (oldest !== undefined) this.#prepared.delete(oldest);
      }
    }
    this.#prepared.set(sql, statement);
    return statement;
  }

  /** What Kysely's SqliteConnection does, with the statement from the cache. */
  #run<R>(query: CompiledQuery): QueryResult<R> {
    const statement = this.#statement(query.sql);
    const parameters = query.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return {
      insertId: lastInsertRowid != null ? BigInt(lastInsertRowid) : undefined,
      numAffectedRows: changes != null ? BigInt(changes) : undefined,
      rows: [],
    };
  }

  // Kysely's own SQLite connection ignores the abort signal too: a statement runs to its
  // end inside the call, before a signal could be looked at.
  async executeQuery<R>(
    query: CompiledQuery,
    _options?: AbortableOperationOptions,
  ): Promise<QueryResult<R>> {
    let waited = 0;
    let next = BUSY_FIRST_WAIT_MS;
    for (;;) {
      try {
        return this.#run<R>(query);
      } catch (error) {
        if (!isBusy(error) || this.#file.inTransaction || waited >= BUSY_GIVE_UP_MS) throw error;
        await this.#wait(next);
        waited += next;
        next = Math.min(next * 2, BUSY_MOST_WAIT_MS);
      }
    }
  }

  // Reads only (SQLite streams selects): in WAL mode a reader never waits for a writer.
  streamQuery<R>(
    query: CompiledQuery,
    chunkSize: number,
    options?: AbortableOperationOptions,
  ): AsyncIterableIterator<QueryResult<R>> {
    return this.#inner.streamQuery<R>(query, chunkSize, options);
  }
}

class PatientSqliteDriver extends SqliteDriver {
  readonly #file: SQLite.Database;
  readonly #wait: BusyWait;
  #connection: PatientConnection | undefined;

  constructor(file: SQLite.Database, wait: BusyWait) {
    super({ database: file });
    this.#file = file;
    this.#wait = wait;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    this.#connection ??= new PatientConnection(
      await super.acquireConnection(),
      this.#file,
      this.#wait,
    );
    return this.#connection;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class PatientSqliteDialect extends SqliteDialect {
  readonly #file: SQLite.Database;
  readonly #wait: BusyWait;

  constructor(file: SQLite.Database, wait: BusyWait) {
    const config: SqliteDialectConfig = { database: file };
    super(config);
    this.#file = file;
    this.#wait = wait;
  }

  override createDriver(): SqliteDriver {
    return new PatientSqliteDriver(this.#file, this.#wait);
  }
}

/** Opens (or makes) DATA_DIR/collector.sqlite and the Kysely dialect over it. */
export function openSqliteFile(dataDir: string, wait: BusyWait = timerWait): SqliteDialect {
  const file = new SQLite(ownerOnlyDatabaseFile(dataDir), { timeout: SQLITE_BUSY_TIMEOUT_MS });
  // WAL lets readers work during a write; synchronous FULL makes every committed batch
  // survive a power cut, which a kiosk network's only copy of its answers needs.
  file.pragma('journal_mode = WAL');
  file.pragma('synchronous = FULL');
  file.pragma('foreign_keys = ON');
  // SQLite's page cache, per connection: better-sqlite3 builds SQLite with 16 MB, which the
  // collector filled within 100,000 responses and then kept. 2 MiB holds the pages a
  // batch's writes touch (the indexes' upper levels); other reads come from the kernel's
  // file cache, which the machine shares instead of the collector holding it twice.
  file.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  return new PatientSqliteDialect(file, wait);
}
