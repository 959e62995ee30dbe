/**
 * How fast the results pages read a large collector: 1,000,000 responses over two years
 * across 20 branches (each mostly one language, mostly kiosks, ~90% complete, plausible
 * answers to every question of the built-in survey), stored and counted as ingest does, in
 * big transactions. Prints the seeding time and the median time of the storage queries the
 * overview page and a question page need, on SQLite, and on PostgreSQL when
 * TEST_DATABASE_URL is set (in a database of its own, dropped after).
 *
 * The SQLite file is kept in bench/.cache (gitignored), so a rerun skips the seeding;
 * RESULTS_BENCH_RESPONSES=100000 seeds fewer for a quick look.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { test } from 'vitest';
import {
  ALL_BRANCHES,
  analyze,
  answerCounts,
  answerCountsByBranch,
  type BranchScope,
  type CollectedResponse,
  commentsPage,
  countResponses,
  insertBranch,
  insertNewResponses,
  insertSurveyPackage,
  migrate,
  openStorage,
  type ResultsQuery,
  responseCounts,
  responseCountsByBranch,
  responseTrend,
  type Storage,
  upsertEnrolledDevice,
} from '../src/server/storage';
import { LANGUAGES } from '../src/shared/languages';
import { pick, randomAnswers, seededRandom, weighted } from '../test/fixtures/random-responses';
import { surveyPackage } from '../test/fixtures/survey-package';

const RESPONSES = Number(process.env.RESULTS_BENCH_RESPONSES ?? 1_000_000);
const BRANCH_COUNT = 20;
/** Responses per transaction while seeding. */
const SEED_TRANSACTION = 20_000;
const TIME_ZONE = 'Europe/Budapest';
const FIRST_MS = Date.parse('2024-07-01T00:00:00Z');
const DAYS = 730;
const RUNS = 7;
/** Raise it when the seeded data or its shape changes: the cached file is then made again. */
const SEED_VERSION = 2;
const CACHE_DIR = join(import.meta.dirname, '.cache', `results-${RESPONSES}-v${SEED_VERSION}`);
const SEED_TIMEOUT_MS = 3_600_000;

const { translations, ...STRUCTURE } = surveyPackage();
const BRANCHES = Array.from({ length: BRANCH_COUNT }, (_, i) => ({
  id: `branch-${String(i + 1).padStart(2, '0')}`,
  /** Each branch mostly speaks one language. */
  language: LANGUAGES[i % LANGUAGES.length] ?? 'en',
  /** Bigger and smaller branches. */
  weight: 1 + (i % 4) * 2,
}));
const AT = '2026-07-01T00:00:00.000Z';

function response(random: () => number, i: number): CollectedResponse {
  const branch =
    BRANCHES[
      weighted(
        random,
        BRANCHES.map((b) => b.weight),
      )
    ] ?? BRANCHES[0];
  if (!branch) throw new Error('no branch');
  const completed = random() < 0.9;
  // In the order they arrive, day after day, as kiosks send them; opening hours, 9:00–20:00.
  const day = FIRST_MS + Math.floor((i * DAYS) / RESPONSES) * 86_400_000;
  const submitted = day + (7 + random() * 11) * 3_600_000;
  return {
    id: uuidv7({ msecs: submitted }),
    surveyId: STRUCTURE.id,
    surveyVersion: STRUCTURE.version,
    branchId: branch.id,
    deviceId: `device-${branch.id}`,
    deviceSeq: i + 1,
    channel: ['kiosk', 'qr', 'staff'][weighted(random, [90, 6, 4])] ?? 'kiosk',
    locale: random() < 0.85 ? branch.language : pick(random, LANGUAGES),
    location: null,
    startedAt: new Date(submitted - 200_000).toISOString(),
    submittedAt: new Date(submitted).toISOString(),
    receivedAt: new Date(submitted + 60_000).toISOString(),
    clockOffsetMs: random() < 0.3 ? null : Math.round((random() - 0.5) * 4000),
    completed,
    answers: randomAnswers(random, STRUCTURE.questions, completed),
    contentHash: `seed-${i}`,
    claimedBranchId: branch.id,
  };
}

/** Stores and counts RESPONSES responses as ingest does, SEED_TRANSACTION at a time. */
async function seed(storage: Storage): Promise<number> {
  const started = performance.now();
  await insertSurveyPackage(storage, { structure: STRUCTURE, translations, etag: 'bench' }, AT);
  for (const branch of BRANCHES) {
    await insertBranch(storage, {
      id: branch.id,
      name: branch.id,
      kioskOverrides: {},
      surveyId: STRUCTURE.id,
      createdAt: AT,
    });
    await upsertEnrolledDevice(storage, {
      id: `device-${branch.id}`,
      branchId: branch.id,
      name: null,
      tokenHash: `token-${branch.id}`,
      at: AT,
    });
  }
  const random = seededRandom(20_260_701);
  const structures = new Map([[`${STRUCTURE.id}@${STRUCTURE.version}`, STRUCTURE]]);
  for (let start = 0; start < RESPONSES; start += SEED_TRANSACTION) {
    const batch = Array.from({ length: Math.min(SEED_TRANSACTION, RESPONSES - start) }, (_, i) =>
      response(random, start + i),
    );
    await insertNewResponses(storage, batch, { timeZone: TIME_ZONE, structures });
  }
  return performance.now() - started;
}

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

test(
  'results queries on SQLite',
  async () => {
    const cached = existsSync(join(CACHE_DIR, 'collector.sqlite'));
    mkdirSync(CACHE_DIR, { recursive: true });
    const storage = openStorage({ dataDir: CACHE_DIR });
    try {
      await migrate(storage);
      if (!cached || (await countResponses(storage)) !== RESPONSES) {
        if (cached) throw new Error(`${CACHE_DIR} is incomplete: delete it and run again`);
        const ms = await seed(storage);
        await analyze(storage);
        console.log(`SQLite: seeded ${RESPONSES} responses in ${(ms / 1000).toFixed(1)} s`);
      } else console.log(`SQLite: ${RESPONSES} responses from ${CACHE_DIR}`);
      await report('SQLite', storage);
    } finally {
      await storage.close();
    }
  },
  SEED_TIMEOUT_MS,
);

const SERVER_URL = process.env.TEST_DATABASE_URL;

test.skipIf(!SERVER_URL)(
  'results queries on PostgreSQL',
  async () => {
    if (!SERVER_URL) return;
    const name = `results_bench_${uuidv7().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    const storage = openStorage({ dataDir: CACHE_DIR, databaseUrl: url.toString() });
    try {
      await migrate(storage);
      const ms = await seed(storage);
      console.log(`PostgreSQL: seeded ${RESPONSES} responses in ${(ms / 1000).toFixed(1)} s`);
      await analyze(storage);
      await report('PostgreSQL', storage);
    } finally {
      await storage.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  },
  SEED_TIMEOUT_MS,
);
