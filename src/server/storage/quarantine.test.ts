import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startTestCollector,
  type TestCollector,
  TIME_ZONE,
} from '../../../test/fixtures/collector';
import { DEVICE_ID, makeResponse } from '../../../test/fixtures/responses';
import { completeAnswers, SURVEY_ID } from '../../../test/fixtures/survey-package';
import { testDialects } from '../../../test/fixtures/test-databases';
import type { SurveyResponse } from '../../shared/contract/response';
import { MAX_BATCH_RESPONSES } from '../../shared/contract/sync';
import { dayStartMs } from '../../shared/results/days';
import { addCommentTag, findComment } from './comments';
import type { Storage } from './database';
import { quarantineDeviceResponses } from './quarantine';
import { streamResponses } from './response-stream';
import { countResponses } from './responses';
import { responseCounts } from './results';
import { ALL_BRANCHES } from './scope';
import { countResponsesBySurveyVersion } from './survey-response-counts';

const OTHER_DEVICE = '7d1c9b2a-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const NEXT_DAY = '2026-11-21';
const SINCE = new Date(dayStartMs(NEXT_DAY, TIME_ZONE)).toISOString();

/** Every row of the results' tables, in a stable order: what the results are read from. */
async function resultsTables(storage: Storage) {
  const tables = [
    'result_answer_days',
    'result_answer_months',
    'result_response_days',
    'result_response_months',
    'comments',
    'comment_tags',
  ] as const;
  const contents: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await storage.db.selectFrom(table).selectAll().execute();
    contents[table] = rows
      .map((row) => ({ ...row, ...('n' in row ? { n: Number(row.n) } : {}) }))
      .map((row) => JSON.stringify(row))
      .sort();
  }
  return contents;
}

describe.each(testDialects)('quarantining a device’s responses on $name', (dialect) => {
  let collector: TestCollector;
  let storage: Storage;
  let token: string;
  let kept: SurveyResponse[];
  let junk: SurveyResponse[];
  let before: Awaited<ReturnType<typeof resultsTables>>;

  beforeEach(async () => {
    collector = await startTestCollector(dialect);
    storage = collector.database.storage;
    token = await collector.enroll(DEVICE_ID, 'main');
    const otherToken = await collector.enroll(OTHER_DEVICE, 'main');
    kept = [makeResponse(), makeResponse({ completed: false, answers: { recommend: 3 } })];
    await collector.sync(token, kept);
    await collector.sync(otherToken, [
      makeResponse({ deviceId: OTHER_DEVICE }),
      makeResponse({ deviceId: OTHER_DEVICE }),
    ]);
    await addCommentTag(
      storage,
      {
        responseId: kept[0]?.id ?? '',
        questionId: 'one-improvement',
        tag: 'hours',
        createdAt: collector.clock.now.toISOString(),
      },
      ALL_BRANCHES,
    );
    before = await resultsTables(storage);

    // The next day the token is stolen: junk, some with texts, on the same and other days.
    collector.clock.now = new Date('2026-11-21T09:00:00.000Z');
    junk = Array.from({ length: 30 }, (_, i) =>
      makeResponse({
        completed: i % 2 === 0,
        locale: i % 3 === 0 ? 'hu' : 'sl',
        submittedAt: `2026-11-${String(1 + (i % 20)).padStart(2, '0')}T09:03:30.000Z`,
        answers: { ...completeAnswers(), 'one-improvement': `junk ${i}` },
      }),
    );
    await collector.sync(token, junk);
    await addCommentTag(
      storage,
      {
        responseId: junk[0]?.id ?? '',
        questionId: 'one-improvement',
        tag: 'spam',
        createdAt: collector.clock.now.toISOString(),
      },
      ALL_BRANCHES,
    );
  });
  afterEach(() => collector.close());

  const quarantine = (erase = false) =>
    quarantineDeviceResponses(storage, {
      deviceId: DEVICE_ID,
      since: SINCE,
      at: '2026-11-22T08:00:00.000Z',
      erase,
    });

  it('leaves the rollups, comments and tags exactly as they were before the responses arrived', async () => {
    expect(await resultsTables(storage)).not.toEqual(before);
    expect(await quarantine()).toEqual({ moved: 30, erased: 0 });
    expect(await resultsTables(storage)).toEqual(before);
    expect(await responseCounts(storage, { surveyId: SURVEY_ID }, ALL_BRANCHES)).toEqual({
      responses: 4,
      completed: 3,
    });
    expect(
      await findComment(
        storage,
        { responseId: junk[0]?.id ?? '', questionId: 'one-improvement' },
        ALL_BRANCHES,
      ),
    ).toBeUndefined();
  });

  it('leaves them out of the exports and the survey versions’ counts', async () => {
    await quarantine();
    const exported: string[] = [];
    for await (const row of streamResponses(storage, { surveyId: SURVEY_ID }, ALL_BRANCHES))
      exported.push(row.response.id);
    expect(exported).toHaveLength(4);
    expect(exported).not.toContain(junk[0]?.id);
    expect(await countResponsesBySurveyVersion(storage, ALL_BRANCHES)).toEqual([
      { surveyId: SURVEY_ID, version: 1, responses: 4 },
    ]);
  });

  it('answers a quarantined response sent again as stored, and never counts it again', async () => {
    await quarantine();
    const changed = { ...junk[1], answers: { recommend: 0 } };
    const reply = await collector.sync(token, [...junk, changed]);
    expect(reply.results.slice(0, 30).map((r) => r.outcome)).toEqual(junk.map(() => 'duplicate'));
    expect(reply.results[30]).toMatchObject({ outcome: 'conflict', path: 'id' });
    expect(await countResponses(storage)).toBe(4);
    expect(await resultsTables(storage)).toEqual(before);
  });

  it('keeps the responses it moved, or with erase only their ids and hashes', async () => {
    await quarantine();
    const moved = await storage.db.selectFrom('quarantined_responses').selectAll().execute();
    expect(moved).toHaveLength(30);
    const first = moved.find((row) => row.id === junk[0]?.id);
    expect(JSON.parse(first?.response ?? 'null')).toMatchObject({
      id: junk[0]?.id,
      answers: junk[0]?.answers,
      receivedAt: '2026-11-21T09:00:00.000Z',
      answeredDay: '2026-11-01',
    });

    // Erasing afterwards erases what was kept; duplicates are still answered.
    expect(await quarantine(true)).toEqual({ moved: 0, erased: 30 });
    const erased = await storage.db.selectFrom('quarantined_responses').selectAll().execute();
    expect(erased.map((row) => row.response)).toEqual(junk.map(() => null));
    expect((await collector.sync(token, [junk[2]])).results[0]?.outcome).toBe('duplicate');
  });

  it('takes nothing received before the day, nor another device’s', async () => {
    expect(
      await quarantineDeviceResponses(storage, {
        deviceId: OTHER_DEVICE,
        since: SINCE,
        at: '2026-11-22T08:00:00.000Z',
        erase: true,
      }),
    ).toEqual({ moved: 0, erased: 0 });
    await quarantine(true);
    expect(await countResponses(storage)).toBe(4);
    expect(await resultsTables(storage)).toEqual(before);
  });
});

