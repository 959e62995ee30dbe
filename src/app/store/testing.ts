/**
 * For tests: a database of their own under another name, and a handle on it. `db` is the
 * one the last `useDatabase` made, which every store function then uses.
 */
import { useDatabase as useDatabaseNamed } from './database';
import type { SurveyDatabase } from './survey-database';

export let db: SurveyDatabase;

export async function useDatabase(name: string): Promise<SurveyDatabase> {
  db = await useDatabaseNamed(name);
  return db;
}
