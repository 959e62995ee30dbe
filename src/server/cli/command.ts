/** The shape of a CLI command, and what every command gets to run with. */
import { join } from 'node:path';
import type { ParseArgsOptionsConfig } from 'node:util';
import type { CollectorConfig } from '../config';
import { migrate, openStorage, SQLITE_FILE_NAME, type Storage } from '../storage';
import type { CliHost } from './host';

export interface CommandContext {
  host: CliHost;
  config: CollectorConfig;
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
}

export interface Command {
  /** How it is typed, e.g. "branch add <id> <name>". */
  usage: string;
  summary: string;
  options?: ParseArgsOptionsConfig;
  /** How many positionals it takes after its name: [at least, at most]. */
  positionals: [number, number];
  run(context: CommandContext): Promise<void>;
}

/** Opens the database, brings its schema up to date, and closes it afterwards. */
export async function withStorage<T>(
  config: CollectorConfig,
  fn: (storage: Storage) => Promise<T>,
): Promise<T> {
  const storage = openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    await migrateOrExplain(storage, config);
    return await fn(storage);
  } finally {
    await storage.close();
  }
}

/** Runs the migrations; a database that cannot be reached is said so, naming it. */
export async function migrateOrExplain(
  storage: Storage,
  config: CollectorConfig,
): Promise<string[]> {
  try {
    return await migrate(storage);
  } catch (error) {
    throw new CommandError(
      `cannot prepare the database (${describeDatabase(config)}): ${error instanceof Error ? error.message : error}`,
    );
  }
}

/** Where the data lives, for people: the SQLite file, or PostgreSQL without its password. */
export function describeDatabase(config: CollectorConfig): string {
  if (!config.databaseUrl) return `SQLite at ${join(config.dataDir, SQLITE_FILE_NAME)}`;
  try {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/** A whole number option within bounds, or a CliError naming the option. */
export function integerOption(
  options: CommandContext['options'],
  name: string,
): number | undefined {
  const value = options[name];
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (!/^\d{1,9}$/.test(value))
    throw new CommandError(`--${name} must be a whole number, not "${value}"`);
  return Number(value);
}

/** A refusal the person can act on; printed as one line. */
export class CommandError extends Error {}
