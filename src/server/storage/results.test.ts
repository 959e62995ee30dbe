import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pick, randomAnswers, seededRandom } from '../../../test/fixtures/random-responses';
import { surveyPackage } from '../../../test/fixtures/survey-package';
import { type TestDatabase, testDialects } from '../../../test/fixtures/test-databases';
import type { Answers } from '../../shared/contract/answer';
import type { TrendInterval } from '../../shared/contract/results';
import type { QuestionCounts } from '../../shared/results/counts';
import { answeredDay, isoWeekStart, monthOf } from '../../shared/results/days';
import { tallyResponse } from '../../shared/results/tally';
import { insertBranch } from './branches';
import { addCommentTag, commentsPage, commentTagCounts, removeCommentTag } from './comments';
import { openStorage, type Storage } from './database';
import { upsertEnrolledDevice } from './devices';
import { streamResponses } from './response-stream';
import { type CollectedResponse, insertNewResponses } from './responses';
import {
  answerCounts,
  answerCountsByBranch,
  placeCounts,
  type ResultsQuery,
  responseCounts,
  responseCountsByBranch,
  responseTrend,
  suspectCount,
} from './results';
import { backfillResults } from './results-backfill';
import { ALL_BRANCHES, type BranchScope } from './scope';
import { insertSurveyPackage } from './survey-packages';

const AT = '2026-11-20T10:00:00.000Z';
const TIME_ZONE = 'Europe/Ljubljana';
const COUNTING = { timeZone: TIME_ZONE };
const { translations, ...STRUCTURE } = surveyPackage();
const SURVEY_ID = STRUCTURE.id;
const BRANCHES = ['main', 'east', 'west'];
const CHANNELS = ['kiosk', 'staff', 'qr'];
const LOCALES = ['en', 'hu', 'sl'];
/** Three months and a bit, so that periods straddle month edges. */
const FIRST_MS = Date.parse('2025-12-20T00:00:00Z');
const SPAN_MS = 110 * 86_400_000;
/** The tests that seed hundreds of responses take seconds on a busy PostgreSQL. */
const SEEDED_TEST_TIMEOUT_MS = 60_000;

/** Responses across branches, channels, languages, days (near midnight too) and clock offsets. */
function seedResponses(count: number, seed: number): CollectedResponse[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const completed = random() < 0.8;
    const submitted = FIRST_MS + Math.floor(random() * SPAN_MS);
    const branchId = pick(random, BRANCHES);
    return {
      id: uuidv7(),
      surveyId: SURVEY_ID,
      surveyVersion: 1,
      branchId,
      deviceId: `device-${branchId}`,
      deviceSeq: i + 1,
      channel: pick(random, CHANNELS),
      locale: pick(random, LOCALES),
      location: null,
      startedAt: new Date(submitted - 120_000).toISOString(),
      submittedAt: new Date(submitted).toISOString(),
      receivedAt: AT,
      clockOffsetMs: random() < 0.5 ? null : Math.round((random() - 0.5) * 7_200_000),
      completed,
      answers: randomAnswers(random, STRUCTURE.questions, completed),
      contentHash: `hash-${i}`,
      claimedBranchId: branchId,
    };
  });
}

const PLACES = ['Market square', 'School, east wing'];

/**
 * The same responses, made at places (or at none) and some of them suspect: drawn from a
 * random of their own, so that seedResponses' other draws stay as they were.
 */
function withSlices(responses: CollectedResponse[], seed: number): CollectedResponse[] {
  const random = seededRandom(seed);
  return responses.map((r) => ({
    ...r,
    location: pick(random, [null, ...PLACES]),
    suspect: random() < 0.15,
  }));
}

function dayOf(r: CollectedResponse): string {
  return answeredDay(r.submittedAt, r.clockOffsetMs, TIME_ZONE);
}

function visibleBranches(query: ResultsQuery, scope: BranchScope): string[] {
  if (scope.kind === 'branch') return [scope.branchId];
  return query.branches?.length ? [...query.branches] : BRANCHES;
}

