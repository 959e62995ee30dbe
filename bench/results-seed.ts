/**
 * The seeded database the results benchmarks read (results.bench.ts at the storage level,
 * results-api.bench.ts through the API): 1,000,000 responses over two years across 20
 * branches (each mostly one language, mostly kiosks, ~90% complete, plausible answers to
 * every question of the built-in survey), stored and counted as ingest does, in big
 * transactions.
 *
 * The SQLite file is kept in bench/.cache (gitignored), so a rerun skips the seeding;
 * RESULTS_BENCH_RESPONSES=100000 seeds fewer for a quick look. PostgreSQL gets a database
 * of its own on TEST_DATABASE_URL's server holding a copy of the SQLite file's rows,
 * dropped after; RESULTS_BENCH_PG_DATABASE=name keeps one under that name instead and
 * reuses it.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import {
  analyze,
  type CollectedResponse,
  countResponses,
  insertBranch,
  insertNewResponses,
  insertSurveyPackage,
  migrate,
  openStorage,
  SQLITE_FILE_NAME,
  type Storage,
  upsertEnrolledDevice,
} from '../src/server/storage';
import { LANGUAGES } from '../src/shared/languages';
import { pick, randomAnswers, seededRandom, weighted } from '../test/fixtures/random-responses';
import { surveyPackage } from '../test/fixtures/survey-package';

export const RESPONSES = Number(process.env.RESULTS_BENCH_RESPONSES ?? 1_000_000);
const BRANCH_COUNT = 20;
/** Responses per transaction while seeding. */
const SEED_TRANSACTION = 20_000;
export const TIME_ZONE = 'Europe/Budapest';
const FIRST_MS = Date.parse('2024-07-01T00:00:00Z');
const DAYS = 730;
/** Raise it when the seeded data or its shape changes: the cached file is then made again. */
const SEED_VERSION = 2;
export const CACHE_DIR = join(
  import.meta.dirname,
  '.cache',
  `results-${RESPONSES}-v${SEED_VERSION}`,
);
export const SEED_TIMEOUT_MS = 3_600_000;

export const { translations, ...STRUCTURE } = surveyPackage();
export const BRANCHES = Array.from({ length: BRANCH_COUNT }, (_, i) => ({
  id: `branch-${String(i + 1).padStart(2, '0')}`,
  /** Each branch mostly speaks one language. */
  language: LANGUAGES[i % LANGUAGES.length] ?? 'en',
  /** Bigger and smaller branches. */
  weight: 1 + (i % 4) * 2,
}));
const AT = '2026-07-01T00:00:00.000Z';

function response(random: () => number, i: number): CollectedResponse {
  const branch =
    BRANCHES[
      weighted(
        random,
        BRANCHES.map((b) => b.weight),
      )
    ] ?? BRANCHES[0];
  if (!branch) throw new Error('no branch');
  const completed = random() < 0.9;
  // In the order they arrive, day after day, as kiosks send them; opening hours, 9:00–20:00.
  const day = FIRST_MS + Math.floor((i * DAYS) / RESPONSES) * 86_400_000;
  const submitted = day + (7 + random() * 11) * 3_600_000;
  return {
    id: uuidv7({ msecs: submitted }),
    surveyId: STRUCTURE.id,
    surveyVersion: STRUCTURE.version,
    branchId: branch.id,
    deviceId: `device-${branch.id}`,
    deviceSeq: i + 1,
    channel: ['kiosk', 'qr', 'staff'][weighted(random, [90, 6, 4])] ?? 'kiosk',
    locale: random() < 0.85 ? branch.language : pick(random, LANGUAGES),
    location: null,
    startedAt: new Date(submitted - 200_000).toISOString(),
    submittedAt: new Date(submitted).toISOString(),
    receivedAt: new Date(submitted + 60_000).toISOString(),
    clockOffsetMs: random() < 0.3 ? null : Math.round((random() - 0.5) * 4000),
    completed,
    answers: randomAnswers(random, STRUCTURE.questions, completed),
    contentHash: `seed-${i}`,
    claimedBranchId: branch.id,
  };
}

/** Stores and counts RESPONSES responses as ingest does, SEED_TRANSACTION at a time. */
export async function seed(storage: Storage): Promise<number> {
  const started = performance.now();
  await insertSurveyPackage(storage, { structure: STRUCTURE, translations, etag: 'bench' }, AT);
  for (const branch of BRANCHES) {
    await insertBranch(storage, {
      id: branch.id,
      name: branch.id,
      kioskOverrides: {},
      surveyId: STRUCTURE.id,
      createdAt: AT,
    });
    await upsertEnrolledDevice(storage, {
      id: `device-${branch.id}`,
      branchId: branch.id,
      name: null,
      tokenHash: `token-${branch.id}`,
      at: AT,
    });
  }
  const random = seededRandom(20_260_701);
  const structures = new Map([[`${STRUCTURE.id}@${STRUCTURE.version}`, STRUCTURE]]);
  for (let start = 0; start < RESPONSES; start += SEED_TRANSACTION) {
    const batch = Array.from({ length: Math.min(SEED_TRANSACTION, RESPONSES - start) }, (_, i) =>
      response(random, start + i),
    );
    await insertNewResponses(storage, batch, { timeZone: TIME_ZONE, structures });
  }
  return performance.now() - started;
}

