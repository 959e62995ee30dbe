import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startTestCollector,
  TEST_ORIGIN,
  type TestCollector,
} from '../../../../test/fixtures/collector';
import { makeResponse } from '../../../../test/fixtures/responses';
import {
  completeAnswers,
  SURVEY_ID,
  surveyPackage,
} from '../../../../test/fixtures/survey-package';
import { type TestDatabase, testDialects } from '../../../../test/fixtures/test-databases';
import { API_BASE_PATH } from '../../../shared/contract/endpoints';
import {
  CommentSchema,
  CommentsPageSchema,
  CommentTagsSchema,
  ResultsOverviewSchema,
  ResultsPlacesSchema,
  ResultsSummarySchema,
} from '../../../shared/contract/results';
import { prepareCollector } from '../../startup';
import {
  type BranchScope,
  type CollectedResponse,
  insertBranch,
  insertNewResponses,
  upsertEnrolledDevice,
} from '../../storage';
import { resolveDeps } from '../deps';
import { ApiProblem, problemReply } from '../errors';
import type { StaffAccess } from '../staff-access';
import { resultsRoutes } from './results';

const NOW = new Date('2026-03-20T10:00:00.000Z');
const TIME_ZONE = 'UTC';

/** Stands in for the session middleware: the scope is read from a test header. */
const access: StaffAccess = {
  staff: async (c, next) => {
    const scope = c.req.header('x-scope');
    if (!scope) return c.json({ error: { code: 'unauthorized', message: 'sign in' } }, 401);
    await next();
  },
  admin: async (_c, next) => next(),
  scope(c): BranchScope {
    const scope = c.req.header('x-scope') ?? 'all';
    return scope === 'all' ? { kind: 'all' } : { kind: 'branch', branchId: scope };
  },
  staffId: () => 'staff-of-the-test',
};

function response(i: number, branchId: string, rating: number, text: string): CollectedResponse {
  return {
    id: `0195${String(i).padStart(4, '0')}-0000-7000-8000-000000000000`,
    surveyId: SURVEY_ID,
    surveyVersion: 1,
    branchId,
    deviceId: `device-${branchId}`,
    deviceSeq: i,
    channel: 'kiosk',
    locale: 'en',
    location: null,
    startedAt: `2026-03-0${1 + (i % 9)}T10:00:00.000Z`,
    submittedAt: `2026-03-0${1 + (i % 9)}T10:03:00.000Z`,
    receivedAt: NOW.toISOString(),
    clockOffsetMs: null,
    completed: true,
    answers: { 'overall-satisfaction': rating, recommend: 9, 'one-improvement': text },
    contentHash: `h${i}`,
    claimedBranchId: branchId,
  };
}

