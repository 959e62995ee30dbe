/**
 * How fast the results' storage queries read a large collector (results-seed.ts: 1,000,000
 * responses, 20 branches, two years): the median time of the queries the overview page and
 * a question page need, on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
 * results-api.bench.ts times the same pages through the API.
 */
import { test } from 'vitest';
import {
  ALL_BRANCHES,
  answerCounts,
  answerCountsByBranch,
  type BranchScope,
  commentsPage,
  type ResultsQuery,
  responseCounts,
  responseCountsByBranch,
  responseTrend,
  type Storage,
} from '../src/server/storage';
import {
  RESPONSES,
  SEED_TIMEOUT_MS,
  type SeededDatabase,
  STRUCTURE,
  seededPostgres,
  seededSqlite,
} from './results-seed';

const RUNS = 7;

async function median(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up: the page cache, the plans
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0;
}

/** The last twelve months, starting and ending mid-month: whole months and two edges. */
const YEAR: ResultsQuery = { surveyId: STRUCTURE.id, from: '2025-06-16', to: '2026-06-15' };
const HEADLINE = ['overall-satisfaction', 'recommend'];

/** What GET /results/overview reads: totals, the weekly trend, each branch with its headline. */
const overview = (storage: Storage, query: ResultsQuery, scope: BranchScope) =>
  Promise.all([
    responseCounts(storage, query, scope),
    responseTrend(storage, query, scope, 'week'),
    responseCountsByBranch(storage, query, scope),
    answerCountsByBranch(storage, query, scope, HEADLINE),
  ]);

/** A question page: the totals, the question's counts, and the same per branch. */
const questionPage = (storage: Storage, query: ResultsQuery, scope: BranchScope, id: string) =>
  Promise.all([
    responseCounts(storage, query, scope),
    answerCounts(storage, query, scope, [id]),
    answerCountsByBranch(storage, query, scope, [id]),
  ]);

async function report(name: string, storage: Storage): Promise<void> {
  const branchScope: BranchScope = { kind: 'branch', branchId: 'branch-03' };
  const rows: [string, () => Promise<unknown>][] = [
    ['overview, 12 months', () => overview(storage, YEAR, ALL_BRANCHES)],
    ['overview, 12 months, one branch', () => overview(storage, YEAR, branchScope)],
    ['overview, all time', () => overview(storage, { surveyId: STRUCTURE.id }, ALL_BRANCHES)],
    [
      'question page (rating), 12 months',
      () => questionPage(storage, YEAR, ALL_BRANCHES, 'overall-satisfaction'),
    ],
    [
      'question page (gap), 12 months',
      () => questionPage(storage, YEAR, ALL_BRANCHES, 'gap-staff-service'),
    ],
    [
      'question page (rating), 12 months, hu kiosks, complete',
      () =>
        questionPage(
          storage,
          { ...YEAR, locales: ['hu'], channels: ['kiosk'], completed: true },
          ALL_BRANCHES,
          'overall-satisfaction',
        ),
    ],
    ['summary: every question, 12 months', () => answerCounts(storage, YEAR, ALL_BRANCHES)],
    ['trend by day, 12 months', () => responseTrend(storage, YEAR, ALL_BRANCHES, 'day')],
    [
      'comments, first page, 12 months',
      () => commentsPage(storage, { ...YEAR, page: 1, pageSize: 50 }, ALL_BRANCHES),
    ],
    [
      'comments, search "wifi", 12 months',
      () => commentsPage(storage, { ...YEAR, search: 'wifi', page: 1, pageSize: 50 }, ALL_BRANCHES),
    ],
  ];
  const lines: string[] = [];
  const times = new Map<string, number>();
  for (const [label, run] of rows) {
    const ms = await median(run);
    times.set(label, ms);
    lines.push(`  ${label.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms`);
  }
  const page =
    (times.get('overview, 12 months') ?? 0) + (times.get('question page (rating), 12 months') ?? 0);
  console.log(
    [
      `${name}, ${RESPONSES} responses, median of ${RUNS}:`,
      ...lines,
      `  overview + a question page, 12 months: ${page.toFixed(1)} ms`,
    ].join('\n'),
  );
}

async function run(name: string, open: () => Promise<SeededDatabase>): Promise<void> {
  const seeded = await open();
  try {
    console.log(
      `${name}: ${RESPONSES} responses, ${seeded.origin}, ${(seeded.bytes / 2 ** 20).toFixed(0)} MiB`,
    );
    await report(name, seeded.storage);
  } finally {
    await seeded.close();
  }
}

test('results queries on SQLite', () => run('SQLite', seededSqlite), SEED_TIMEOUT_MS);

const SERVER_URL = process.env.TEST_DATABASE_URL;

test.skipIf(!SERVER_URL)(
  'results queries on PostgreSQL',
  () => run('PostgreSQL', () => seededPostgres(SERVER_URL ?? '')),
  SEED_TIMEOUT_MS,
);