describe.each(testDialects.filter((dialect) => dialect.name === 'postgres'))(
  'quarantine beside ingest on $name',
  (dialect) => {
    /** Rounds of the race; before rollup rows were taken in one order, most deadlocked. */
    const ROUNDS = 8;
    /** Junk per round: three of quarantine's pages, whose counts are taken out together. */
    const JUNK = 1100;
    const YOUNGER = { ...completeAnswers(), 'age-band': 'from-18-to-29' };
    const NO_LIMITS = { burst: 1_000_000, perMinute: 1_000_000, dailyQuota: 10_000_000 };

    it('takes the rollups’ rows in the order ingest does: no deadlock with a kiosk of the same branch and day', async () => {
      const collector = await startTestCollector(dialect, { deviceLimits: NO_LIMITS });
      try {
        const junkToken = await collector.enroll(DEVICE_ID, 'main');
        const kioskToken = await collector.enroll(OTHER_DEVICE, 'main');
        collector.clock.now = new Date('2026-11-21T09:00:00.000Z');
        let kept = 0;
        for (let round = 0; round < ROUNDS; round++) {
          // The first page's junk gives one age band, the pages after it and the kiosk
          // another, which sorts before every other answer: the kiosk takes that rollup
          // row first, then waits for rows the first page holds. A quarantine that took
          // counts out page by page came back to that row with the second page.
          const junk = Array.from({ length: JUNK }, (_, i) =>
            i < 500 ? makeResponse() : makeResponse({ answers: YOUNGER }),
          );
          for (let start = 0; start < JUNK; start += MAX_BATCH_RESPONSES) {
            await collector.sync(junkToken, junk.slice(start, start + MAX_BATCH_RESPONSES));
          }
          // Another kiosk of the branch sends its batches, answered on the same day, while
          // the junk is taken out: both write the same rollup rows.
          const kiosk = (async () => {
            for (let batch = 0; batch < 5; batch++) {
              const reply = await collector.sync(
                kioskToken,
                Array.from({ length: 100 }, () =>
                  makeResponse({ deviceId: OTHER_DEVICE, answers: YOUNGER }),
                ),
              );
              kept += reply.results.filter((r) => r.outcome === 'accepted').length;
            }
          })();
          const taken = quarantineDeviceResponses(collector.database.storage, {
            deviceId: DEVICE_ID,
            since: SINCE,
            at: '2026-11-21T10:00:00.000Z',
            erase: false,
          });
          const [outcome] = await Promise.all([taken, kiosk]);
          expect(outcome.moved).toBe(JUNK);
        }
        expect(kept).toBe(ROUNDS * 500);
        expect(
          await responseCounts(collector.database.storage, { surveyId: SURVEY_ID }, ALL_BRANCHES),
        ).toEqual({ responses: kept, completed: kept });
      } finally {
        await collector.close();
      }
    });
  },
);