/** A seeded database, and how it came to be. */
export interface SeededDatabase {
  storage: Storage;
  /** "seeded in 612.3 s", or where it was reused from. */
  origin: string;
  /** Its size on disk, in bytes. */
  bytes: number;
  close(): Promise<void>;
}

/** The cached SQLite file, seeded first when there is none. */
export async function seededSqlite(): Promise<SeededDatabase> {
  const file = join(CACHE_DIR, SQLITE_FILE_NAME);
  const cached = existsSync(file);
  mkdirSync(CACHE_DIR, { recursive: true });
  const storage = openStorage({ dataDir: CACHE_DIR });
  try {
    await migrate(storage);
    let origin = `reused ${CACHE_DIR}`;
    if (!cached || (await countResponses(storage)) !== RESPONSES) {
      if (cached) throw new Error(`${CACHE_DIR} is incomplete: delete it and run again`);
      const ms = await seed(storage);
      await analyze(storage);
      origin = `seeded in ${(ms / 1000).toFixed(1)} s`;
    }
    await sql`pragma wal_checkpoint(truncate)`.execute(storage.db);
    return { storage, origin, bytes: statSync(file).size, close: () => storage.close() };
  } catch (error) {
    await storage.close();
    throw error;
  }
}

/** Rows per INSERT … SELECT FROM unnest(…) while copying into PostgreSQL. */
const COPY_ROWS = 20_000;
/** Referenced tables first; the rest in any order. */
const COPY_FIRST = ['survey_packages', 'branches', 'devices', 'responses', 'comments'];

/**
 * Copies every table of the seeded SQLite file into a migrated, empty PostgreSQL database:
 * the same rows ingest made, in a few minutes instead of the hour ingest takes on
 * PostgreSQL on two cores.
 */
async function copyFromSqlite(sqliteFile: string, target: pg.Client): Promise<void> {
  const source = new Database(sqliteFile, { readonly: true });
  try {
    const { rows: tables } = await target.query<{ name: string }>(
      `select table_name as name from information_schema.tables
       where table_schema = current_schema() and table_type = 'BASE TABLE'
       and table_name not like 'kysely%'`,
    );
    const rank = (name: string) => (COPY_FIRST.includes(name) ? COPY_FIRST.indexOf(name) : 99);
    const names = tables.map((t) => t.name).sort((a, b) => rank(a) - rank(b));
    for (const table of names) {
      const { rows: columns } = await target.query<{ name: string; type: string }>(
        `select column_name as name, udt_name as type from information_schema.columns
         where table_schema = current_schema() and table_name = $1 order by ordinal_position`,
        [table],
      );
      const list = columns.map((c) => `"${c.name}"`).join(', ');
      const insert = `insert into "${table}" (${list}) select * from unnest(${columns
        .map((c, i) => `$${i + 1}::${c.type}[]`)
        .join(', ')})`;
      let batch: unknown[][] = columns.map(() => []);
      let size = 0;
      const flush = async () => {
        if (size > 0) await target.query(insert, batch);
        batch = columns.map(() => []);
        size = 0;
      };
      for (const row of source
        .prepare(`select ${list} from "${table}"`)
        .raw()
        .iterate() as Iterable<unknown[]>) {
        for (const [i, value] of row.entries()) batch[i]?.push(value);
        if (++size === COPY_ROWS) await flush();
      }
      await flush();
    }
  } finally {
    source.close();
  }
}

/**
 * A seeded PostgreSQL database on serverUrl's server, copied from the seeded SQLite file
 * (made first when there is none), then vacuumed and analyzed: in production autovacuum
 * does both a while after rows change, and the visibility map it keeps is what lets the
 * rollups' covering keys answer from the index alone.
 */
export async function seededPostgres(serverUrl: string): Promise<SeededDatabase> {
  const sqlite = await seededSqlite();
  await sqlite.close();
  const kept = process.env.RESULTS_BENCH_PG_DATABASE;
  const name = kept ?? `results_bench_${uuidv7().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name]))
    .rowCount;
  if (!exists) await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const storage = openStorage({ dataDir: CACHE_DIR, databaseUrl: url.toString() });
  const close = async () => {
    await storage.close();
    if (!kept) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  try {
    await migrate(storage);
    let origin = `reused database ${name}`;
    if ((await countResponses(storage)) !== RESPONSES) {
      if (exists) throw new Error(`database ${name} holds another seed: drop it`);
      const started = performance.now();
      const target = new pg.Client({ connectionString: url.toString() });
      await target.connect();
      try {
        await copyFromSqlite(join(CACHE_DIR, SQLITE_FILE_NAME), target);
      } finally {
        await target.end();
      }
      origin = `copied from SQLite in ${((performance.now() - started) / 1000).toFixed(1)} s`;
    }
    await sql`vacuum analyze`.execute(storage.db);
    const { rows } = await admin.query<{ bytes: string }>('select pg_database_size($1) as bytes', [
      name,
    ]);
    return { storage, origin, bytes: Number(rows[0]?.bytes ?? 0), close };
  } catch (error) {
    await close();
    throw error;
  }
}
