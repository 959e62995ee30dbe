import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction, migrate, openStorage, type Storage } from './database';
import { dataDirWarning, SQLITE_FILE_NAME } from './sqlite-file';

const modeOf = (path: string) => statSync(path).mode & 0o777;

let root: string;
let storage: Storage | undefined;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'collector-sqlite-'));
});
afterEach(async () => {
  await storage?.close();
  storage = undefined;
  rmSync(root, { recursive: true, force: true });
});

/** Writes one row to the test's own table. */
const note = (storage: Storage, id: string) =>
  sql`insert into notes (id) values (${id})`.execute(storage.db);

const notes = async (storage: Storage) =>
  (await sql<{ id: string }>`select id from notes order by id`.execute(storage.db)).rows.map(
    (row) => row.id,
  );

async function openWithNotes(dataDir: string, busyWait?: (ms: number) => Promise<void>) {
  const opened = openStorage({ dataDir, ...(busyWait ? { busyWait } : {}) });
  await sql`create table notes (id text primary key)`.execute(opened.db);
  return opened;
}

describe('the SQLite file on disk', () => {
  it('makes DATA_DIR, the database and its -wal and -shm readable by the owner only', async () => {
    const dataDir = join(root, 'new', 'data');
    storage = await openWithNotes(dataDir);
    await note(storage, 'east');
    const file = join(dataDir, SQLITE_FILE_NAME);
    expect(modeOf(dataDir).toString(8)).toBe('700');
    for (const path of [file, `${file}-wal`, `${file}-shm`]) {
      expect([path, modeOf(path).toString(8)]).toEqual([path, '600']);
    }
    expect(dataDirWarning(dataDir)).toBeUndefined();
  });

  it('keeps a page cache of 2 MiB, not the 16 MB better-sqlite3 builds SQLite with', async () => {
    storage = openStorage({ dataDir: join(root, 'data') });
    const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(storage.db);
    expect(rows).toEqual([{ cache_size: -2048 }]);
  });

  it('narrows a database file others could read, as an older version made it', async () => {
    const dataDir = join(root, 'data');
    mkdirSync(dataDir, { mode: 0o700 });
    const file = join(dataDir, SQLITE_FILE_NAME);
    new SQLite(file).close();
    chmodSync(file, 0o644);
    storage = openStorage({ dataDir });
    expect(modeOf(file).toString(8)).toBe('600');
  });

  it('keeps the mode of a folder the operator made, and warns when everyone may read it', async () => {
    const dataDir = join(root, 'chosen');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    storage = openStorage({ dataDir });
    await migrate(storage);
    expect(modeOf(dataDir).toString(8)).toBe('755');
    expect(dataDirWarning(dataDir)).toMatch(/readable by every user.*mode 755.*chmod 700/);
    chmodSync(dataDir, 0o750);
    expect(dataDirWarning(dataDir)).toBeUndefined();
  });
});

describe('waiting for another writer', () => {
  /** Another process's connection (a CLI command) holding the write lock. */
  function holdWriteLock(dataDir: string) {
    const other = new SQLite(join(dataDir, SQLITE_FILE_NAME));
    other.exec('begin immediate');
    other.exec("insert into notes (id) values ('west')");
    return other;
  }

  /** A busy wait that says when the first wait began, then waits on a timer. */
  function observedWait() {
    const waits: number[] = [];
    let began: () => void = () => {};
    const firstWait = new Promise<'waiting'>((resolve) => {
      began = () => resolve('waiting');
    });
    const busyWait = (ms: number) => {
      waits.push(ms);
      began();
      return new Promise<void>((resolve) => setTimeout(resolve, ms));
    };
    return { waits, firstWait, busyWait };
  }

  it.each([
    ['a single statement', (s: Storage) => note(s, 'east')],
    [
      'a transaction',
      (s: Storage) =>
        inTransaction(s, async (tx) => {
          await note(tx, 'east');
          await note(tx, 'north');
        }),
    ],
  ])(
    'waits for the lock without stopping the event loop, then writes (%s)',
    async (_what, write) => {
      const dataDir = join(root, 'data');
      const { waits, firstWait, busyWait } = observedWait();
      storage = await openWithNotes(dataDir, busyWait);
      const other = holdWriteLock(dataDir);

      let settled = false;
      const writing = write(storage).finally(() => {
        settled = true;
      });
      // The write meets the lock and waits on a timer; before, SQLite slept inside the call for
      // up to five seconds, then failed with SQLITE_BUSY.
      expect(
        await Promise.race([
          firstWait,
          writing.then(
            () => 'written',
            () => 'failed',
          ),
        ]),
      ).toBe('waiting');
      // While it waits, the event loop turns: other requests and timers run.
      const turned = await new Promise<string>((resolve) => setImmediate(() => resolve('turned')));
      expect([turned, settled]).toEqual(['turned', false]);

      other.exec('commit');
      other.close();
      await writing;
      expect(waits.length).toBeGreaterThan(0);
      expect(await notes(storage)).toEqual(expect.arrayContaining(['east', 'west']));
    },
  );

  it('fails with SQLITE_BUSY when the other writer never lets go, having waited 5 s in all', async () => {
    const dataDir = join(root, 'data');
    const waits: number[] = [];
    // Waits that take no time, so the test does not last the five seconds.
    storage = await openWithNotes(dataDir, async (ms) => void waits.push(ms));
    const other = holdWriteLock(dataDir);
    await expect(note(storage, 'east')).rejects.toMatchObject({
      code: 'SQLITE_BUSY',
    });
    other.exec('rollback');
    other.close();
    expect(waits.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(5000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(250);
  });
});

describe('statements kept prepared', () => {
  it('gives each statement its own results beyond the number kept, and after the schema changed', async () => {
    storage = await openWithNotes(root);
    for (let i = 0; i < 250; i++) {
      const { rows } = await sql<{ n: number }>`select ${i} + ${i % 7} as n`.execute(storage.db);
      expect(rows).toEqual([{ n: i + (i % 7) }]);
      // A text of its own each time: more statements than the cache keeps.
      const raw = await sql<{ n: number }>`${sql.raw(`select ${i} as n`)}`.execute(storage.db);
      expect(raw.rows).toEqual([{ n: i }]);
    }
    await note(storage, 'east');
    expect(await notes(storage)).toEqual(['east']);
    await sql`alter table notes add column extra text`.execute(storage.db);
    await note(storage, 'west');
    expect(await notes(storage)).toEqual(['east', 'west']);
  });
});
