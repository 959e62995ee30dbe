/**
 * The database a chaos run starts from, empty: a SQLite file in a new temporary folder, or
 * a new PostgreSQL database made on the given server for this run and dropped after it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DialectName } from '../../src/server/storage';

export interface ChaosDatabase {
  /** The variables that point the collector at it. */
  env: { DATA_DIR: string; DATABASE_URL?: string };
  /** Where it is, for the report. */
  where: string;
  /** Removes it; a SQLite folder is kept when `keep` (to look into a failed run). */
  drop(keep?: boolean): Promise<void>;
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 30_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function chaosDatabase(
  dialect: DialectName,
  serverUrl?: string,
): Promise<ChaosDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chaos-'));
  if (dialect === 'sqlite') {
    return {
      env: { DATA_DIR: dataDir },
      where: join(dataDir, 'collector.sqlite'),
      drop: async (keep = false) => {
        if (!keep) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  if (!serverUrl) throw new Error('PostgreSQL needs --database-url or TEST_DATABASE_URL');
  const name = `chaos_${randomUUID().replaceAll('-', '')}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    where: `database ${name} on ${url.host}`,
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await onServer(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