/** The responses a query and scope select, decided directly from the seeded records. */
function selected(all: CollectedResponse[], query: ResultsQuery, scope: BranchScope) {
  const branches = visibleBranches(query, scope);
  return all.filter((r) => {
    const day = dayOf(r);
    return (
      r.surveyId === query.surveyId &&
      (!query.from || day >= query.from) &&
      (!query.to || day <= query.to) &&
      branches.includes(r.branchId) &&
      (!query.channels?.length || query.channels.includes(r.channel)) &&
      (!query.locales?.length || query.locales.includes(r.locale)) &&
      (query.completed === undefined || r.completed === query.completed) &&
      (!query.places?.length || query.places.includes(r.location ?? '')) &&
      (query.includeSuspect === true || !r.suspect)
    );
  });
}

function directCounts(responses: CollectedResponse[]): Map<string, QuestionCounts> {
  const counts = new Map<string, QuestionCounts>();
  for (const r of responses) {
    for (const k of tallyResponse(STRUCTURE.questions, r.answers, r.completed).keys) {
      const question = counts.get(k.questionId) ?? {};
      const values = question[k.item] ?? {};
      values[k.value] = (values[k.value] ?? 0) + 1;
      question[k.item] = values;
      counts.set(k.questionId, question);
    }
  }
  return counts;
}

function directTrend(responses: CollectedResponse[], interval: TrendInterval) {
  const points = new Map<string, { start: string; responses: number; completed: number }>();
  for (const r of responses) {
    const day = dayOf(r);
    const start =
      interval === 'day' ? day : interval === 'week' ? isoWeekStart(day) : `${monthOf(day)}-01`;
    const point = points.get(start) ?? { start, responses: 0, completed: 0 };
    point.responses += 1;
    if (r.completed) point.completed += 1;
    points.set(start, point);
  }
  return [...points.values()].sort((a, b) => (a.start < b.start ? -1 : 1));
}

/** A random filter: a period that may straddle month edges (or be open), random slices. */
function randomQuery(random: () => number): { query: ResultsQuery; scope: BranchScope } {
  const day = () => new Date(FIRST_MS + Math.floor(random() * SPAN_MS)).toISOString().slice(0, 10);
  const [a, b] = [day(), day()].sort();
  const subset = (items: string[]) =>
    random() < 0.5 ? undefined : items.filter(() => random() < 0.6);
  const completed = pick(random, [undefined, true, false]);
  const query: ResultsQuery = {
    surveyId: SURVEY_ID,
    ...(random() < 0.8 && { from: a }),
    ...(random() < 0.8 && { to: b }),
    branches: subset(BRANCHES),
    channels: subset(CHANNELS),
    locales: subset(LOCALES),
    completed,
    places: subset(PLACES),
    includeSuspect: random() < 0.5,
  };
  const scope: BranchScope =
    random() < 0.3 ? { kind: 'branch', branchId: pick(random, BRANCHES) } : ALL_BRANCHES;
  return { query, scope };
}

async function prepare(storage: Storage): Promise<void> {
  await insertSurveyPackage(storage, { structure: STRUCTURE, translations, etag: 'e1' }, AT);
  for (const id of BRANCHES) {
    await insertBranch(storage, {
      id,
      name: id,
      kioskOverrides: {},
      surveyId: SURVEY_ID,
      createdAt: AT,
    });
    await upsertEnrolledDevice(storage, {
      id: `device-${id}`,
      branchId: id,
      name: null,
      tokenHash: `token-${id}`,
      at: AT,
    });
  }
}

