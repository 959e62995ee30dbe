/**
 * Migration 0013 over a database with responses in it: the daily quota counts what was
 * stored before it exactly as it did (the day's counter is made from them on its first
 * use), and the indexes no query reads are gone while those that are read stay.
 */
import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEVICE_ID, makeResponse } from '../../../../test/fixtures/responses';
import { surveyPackage } from '../../../../test/fixtures/survey-package';
import {
  migrateTestDatabaseTo,
  type TestDatabase,
  testDialects,
} from '../../../../test/fixtures/test-databases';
import { insertBranch } from '../branches';
import { migrate, type Storage } from '../database';
import { upsertEnrolledDevice } from '../devices';
import { type CollectedResponse, insertNewResponses } from '../responses';
import { insertSurveyPackage } from '../survey-packages';

const OTHER_DEVICE = '7d1c9b2a-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const AT = '2026-11-20T10:00:00.000Z';
const TIME_ZONE = 'Europe/Ljubljana';
/** 20 November in Ljubljana (UTC+1), as ingest's quotaDay makes it. */
const TODAY = { since: '2026-11-19T23:00:00.000Z', until: '2026-11-20T23:00:00.000Z' };

function collected(deviceId: string, receivedAt: string): CollectedResponse {
  return {
    ...makeResponse({ deviceId }),
    branchId: 'main',
    location: null,
    suspect: false,
    receivedAt,
    clockOffsetMs: null,
    contentHash: 'hash',
    claimedBranchId: null,
  };
}

/** A responses row as the schema of 0012 has it, written without today's storage code. */
function oldRow(r: CollectedResponse) {
  return {
    id: r.id,
    survey_id: r.surveyId,
    survey_version: r.surveyVersion,
    branch_id: r.branchId,
    device_id: r.deviceId,
    device_seq: r.deviceSeq,
    channel: r.channel,
    locale: r.locale,
    location: null,
    started_at: r.startedAt,
    submitted_at: r.submittedAt,
    received_at: r.receivedAt,
    clock_offset_ms: null,
    completed: 1,
    suspect: 0,
    answers: JSON.stringify(r.answers),
    content_hash: r.contentHash,
    claimed_branch_id: null,
    answered_day: null,
  };
}

async function responseIndexes(storage: Storage): Promise<string[]> {
  const { rows } =
    storage.dialect === 'postgres'
      ? await sql<{ name: string }>`select indexname as name from pg_indexes
          where tablename = 'responses' and schemaname = current_schema()`.execute(storage.db)
      : await sql<{ name: string }>`select name from sqlite_master
          where type = 'index' and tbl_name = 'responses' and sql is not null`.execute(storage.db);
  return rows.map((row) => row.name).sort();
}

describe.each(testDialects)('migration 0013 on $name', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await dialect.create({ migrated: false });
  });
  afterEach(() => database.drop());

  const migrateTo = (name: string) => migrateTestDatabaseTo(database.storage, name);

  it('counts the responses stored before it towards the day’s quota, and only those of the day', async () => {
    await migrateTo('0012-device-health');
    const storage = database.storage;
    const { translations, ...structure } = surveyPackage();
    await insertSurveyPackage(storage, { structure, translations, etag: 'e1' }, AT);
    await insertBranch(storage, {
      id: 'main',
      name: 'Main library',
      kioskOverrides: {},
      surveyId: structure.id,
      createdAt: AT,
    });
    for (const [id, tokenHash] of [
      [DEVICE_ID, 'token-1'],
      [OTHER_DEVICE, 'token-2'],
    ] as const) {
      await upsertEnrolledDevice(storage, { id, branchId: 'main', name: null, tokenHash, at: AT });
    }
    const before = [
      collected(DEVICE_ID, TODAY.since), // the day's first instant: today
      collected(DEVICE_ID, '2026-11-20T09:00:00.000Z'),
      collected(DEVICE_ID, '2026-11-19T22:59:59.999Z'), // the day before, in Ljubljana
      collected(OTHER_DEVICE, '2026-11-20T09:00:00.000Z'), // another device's
    ];
    const db = storage.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await db.insertInto('responses').values(before.map(oldRow)).execute();

    await migrate(storage);

    const more = Array.from({ length: 3 }, () => collected(DEVICE_ID, AT));
    const outcome = await insertNewResponses(
      storage,
      more,
      { timeZone: TIME_ZONE },
      { deviceId: DEVICE_ID, ...TODAY, max: 3 },
    );
    // Two of today's three were stored before: room for one.
    expect(outcome.inserted.size).toBe(1);
    expect(outcome.deferred.size).toBe(2);
    const counts = await storage.db.selectFrom('device_day_counts').selectAll().execute();
    expect(counts.map((row) => ({ ...row, n: Number(row.n) }))).toEqual([
      { device_id: DEVICE_ID, day_start: TODAY.since, day_end: TODAY.until, n: 3 },
    ]);
  });

  it('drops the indexes no query reads and keeps the others', async () => {
    await migrateTo('0012-device-health');
    const old = await responseIndexes(database.storage);
    await migrate(database.storage);
    const dropped = [
      'responses_device_seq',
      'responses_survey_channel',
      'responses_survey_locale',
      'responses_survey_submitted',
    ];
    expect(old).toEqual(expect.arrayContaining(dropped));
    expect(await responseIndexes(database.storage)).toEqual(
      old.filter((name) => !dropped.includes(name)),
    );
    expect(await responseIndexes(database.storage)).toEqual(
      expect.arrayContaining([
        'responses_device_received',
        'responses_survey_answered_day',
        'responses_survey_branch_submitted',
        'responses_uncounted',
      ]),
    );
  });
});
