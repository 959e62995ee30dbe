/** Migration 0010 over a database with results in it: every count kept, under the new key. */
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  migrateTestDatabaseTo,
  type TestDatabase,
  testDialects,
} from '../../../../test/fixtures/test-databases';
import { migrate } from '../database';

const ROW = {
  branch_id: 'main',
  channel: 'kiosk',
  locale: 'sl',
  completed: 1,
};

describe.each(testDialects)('migration 0010 on $name', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await dialect.create({ migrated: false });
  });
  afterEach(() => database.drop());

  const migrateTo = (name: string) => migrateTestDatabaseTo(database.storage, name);

  it('keeps every count, as made at no place and not suspect, under the longer key', async () => {
    await migrateTo('0008-public-links');
    const db = database.storage.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await db
      .insertInto('result_response_days')
      .values({ survey_id: 's', day: '2026-03-02', ...ROW, n: 7 })
      .execute();
    await db
      .insertInto('result_response_months')
      .values({ survey_id: 's', month: '2026-03', ...ROW, n: 9 })
      .execute();
    await db
      .insertInto('result_answer_days')
      .values({
        survey_id: 's',
        question_id: 'q',
        day: '2026-03-02',
        item: '',
        value: '5',
        ...ROW,
        n: 4,
      })
      .execute();
    await db
      .insertInto('result_answer_months')
      .values({
        survey_id: 's',
        question_id: 'q',
        month: '2026-03',
        item: '',
        value: '5',
        ...ROW,
        n: 6,
      })
      .execute();

    await migrate(database.storage);

    const storage = database.storage;
    const days = await storage.db.selectFrom('result_response_days').selectAll().execute();
    expect(days.map((r) => ({ ...r, n: Number(r.n) }))).toEqual([
      { survey_id: 's', day: '2026-03-02', ...ROW, location: '', suspect: 0, n: 7 },
    ]);
    const months = await storage.db.selectFrom('result_answer_months').selectAll().execute();
    expect(months.map((r) => ({ ...r, n: Number(r.n) }))).toEqual([
      {
        survey_id: 's',
        question_id: 'q',
        month: '2026-03',
        item: '',
        value: '5',
        ...ROW,
        location: '',
        suspect: 0,
        n: 6,
      },
    ]);
    expect(
      (await storage.db.selectFrom('result_answer_days').select('n').execute()).map((r) =>
        Number(r.n),
      ),
    ).toEqual([4]);
    expect(
      (await storage.db.selectFrom('result_response_months').select('n').execute()).map((r) =>
        Number(r.n),
      ),
    ).toEqual([9]);

    // The key now holds the place and the flag: the same slice at a place is a row of its own,
    // and adding to an existing key adds up.
    for (const location of ['', 'Market square', 'Market square'])
      await storage.db
        .insertInto('result_response_days')
        .values({ survey_id: 's', day: '2026-03-02', ...ROW, location, suspect: 0, n: 1 })
        .onConflict((oc) =>
          oc
            .columns([
              'survey_id',
              'day',
              'branch_id',
              'channel',
              'locale',
              'completed',
              'location',
              'suspect',
            ])
            .doUpdateSet((eb) => ({
              n: eb(eb.ref('result_response_days.n'), '+', eb.ref('excluded.n')),
            })),
        )
        .execute();
    const after = await storage.db
      .selectFrom('result_response_days')
      .select(['location', 'n'])
      .orderBy('location')
      .execute();
    expect(after.map((r) => [r.location, Number(r.n)])).toEqual([
      ['', 8],
      ['Market square', 2],
    ]);
  });
});