describe.each(testDialects)('results routes on $name', (dialect) => {
  let database: TestDatabase;
  let app: Hono;

  beforeEach(async () => {
    database = await dialect.create({ migrated: false });
    await prepareCollector(database.storage, {
      packages: [surveyPackage()],
      enrollmentCodeTtlHours: 72,
      now: NOW,
      timeZone: TIME_ZONE,
    });
    for (const id of ['east', 'west']) {
      await insertBranch(database.storage, {
        id,
        name: `${id} library`,
        kioskOverrides: {},
        surveyId: SURVEY_ID,
        createdAt: NOW.toISOString(),
      });
      await upsertEnrolledDevice(database.storage, {
        id: `device-${id}`,
        branchId: id,
        name: null,
        tokenHash: id,
        at: NOW.toISOString(),
      });
    }
    const rows = Array.from({ length: 12 }, (_, i) =>
      response(i + 1, i % 2 ? 'east' : 'west', 1 + (i % 5), `Comment ${i + 1}`),
    );
    await insertNewResponses(database.storage, rows, { timeZone: TIME_ZONE });
    const deps = resolveDeps({ storage: database.storage, staticDir: '.', now: () => NOW });
    app = new Hono();
    app.route(API_BASE_PATH, resultsRoutes(deps, access));
    app.onError((error, c) => {
      if (error instanceof ApiProblem) return problemReply(c, error);
      throw error;
    });
  });
  afterEach(() => database.drop());

  const get = (path: string, scope = 'all') =>
    app.request(`${API_BASE_PATH}${path}`, { headers: { 'x-scope': scope } });

  it('answers the summary and the overview in their declared shapes', async () => {
    const summary = await get(`/results/summary?survey=${SURVEY_ID}&from=2026-03-01`);
    expect(summary.status).toBe(200);
    const body = ResultsSummarySchema.parse(await summary.json());
    expect(body).toMatchObject({ responses: 12, completed: 12, tooFew: false });
    expect(body.questions.find((q) => q.id === 'overall-satisfaction')?.n).toBe(12);

    const overview = await get(`/results/overview?survey=${SURVEY_ID}&interval=week`);
    expect(overview.status).toBe(200);
    const figures = ResultsOverviewSchema.parse(await overview.json());
    expect(figures.branches.map((b) => [b.branchId, b.name, b.responses])).toEqual([
      ['east', 'east library', 6],
      ['west', 'west library', 6],
    ]);
    expect(figures.trend.points.reduce((n, p) => n + p.responses, 0)).toBe(12);
    expect(figures.headline).toEqual({
      ratingQuestionId: 'overall-satisfaction',
      npsQuestionId: 'recommend',
    });
  });

  it('answers the summary of the questions asked for, in the survey order', async () => {
    const full = ResultsSummarySchema.parse(
      await (await get(`/results/summary?survey=${SURVEY_ID}`)).json(),
    );
    const one = ResultsSummarySchema.parse(
      await (await get(`/results/summary?survey=${SURVEY_ID}&question=recommend`)).json(),
    );
    expect(one.responses).toBe(full.responses);
    expect(one.questions).toEqual(full.questions.filter((q) => q.id === 'recommend'));
    const two = ResultsSummarySchema.parse(
      await (
        await get(`/results/summary?survey=${SURVEY_ID}&question=recommend,overall-satisfaction`)
      ).json(),
    );
    expect(two.questions.map((q) => q.id)).toEqual(['overall-satisfaction', 'recommend']);
    expect(two.questions).toEqual(
      full.questions.filter((q) => ['overall-satisfaction', 'recommend'].includes(q.id)),
    );
    expect((await get(`/results/summary?survey=${SURVEY_ID}&question=no-such`)).status).toBe(404);
    expect((await get(`/results/summary?survey=${SURVEY_ID}&question=Bad!`)).status).toBe(400);
  });

  it('gives branch staff their own branch and 404 for another', async () => {
    const own = ResultsOverviewSchema.parse(
      await (await get(`/results/overview?survey=${SURVEY_ID}`, 'east')).json(),
    );
    expect(own.branches.map((b) => b.branchId)).toEqual(['east']);
    expect((await get(`/results/summary?survey=${SURVEY_ID}&branch=west`, 'east')).status).toBe(
      404,
    );
    expect((await get(`/results/comments?survey=${SURVEY_ID}&branch=west`, 'east')).status).toBe(
      404,
    );
    expect((await get(`/results/summary?survey=${SURVEY_ID}&branch=east`, 'east')).status).toBe(
      200,
    );
    expect((await get(`/results/summary?survey=no-such-survey`)).status).toBe(404);
    expect((await get(`/results/summary?survey=${SURVEY_ID}`, '')).status).toBe(401);
  });

  it('filters by place, and leaves suspect responses out unless suspect=include', async () => {
    // Six more at the market stop of west, two of them suspect; one suspect at no place.
    const more = Array.from({ length: 7 }, (_, i) => ({
      ...response(20 + i, 'west', 5, `Market ${i}`),
      channel: 'staff',
      location: i < 6 ? 'Market square, north' : null,
      suspect: i >= 4,
    }));
    await insertNewResponses(database.storage, more, { timeZone: TIME_ZONE });
    const place = encodeURIComponent('Market square, north');

    const atMarket = ResultsSummarySchema.parse(
      await (await get(`/results/summary?survey=${SURVEY_ID}&place=${place}`)).json(),
    );
    expect(atMarket).toMatchObject({ responses: 4, tooFew: true });
    expect(atMarket.filter).toMatchObject({
      places: ['Market square, north'],
      includeSuspect: false,
    });
    const withSuspect = ResultsSummarySchema.parse(
      await (
        await get(`/results/summary?survey=${SURVEY_ID}&place=${place}&suspect=include`)
      ).json(),
    );
    expect(withSuspect).toMatchObject({ responses: 6, tooFew: false });

    const overview = ResultsOverviewSchema.parse(
      await (await get(`/results/overview?survey=${SURVEY_ID}`)).json(),
    );
    expect(overview).toMatchObject({ responses: 16, suspectLeftOut: 3 });
    const included = ResultsOverviewSchema.parse(
      await (await get(`/results/overview?survey=${SURVEY_ID}&suspect=include`)).json(),
    );
    expect(included).toMatchObject({ responses: 19, suspectLeftOut: 0 });

    const places = ResultsPlacesSchema.parse(
      await (await get(`/results/places?survey=${SURVEY_ID}&place=elsewhere`)).json(),
    );
    expect(places.places).toEqual([{ place: 'Market square, north', responses: 4 }]);
    const east = ResultsPlacesSchema.parse(
      await (await get(`/results/places?survey=${SURVEY_ID}`, 'east')).json(),
    );
    expect(east.places).toEqual([]);

    const comments = CommentsPageSchema.parse(
      await (await get(`/results/comments?survey=${SURVEY_ID}&place=${place}`)).json(),
    );
    expect(comments.comments.map((c) => c.text).sort()).toEqual([
      'Market 0',
      'Market 1',
      'Market 2',
      'Market 3',
    ]);
    expect((await get(`/results/summary?survey=${SURVEY_ID}&suspect=maybe`)).status).toBe(400);
  });

  it('pages comments, tags them within the scope only, and counts the tags', async () => {
    const page = CommentsPageSchema.parse(
      await (await get(`/results/comments?survey=${SURVEY_ID}&q=comment%201`)).json(),
    );
    expect(page.comments.map((c) => c.text).sort()).toEqual([
      'Comment 1',
      'Comment 10',
      'Comment 11',
      'Comment 12',
    ]);
    const west = page.comments.find((c) => c.branchId === 'west');
    if (!west) throw new Error('no comment from west');
    const path = `${API_BASE_PATH}/results/comments/${west.responseId}/${west.questionId}/tags`;
    const tag = (scope: string) =>
      app.request(path, {
        method: 'POST',
        headers: { 'x-scope': scope, 'content-type': 'application/json' },
        body: JSON.stringify({ tag: '  Opening   Hours ' }),
      });
    expect((await tag('east')).status).toBe(404);
    const tagged = await tag('all');
    expect(tagged.status).toBe(200);
    expect(CommentSchema.parse(await tagged.json()).tags).toEqual(['opening hours']);
    // Who tagged it is kept beside the tag.
    const stored = await database.storage.db
      .selectFrom('comment_tags')
      .select('created_by')
      .executeTakeFirst();
    expect(stored?.created_by).toBe('staff-of-the-test');
    const tags = CommentTagsSchema.parse(
      await (await get(`/results/comment-tags?survey=${SURVEY_ID}`)).json(),
    );
    expect(tags.tags).toEqual([{ tag: 'opening hours', count: 1 }]);
    const untag = (scope: string) =>
      app.request(`${path}/${encodeURIComponent('opening hours')}`, {
        method: 'DELETE',
        headers: { 'x-scope': scope },
      });
    expect((await untag('east')).status).toBe(404);
    const untagged = await untag('west');
    expect(untagged.status).toBe(200);
    expect(CommentSchema.parse(await untagged.json()).tags).toEqual([]);
  });
});