describe.each(testDialects)('results on $name', (dialect) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await dialect.create();
    await prepare(database.storage);
  });
  afterEach(() => database.drop());

  it(
    'counts, for any filter and period, what the responses themselves say',
    async () => {
      const all = withSlices(seedResponses(600, 1), 11);
      for (let i = 0; i < all.length; i += 200)
        await insertNewResponses(database.storage, all.slice(i, i + 200), COUNTING);
      const random = seededRandom(2);
      for (let run = 0; run < 30; run++) {
        const { query, scope } = randomQuery(random);
        const chosen = selected(all, query, scope);
        const label = JSON.stringify({ query, scope });
        expect(await responseCounts(database.storage, query, scope), label).toEqual({
          responses: chosen.length,
          completed: chosen.filter((r) => r.completed).length,
        });
        expect(await answerCounts(database.storage, query, scope), label).toEqual(
          directCounts(chosen),
        );
        const byBranch = await answerCountsByBranch(database.storage, query, scope, [
          'overall-satisfaction',
          'recommend',
        ]);
        for (const branch of BRANCHES) {
          const direct = directCounts(chosen.filter((r) => r.branchId === branch));
          const expected = new Map(
            [...direct].filter(([id]) => id === 'overall-satisfaction' || id === 'recommend'),
          );
          expect(byBranch.get(branch) ?? new Map(), `${label} ${branch}`).toEqual(expected);
        }
        const branchCounts = await responseCountsByBranch(database.storage, query, scope);
        expect(
          [...branchCounts.keys()].every((b) => visibleBranches(query, scope).includes(b)),
        ).toBe(true);
        expect(
          [...branchCounts.values()].reduce((sum, c) => sum + c.responses, 0),
          label,
        ).toBe(chosen.length);
        const interval = pick(random, ['day', 'week', 'month'] as const);
        expect(await responseTrend(database.storage, query, scope, interval), label).toEqual(
          directTrend(chosen, interval),
        );
      }
    },
    SEEDED_TEST_TIMEOUT_MS,
  );

  it('leaves suspect responses out unless asked, and says how many it left out', async () => {
    const all = withSlices(seedResponses(120, 12), 13);
    await insertNewResponses(database.storage, all, COUNTING);
    const query: ResultsQuery = { surveyId: SURVEY_ID, from: '2026-01-01' };
    const suspect = selected(all, { ...query, includeSuspect: true }, ALL_BRANCHES).filter(
      (r) => r.suspect,
    );
    expect(suspect.length).toBeGreaterThan(0);
    const left = selected(all, query, ALL_BRANCHES);
    expect((await responseCounts(database.storage, query, ALL_BRANCHES)).responses).toBe(
      left.length,
    );
    expect(await suspectCount(database.storage, query, ALL_BRANCHES)).toBe(suspect.length);
    expect(
      await suspectCount(database.storage, { ...query, includeSuspect: true }, ALL_BRANCHES),
    ).toBe(0);
    expect(
      (await responseCounts(database.storage, { ...query, includeSuspect: true }, ALL_BRANCHES))
        .responses,
    ).toBe(left.length + suspect.length);

    // The comments and the exports follow the same filter.
    const comments = await commentsPage(
      database.storage,
      { ...query, page: 1, pageSize: 1000 },
      ALL_BRANCHES,
    );
    const suspectIds = new Set(suspect.map((r) => r.id));
    expect(comments.comments.length).toBeGreaterThan(0);
    expect(comments.comments.some((c) => suspectIds.has(c.responseId))).toBe(false);
    const streamed: CollectedResponse[] = [];
    for await (const { response } of streamResponses(database.storage, query, ALL_BRANCHES))
      streamed.push(response);
    expect(streamed.map((r) => r.id)).toEqual(left.map((r) => r.id).sort());
    const included: CollectedResponse[] = [];
    for await (const { response } of streamResponses(
      database.storage,
      { ...query, includeSuspect: true },
      ALL_BRANCHES,
    ))
      included.push(response);
    expect(included.filter((r) => r.suspect).map((r) => r.id)).toEqual(
      suspect.map((r) => r.id).sort(),
    );
  });

  it('filters by place, and lists the places with their responses, most first', async () => {
    const all = withSlices(seedResponses(150, 14), 15);
    await insertNewResponses(database.storage, all, COUNTING);
    const market = all.filter((r) => r.location === 'Market square' && !r.suspect);
    const school = all.filter((r) => r.location === 'School, east wing' && !r.suspect);
    const query: ResultsQuery = { surveyId: SURVEY_ID, places: ['School, east wing'] };
    expect((await responseCounts(database.storage, query, ALL_BRANCHES)).responses).toBe(
      school.length,
    );
    expect(await answerCounts(database.storage, query, ALL_BRANCHES)).toEqual(directCounts(school));
    const page = await commentsPage(
      database.storage,
      { ...query, page: 1, pageSize: 1000 },
      ALL_BRANCHES,
    );
    const schoolIds = new Set(school.map((r) => r.id));
    expect(page.comments.length).toBeGreaterThan(0);
    expect(page.comments.every((c) => schoolIds.has(c.responseId))).toBe(true);
    // The list ignores the place filter itself: it is what may be chosen.
    const listed = await placeCounts(database.storage, query, ALL_BRANCHES);
    expect(listed).toEqual(
      [
        { place: 'Market square', responses: market.length },
        { place: 'School, east wing', responses: school.length },
      ].sort((a, b) => b.responses - a.responses),
    );
    const east = all.filter((r) => r.branchId === 'east' && r.location && !r.suspect);
    const eastListed = await placeCounts(database.storage, query, {
      kind: 'branch',
      branchId: 'east',
    });
    expect(eastListed.reduce((sum, p) => sum + p.responses, 0)).toBe(east.length);
  });

  it('counts a response sent twice once', async () => {
    const batch = seedResponses(40, 3);
    await insertNewResponses(database.storage, batch, COUNTING);
    const again = await insertNewResponses(database.storage, batch, COUNTING);
    expect(again.inserted.size).toBe(0);
    const query = { surveyId: SURVEY_ID };
    expect((await responseCounts(database.storage, query, ALL_BRANCHES)).responses).toBe(40);
    expect(await answerCounts(database.storage, query, ALL_BRANCHES)).toEqual(directCounts(batch));
    const comments = await commentsPage(
      database.storage,
      { ...query, page: 1, pageSize: 1000 },
      ALL_BRANCHES,
    );
    expect(comments.total).toBe(
      batch.flatMap((r) => tallyResponse(STRUCTURE.questions, r.answers, r.completed).comments)
        .length,
    );
  });

  it(
    'counts responses stored before the results existed exactly once, at start',
    async () => {
      const all = seedResponses(230, 4);
      await insertNewResponses(database.storage, all, COUNTING);
      // As a database from before migration 0004: nothing counted.
      const db = database.storage.db;
      await db.updateTable('responses').set({ answered_day: null }).execute();
      for (const table of [
        'comments',
        'result_answer_days',
        'result_answer_months',
        'result_response_days',
        'result_response_months',
      ] as const)
        await db.deleteFrom(table).execute();

      const others: Storage[] = [];
      if (dialect.name === 'postgres') {
        for (let i = 0; i < 2; i++)
          others.push(
            openStorage({
              dataDir: database.env.DATA_DIR,
              databaseUrl: database.env.DATABASE_URL,
            }),
          );
      }
      try {
        // Over PostgreSQL, three collectors start together and share the work.
        const counted = await Promise.all(
          [database.storage, ...others].map((s) => backfillResults(s, TIME_ZONE, 20)),
        );
        expect(counted.reduce((a, b) => a + b, 0)).toBe(all.length);
      } finally {
        for (const s of others) await s.close();
      }
      expect(await backfillResults(database.storage, TIME_ZONE, 20)).toBe(0);
      const query = { surveyId: SURVEY_ID, from: '2026-01-10', to: '2026-03-05' };
      expect(await answerCounts(database.storage, query, ALL_BRANCHES)).toEqual(
        directCounts(selected(all, query, ALL_BRANCHES)),
      );
      expect(
        (await responseCounts(database.storage, { surveyId: SURVEY_ID }, ALL_BRANCHES)).responses,
      ).toBe(all.length);
    },
    SEEDED_TEST_TIMEOUT_MS,
  );

  it('never gives branch staff another branch, whatever they ask for', async () => {
    const all = seedResponses(150, 5);
    await insertNewResponses(database.storage, all, COUNTING);
    const scope: BranchScope = { kind: 'branch', branchId: 'east' };
    const query = { surveyId: SURVEY_ID, branches: ['west', 'main'] };
    const east = all.filter((r) => r.branchId === 'east');
    expect([...(await responseCountsByBranch(database.storage, query, scope)).keys()]).toEqual([
      'east',
    ]);
    expect([...(await answerCountsByBranch(database.storage, query, scope)).keys()]).toEqual([
      'east',
    ]);
    expect((await responseCounts(database.storage, query, scope)).responses).toBe(east.length);
    const page = await commentsPage(database.storage, { ...query, page: 1, pageSize: 500 }, scope);
    expect(page.comments.length).toBeGreaterThan(0);
    expect(new Set(page.comments.map((c) => c.branchId))).toEqual(new Set(['east']));
    const streamed: CollectedResponse[] = [];
    for await (const { response } of streamResponses(database.storage, query, scope, 7))
      streamed.push(response);
    expect(streamed.map((r) => r.id)).toEqual(east.map((r) => r.id).sort());

    const west = await commentsPage(
      database.storage,
      { surveyId: SURVEY_ID, branches: ['west'], page: 1, pageSize: 1 },
      ALL_BRANCHES,
    );
    const [comment] = west.comments;
    if (!comment) throw new Error('the seed has no comment from west');
    const ref = { responseId: comment.responseId, questionId: comment.questionId, tag: 'hours' };
    expect(await addCommentTag(database.storage, { ...ref, createdAt: AT }, scope)).toBe(false);
    expect(await addCommentTag(database.storage, { ...ref, createdAt: AT }, ALL_BRANCHES)).toBe(
      true,
    );
    expect(await removeCommentTag(database.storage, ref, scope)).toBe(false);
    expect(await commentTagCounts(database.storage, { surveyId: SURVEY_ID }, scope)).toEqual([]);
  });

  it('streams every response of a filter in id order, a page at a time', async () => {
    const all = seedResponses(55, 6);
    await insertNewResponses(database.storage, all, COUNTING);
    const query = { surveyId: SURVEY_ID, from: '2026-01-01', completed: true };
    const streamed: string[] = [];
    for await (const { response, answeredDay } of streamResponses(
      database.storage,
      query,
      ALL_BRANCHES,
      10,
    )) {
      streamed.push(response.id);
      expect(answeredDay).toBe(dayOf(response));
    }
    expect(streamed).toEqual(
      selected(all, query, ALL_BRANCHES)
        .map((r) => r.id)
        .sort(),
    );
  });

  it('gives the comments on one question only, and counts the tags on those', async () => {
    const answers: Answers[] = [
      { 'one-improvement': 'More chairs', 'todays-visit': { selected: [], other: 'Chess club' } },
      { 'one-improvement': 'Quieter rooms' },
      { 'buy-more-of': { selected: ['novels'], other: 'Comics' } },
    ];
    const rows = answers.map((a, i) => ({
      ...seedResponses(1, 40 + i)[0],
      submittedAt: `2026-02-0${i + 1}T10:00:00.000Z`,
      clockOffsetMs: null,
      completed: true,
      answers: { 'overall-satisfaction': 3, ...a },
    })) as CollectedResponse[];
    await insertNewResponses(database.storage, rows, COUNTING);
    const onQuestion = async (questionId?: string) =>
      (
        await commentsPage(
          database.storage,
          { surveyId: SURVEY_ID, questionId, page: 1, pageSize: 50 },
          ALL_BRANCHES,
        )
      ).comments.map((c) => [c.questionId, c.kind, c.text]);
    expect(await onQuestion('one-improvement')).toEqual([
      ['one-improvement', 'text', 'Quieter rooms'],
      ['one-improvement', 'text', 'More chairs'],
    ]);
    expect(await onQuestion('todays-visit')).toEqual([['todays-visit', 'other', 'Chess club']]);
    expect(await onQuestion('no-such-question')).toEqual([]);
    expect(await onQuestion()).toHaveLength(4);

    const all = (
      await commentsPage(
        database.storage,
        { surveyId: SURVEY_ID, page: 1, pageSize: 50 },
        ALL_BRANCHES,
      )
    ).comments;
    for (const c of all)
      await addCommentTag(database.storage, { ...c, tag: 'seating', createdAt: AT }, ALL_BRANCHES);
    const tagsOn = (questionId?: string) =>
      commentTagCounts(database.storage, { surveyId: SURVEY_ID, questionId }, ALL_BRANCHES);
    expect(await tagsOn('one-improvement')).toEqual([{ tag: 'seating', count: 2 }]);
    expect(await tagsOn('buy-more-of')).toEqual([{ tag: 'seating', count: 1 }]);
    expect(await tagsOn('events-interest')).toEqual([]);
    expect(await tagsOn()).toEqual([{ tag: 'seating', count: 4 }]);
    const page = await commentsPage(
      database.storage,
      { surveyId: SURVEY_ID, questionId: 'buy-more-of', tag: 'seating', page: 1, pageSize: 50 },
      ALL_BRANCHES,
    );
    expect(page.total).toBe(1);
  });

  it('finds comments by words in any case, wildcards taken literally, newest first, with tags', async () => {
    const texts = [
      ['2026-01-05', 'ŐSZI programokat szeretnék'],
      ['2026-01-06', 'Őszi könyvvásár'],
      ['2026-01-07', 'wifi works 100% now'],
      ['2026-01-08', 'wifi works 1000 times better'],
      ['2026-01-09', 'Friendly_staff'],
      ['2026-01-10', 'Friendly staff'],
    ] as const;
    const rows = texts.map(([day, text], i) => ({
      ...seedResponses(1, 10 + i)[0],
      submittedAt: `${day}T10:00:00.000Z`,
      clockOffsetMs: null,
      completed: true,
      answers: { 'overall-satisfaction': (i % 5) + 1, 'one-improvement': text },
    })) as CollectedResponse[];
    await insertNewResponses(database.storage, rows, COUNTING);
    const find = async (
      search: string,
      extra: { tag?: string; page?: number; pageSize?: number } = {},
    ) =>
      (
        await commentsPage(
          database.storage,
          {
            surveyId: SURVEY_ID,
            search,
            page: extra.page ?? 1,
            pageSize: extra.pageSize ?? 50,
            tag: extra.tag,
          },
          ALL_BRANCHES,
        )
      ).comments.map((c) => c.text);
    expect(await find('őszi')).toEqual(['Őszi könyvvásár', 'ŐSZI programokat szeretnék']);
    expect(await find('100%')).toEqual(['wifi works 100% now']);
    expect(await find('friendly_')).toEqual(['Friendly_staff']);
    expect(await find('WIFI better')).toEqual(['wifi works 1000 times better']);
    expect(await find('', { page: 2, pageSize: 4 })).toEqual([
      'Őszi könyvvásár',
      'ŐSZI programokat szeretnék',
    ]);

    const [newest] = (
      await commentsPage(
        database.storage,
        { surveyId: SURVEY_ID, page: 1, pageSize: 1 },
        ALL_BRANCHES,
      )
    ).comments;
    expect(newest).toMatchObject({
      text: 'Friendly staff',
      day: '2026-01-10',
      headlineRating: 1,
      tags: [],
    });
    const tag = async (ref: { responseId: string; questionId: string }, name: string) =>
      addCommentTag(
        database.storage,
        { ...ref, tag: name, createdAt: AT, createdBy: 'staff-1' },
        ALL_BRANCHES,
      );
    const all = (
      await commentsPage(
        database.storage,
        { surveyId: SURVEY_ID, page: 1, pageSize: 50 },
        ALL_BRANCHES,
      )
    ).comments;
    for (const c of all.slice(0, 3)) await tag(c, 'staff');
    for (const c of all.slice(2, 4)) await tag(c, 'wifi');
    await tag(all[0] as (typeof all)[number], 'staff');
    expect(await find('', { tag: 'wifi' })).toEqual([
      'wifi works 1000 times better',
      'wifi works 100% now',
    ]);
    expect(await commentTagCounts(database.storage, { surveyId: SURVEY_ID }, ALL_BRANCHES)).toEqual(
      [
        { tag: 'staff', count: 3 },
        { tag: 'wifi', count: 2 },
      ],
    );
    expect(
      await commentTagCounts(
        database.storage,
        { surveyId: SURVEY_ID, to: '2026-01-08' },
        ALL_BRANCHES,
      ),
    ).toEqual([
      { tag: 'wifi', count: 2 },
      { tag: 'staff', count: 1 },
    ]);
    const third = all[2] as (typeof all)[number];
    expect(
      (
        await commentsPage(
          database.storage,
          { surveyId: SURVEY_ID, search: 'wifi works 1000', page: 1, pageSize: 5 },
          ALL_BRANCHES,
        )
      ).comments[0]?.tags,
    ).toEqual(['staff', 'wifi']);
    expect(await removeCommentTag(database.storage, { ...third, tag: 'staff' }, ALL_BRANCHES)).toBe(
      true,
    );
    expect(await commentTagCounts(database.storage, { surveyId: SURVEY_ID }, ALL_BRANCHES)).toEqual(
      [
        { tag: 'staff', count: 2 },
        { tag: 'wifi', count: 2 },
      ],
    );
  });
});
