/**
 * The database's class, and Dexie with it, in a module of its own: database.ts imports it
 * when storage is first used, so Dexie's code (a third of a phone's first download) is
 * not on the path to a visitor's first screen. A phone's build fetches it as soon as its
 * start begins, while the first screen renders; the kiosk's entry imports it with its own
 * code (main.tsx), since a kiosk reads its settings before it shows anything.
 */
import { Dexie, type EntityTable, liveQuery } from 'dexie';
import {
  type CachedSurvey,
  DATABASE_NAME,
  type DeviceResponse,
  SCHEMA_V1,
  type SettingRow,
} from './schema';

/** Dexie's live queries (live.ts), from the same module as the database they watch. */
export { liveQuery };

export class SurveyDatabase extends Dexie {
  responses!: EntityTable<DeviceResponse, 'id'>;
  surveys!: EntityTable<CachedSurvey, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name = DATABASE_NAME) {
    // Strict durability: a transaction reports success only once the answer is on disk,
    // so "saved" on screen is true even if the tablet loses power a moment later.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(SCHEMA_V1).stores({
      // id: UUIDv7 made on the device.
      // status: the outbox (queued), drafts to restore, counts for staff.
      // [status+deviceSeq]: the outbox in the order responses were made.
      // [status+updatedAt]: synced rows old enough to prune.
      responses: 'id, status, [status+deviceSeq], [status+updatedAt]',
      // id: the survey id; one cached package per survey (the version in use).
      surveys: 'id',
      // key: one row per setting (see SettingValues).
      settings: 'key',
    });
  }
}