describe.each(testDialects)('results routes signed in, on $name', (dialect) => {
  let collector: TestCollector;
  let cookie: string;

  /** Eight responses at main: perceived staff service 4, 5, 6, 7 twice over (minimum 5, desired 8). */
  beforeEach(async () => {
    collector = await startTestCollector(dialect);
    const token = await collector.enroll();
    const responses = Array.from({ length: 8 }, (_, i) =>
      makeResponse({
        answers: {
          ...completeAnswers(),
          'visit-frequency': i < 6 ? 'weekly' : 'monthly',
          'todays-visit': { selected: ['borrow-return'], ...(i < 3 && { other: `Chess ${i}` }) },
          'gap-staff-service': { minimum: 5, desired: 8, perceived: 4 + (i % 4) },
          'one-improvement': `Improvement ${i}`,
        },
      }),
    );
    await collector.sync(token, responses);
    cookie = await collector.signIn('admin');
  });
  afterEach(() => collector.close());

  const get = (path: string) =>
    collector.app.request(`${API_BASE_PATH}${path}`, { headers: { cookie } });

  it('gives single-choice shares and the gap scores’ counts per value in the summary', async () => {
    const reply = await get(`/results/summary?survey=${SURVEY_ID}`);
    expect(reply.status).toBe(200);
    const summary = ResultsSummarySchema.parse(await reply.json());
    const visits = summary.questions.find((q) => q.id === 'visit-frequency');
    expect(visits?.shares?.weekly).toMatchObject({ value: 0.75, n: 8, fewAnswers: true });
    expect(visits?.shares?.['first-time']).toMatchObject({ value: 0, low: 0 });
    const gap = summary.questions.find((q) => q.id === 'gap-staff-service')?.gap;
    expect(gap?.adequacyCounts).toMatchObject({ '-1': 2, '0': 2, '1': 2, '2': 2, '3': 0 });
    expect(gap?.superiorityCounts).toMatchObject({ '-4': 2, '-3': 2, '-2': 2, '-1': 2, '0': 0 });
    expect(gap?.adequacy?.value).toBeCloseTo(0.5, 12);
  });

  it('gives the comments and their tags on one question', async () => {
    const page = CommentsPageSchema.parse(
      await (await get(`/results/comments?survey=${SURVEY_ID}&question=todays-visit`)).json(),
    );
    expect(page.total).toBe(3);
    expect(page.comments.map((c) => [c.questionId, c.kind])).toEqual(
      Array(3).fill(['todays-visit', 'other']),
    );
    const [first] = page.comments;
    if (!first) throw new Error('no comment on todays-visit');
    const tagged = await collector.app.request(
      `${API_BASE_PATH}/results/comments/${first.responseId}/todays-visit/tags`,
      {
        method: 'POST',
        headers: { cookie, origin: TEST_ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ tag: 'games' }),
      },
    );
    expect(tagged.status).toBe(200);
    const tagsOn = async (question: string) =>
      CommentTagsSchema.parse(
        await (await get(`/results/comment-tags?survey=${SURVEY_ID}&question=${question}`)).json(),
      ).tags;
    expect(await tagsOn('todays-visit')).toEqual([{ tag: 'games', count: 1 }]);
    expect(await tagsOn('one-improvement')).toEqual([]);
    const texts = CommentsPageSchema.parse(
      await (await get(`/results/comments?survey=${SURVEY_ID}&question=one-improvement`)).json(),
    );
    expect(texts.total).toBe(8);
    expect((await get(`/results/comments?survey=${SURVEY_ID}`)).status).toBe(200);
    expect((await get(`/results/comments?survey=${SURVEY_ID}&question=Not%20an%20id`)).status).toBe(
      400,
    );
    expect(
      (await get(`/results/comment-tags?survey=${SURVEY_ID}&question=Not%20an%20id`)).status,
    ).toBe(400);
  });
});
