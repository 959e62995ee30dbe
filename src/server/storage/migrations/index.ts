/**
 * Every migration, by name. The names sort in the order they run; both dialects run the
 * same ones. Add a new file with the next number and list it here.
 */
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as initial from './0001-initial';
import * as surveyTextsSource from './0002-survey-texts-source';
import * as staffAccounts from './0003-staff-accounts';

const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-survey-texts-source': surveyTextsSource,
  '0003-staff-accounts': staffAccounts,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
