/**
 * Every migration, by name. The names sort in the order they run; both dialects run the
 * same ones (a migration may shape a table for its dialect, as 0004 does for SQLite). Add a
 * new file with the next number and list it here.
 */
import type { Migration, MigrationProvider } from 'kysely/migration';
import type { DialectName } from '../database';
import * as initial from './0001-initial';
import * as surveyTextsSource from './0002-survey-texts-source';
import * as staffAccounts from './0003-staff-accounts';
import { resultsMigration } from './0004-results';
import { resultsCoveringMigration } from './0005-results-covering';
import * as branchSentRetention from './0006-branch-sent-retention';
import * as deviceLimits from './0007-device-limits';
import * as publicLinks from './0008-public-links';
import * as branchStaffPin from './0009-branch-staff-pin';
import { placesAndResultSlicesMigration } from './0010-places-and-result-slices';
import * as branchHoursAndLook from './0011-branch-hours-and-look';
import * as deviceHealth from './0012-device-health';
import * as deviceDayCounts from './0013-device-day-counts';

function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0001-initial': initial,
    '0002-survey-texts-source': surveyTextsSource,
    '0003-staff-accounts': staffAccounts,
    '0004-results': resultsMigration(dialect),
    '0005-results-covering': resultsCoveringMigration(dialect),
    '0006-branch-sent-retention': branchSentRetention,
    '0007-device-limits': deviceLimits,
    '0008-public-links': publicLinks,
    '0009-branch-staff-pin': branchStaffPin,
    '0010-places-and-result-slices': placesAndResultSlicesMigration(dialect),
    '0011-branch-hours-and-look': branchHoursAndLook,
    '0012-device-health': deviceHealth,
    '0013-device-day-counts': deviceDayCounts,
  };
}

export function migrationProvider(dialect: DialectName): MigrationProvider {
  return {
    async getMigrations() {
      return migrations(dialect);
    },
  };
}
