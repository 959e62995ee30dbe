/**
 * Opens the collector's database: a SQLite file under DATA_DIR by default, PostgreSQL when
 * a URL is given; runs the migrations. The only place that knows which driver is in use.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationProvider } from './migrations';
import type { Database } from './schema';
import { type BusyWait, openSqliteFile } from './sqlite-file';

export type DialectName = 'sqlite' | 'postgres';

/** A handle on the database; every storage function takes one. Inside a transaction, too. */
export interface Storage {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** Folder of collector.sqlite, used when databaseUrl is unset. */
  dataDir: string;
  /**
   * postgres://… selects PostgreSQL. Connection parameters ride along as usual, e.g.
   * ?options=-c%20search_path%3Dsurvey to work in another schema (tests isolate so).
   */
  databaseUrl?: string | undefined;
  /** How SQLite waits between tries while another connection writes (timers unless a test says). */
  busyWait?: BusyWait;
}

export { dataDirWarning, SQLITE_FILE_NAME } from './sqlite-file';

/** How long a PostgreSQL connection may take, so health answers 503 instead of hanging. */
const PG_CONNECT_TIMEOUT_MS = 5000;

function openSqlite(dataDir: string, busyWait: BusyWait | undefined): Storage {
  const db = new Kysely<Database>({ dialect: openSqliteFile(dataDir, busyWait) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

function openPostgres(url: string): Storage {
  // Kysely makes the pool at the first query. `pg` is loaded then, not at start: a collector
  // on SQLite (the default) never needs it in memory.
  const pool = async () => {
    const { default: pg } = await import('pg');
    const made = new pg.Pool({
      connectionString: url,
      connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    });
    // An idle connection dropped by the server must not crash the collector; the next
    // query opens a new one.
    made.on('error', () => {});
    return made;
  };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

export function openStorage(options: StorageOptions): Storage {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : openSqlite(options.dataDir, options.busyWait);
}

/** The collector's migrations over this storage, kept in its own schema's tables. */
export async function storageMigrator(storage: Storage): Promise<Migrator> {
  return new Migrator({
    db: storage.db,
    provider: migrationProvider(storage.dialect),
    // Kysely looks for its bookkeeping tables in every schema unless told which one; with
    // several collectors (or test runs) in one PostgreSQL database it would find another's.
    migrationTableSchema: await currentSchema(storage),
  });
}

/** Brings the schema up to date; returns the names of the migrations it ran. */
export async function migrate(storage: Storage): Promise<string[]> {
  const migrator = await storageMigrator(storage);
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'a migration';
    throw new Error(`${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The PostgreSQL schema tables are created in (the first of search_path). */
async function currentSchema(storage: Storage): Promise<string | undefined> {
  if (storage.dialect !== 'postgres') return undefined;
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
    storage.db,
  );
  return rows[0]?.schema ?? undefined;
}

/** Throws when the database does not answer. */
export async function ping(storage: Storage): Promise<void> {
  await sql`select 1`.execute(storage.db);
}

/** Runs fn in one transaction: all of it is stored, or none. */
export function inTransaction<T>(storage: Storage, fn: (tx: Storage) => Promise<T>): Promise<T> {
  return storage.db.transaction().execute((trx) =>
    fn({
      db: trx,
      dialect: storage.dialect,
      close: () => Promise.reject(new Error('a transaction is closed by committing')),
    }),
  );
}

/**
 * Inside a transaction: waits until no other collector over the same PostgreSQL database
 * is preparing it (seeding surveys, making the first branch); released at commit. SQLite
 * belongs to one collector and needs no turn.
 */
export async function takeTurnPreparing(tx: Storage): Promise<void> {
  if (tx.dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(${PREPARE_LOCK_KEY})`.execute(tx.db);
}

const PREPARE_LOCK_KEY = 0x6b696f736b; // "kiosk"

/** Timestamps are stored as ISO-8601 UTC text so both dialects sort them alike. */
export function timestamp(date: Date): string {
  return date.toISOString();
}

/** Refreshes the planner's statistics (after a bulk load, as the benchmark makes). */
export async function analyze(storage: Storage): Promise<void> {
  await sql`analyze`.execute(storage.db);
}
