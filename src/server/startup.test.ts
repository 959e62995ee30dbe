import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SURVEY_ID, surveyPackage } from '../../test/fixtures/survey-package';
import { type TestDatabase, testDialects } from '../../test/fixtures/test-databases';
import { prepareCollector } from './startup';
import { listBranches, listSurveyVersions, openStorage, type Storage } from './storage';

// A SQLite file belongs to one collector; over PostgreSQL several may start at once.
const shared = testDialects.filter((d) => d.name === 'postgres');

describe.each(testDialects)('starting a collector on $name', (dialect) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await dialect.create({ migrated: false });
  });
  afterEach(() => database.drop());

  it('prepares an empty database once, and finds nothing to do the next time', async () => {
    const options = {
      packages: [surveyPackage()],
      enrollmentCodeTtlHours: 72,
      now: new Date('2026-11-20T10:00:00.000Z'),
      timeZone: 'UTC',
    };
    const first = await prepareCollector(database.storage, options);
    expect(first.migrations.length).toBeGreaterThan(0);
    expect(first.surveys).toEqual([{ surveyId: SURVEY_ID, version: 1, action: 'inserted' }]);
    expect(first.firstStart?.branchId).toBe('main');
    expect(first.firstAdmin?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.firstAdmin?.expiresAt).toBe('2026-11-23T10:00:00.000Z');

    const again = await prepareCollector(database.storage, options);
    expect(again).toEqual({
      migrations: [],
      surveys: [{ surveyId: SURVEY_ID, version: 1, action: 'unchanged' }],
      firstStart: null,
      counted: 0,
      firstAdmin: null,
    });
  });
});

describe.each(shared)('starting collectors on $name', (dialect) => {
  let database: TestDatabase;
  const others: Storage[] = [];

  beforeEach(async () => {
    // Migrated already, as after a release: the collectors race straight for the seeding.
    database = await dialect.create();
  });
  afterEach(async () => {
    for (const storage of others.splice(0)) await storage.close();
    await database.drop();
  });

  it('lets three collectors start at once over one database without a branch', async () => {
    const storages = [database.storage];
    for (let i = 0; i < 2; i++) {
      const storage = openStorage({
        dataDir: database.env.DATA_DIR,
        databaseUrl: database.env.DATABASE_URL,
      });
      others.push(storage);
      storages.push(storage);
    }
    const options = {
      packages: [surveyPackage(), surveyPackage({ version: 2 })],
      enrollmentCodeTtlHours: 72,
      now: new Date('2026-11-20T10:00:00.000Z'),
      timeZone: 'UTC',
    };
    const prepared = await Promise.all(storages.map((s) => prepareCollector(s, options)));

    // One of them made the first branch and printed its code; every one of them is ready.
    expect(prepared.filter((p) => p.firstStart !== null)).toHaveLength(1);
    expect(prepared.filter((p) => p.firstAdmin !== null)).toHaveLength(1);
    for (const p of prepared) {
      expect(p.surveys.map((s) => s.action)).toSatisfy((actions: string[]) =>
        actions.every((a) => a === 'inserted' || a === 'unchanged'),
      );
    }
    expect(await listBranches(database.storage)).toHaveLength(1);
    expect((await listSurveyVersions(database.storage)).map((v) => v.version)).toEqual([1, 2]);
    expect(prepared.flatMap((p) => p.surveys).filter((s) => s.surveyId === SURVEY_ID)).toHaveLength(
      6,
    );
  });
});
