/**
 * The results pages timed through the API, as the dashboard asks for them: the collector's
 * app (createApp) over the seeded database of results-seed.ts, a staff administrator
 * signed in through POST /session, and each GET sent with app.request (routing, the staff
 * gate, validation, the queries, the statistics and the JSON, no socket). Prints the median
 * and the 95th percentile of RUNS runs after a warm-up, on SQLite, and on PostgreSQL when
 * TEST_DATABASE_URL is set.
 *
 *   npx vitest bench --run bench/results-api.bench.ts
 */

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { expect, test } from 'vitest';
import { createApp } from '../src/server/http/app';
import { STAFF_COOKIE } from '../src/server/http/staff-auth';
import { addStaffUser } from '../src/server/staff/accounts';
import type { ScryptCost } from '../src/server/staff/passwords';
import { API_BASE_PATH, apiPath, ENDPOINTS } from '../src/shared/contract/endpoints';
import {
  RESPONSES,
  SEED_TIMEOUT_MS,
  type SeededDatabase,
  STRUCTURE,
  seededPostgres,
  seededSqlite,
  TIME_ZONE,
} from './results-seed';

const RUNS = 15;
const ORIGIN = 'http://localhost';
/** The bench signs in once; the collector's own cost would only slow the start. */
const PASSWORD_COST: ScryptCost = { log2N: 10, r: 8, p: 1 };
const PASSWORD = 'a bench password, long enough';
/** The last twelve months, starting and ending mid-month: whole months and two edges. */
const YEAR = `survey=${STRUCTURE.id}&from=2025-06-16&to=2026-06-15`;

/** The calls a librarian's pages make, as [label, path and query]. */
const CALLS: [string, string][] = [
  ['overview, 12 months (trend by month)', `/results/overview?${YEAR}`],
  ['overview, 12 months (trend by week)', `/results/overview?${YEAR}&interval=week`],
  ['overview, 12 months, one branch', `/results/overview?${YEAR}&branch=branch-03&interval=week`],
  ['question page (rating), 12 months', `/results/summary?${YEAR}&question=overall-satisfaction`],
  ['question page (gap), 12 months', `/results/summary?${YEAR}&question=gap-staff-service`],
  [
    'question page (gap), 12 months, hu kiosks, complete',
    `/results/summary?${YEAR}&question=gap-staff-service&locale=hu&channel=kiosk&completed=true`,
  ],
  ['summary, every question, 12 months', `/results/summary?${YEAR}`],
  ['comments, first page, 12 months', `/results/comments?${YEAR}`],
  ['comments, page 20, 12 months', `/results/comments?${YEAR}&page=20`],
  ['comments, search "wifi", 12 months', `/results/comments?${YEAR}&q=wifi`],
];

/** Signs a new administrator in and returns the Cookie header its requests carry. */
async function signIn(app: Hono, seeded: SeededDatabase): Promise<string> {
  const email = `bench-${randomUUID()}@library.example`;
  await addStaffUser(
    seeded.storage,
    { email, password: PASSWORD, role: 'admin', branchId: null },
    new Date(),
    PASSWORD_COST,
  );
  const res = await app.request(apiPath(ENDPOINTS.signIn), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const cookie = new RegExp(`${STAFF_COOKIE}=([^;]+)`).exec(res.headers.get('set-cookie') ?? '');
  if (!cookie) throw new Error('sign-in set no session cookie');
  return `${STAFF_COOKIE}=${cookie[1]}`;
}

/** Median and 95th percentile (nearest rank) of RUNS timed calls after one warm-up. */
async function timeCall(run: () => Promise<void>): Promise<{ median: number; p95: number }> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(RUNS / 2)] ?? 0,
    p95: times[Math.min(RUNS - 1, Math.ceil(RUNS * 0.95) - 1)] ?? 0,
  };
}

async function report(name: string, seeded: SeededDatabase): Promise<void> {
  const staticDir = mkdtempSync(join(tmpdir(), 'results-bench-static-'));
  try {
    const app = createApp({
      storage: seeded.storage,
      staticDir,
      timeZone: TIME_ZONE,
      now: () => new Date(),
      passwordCost: PASSWORD_COST,
      logError: (error) => {
        throw error;
      },
    });
    const cookie = await signIn(app, seeded);
    const lines: string[] = [];
    for (const [label, path] of CALLS) {
      const times = await timeCall(async () => {
        const res = await app.request(`${API_BASE_PATH}${path}`, {
          headers: { cookie, origin: ORIGIN, 'accept-encoding': 'gzip' },
        });
        expect(res.status, `${path}: ${res.status}`).toBe(200);
        await res.arrayBuffer();
      });
      lines.push(
        `  ${label.padEnd(54)} median ${times.median.toFixed(1).padStart(7)} ms   p95 ${times.p95
          .toFixed(1)
          .padStart(7)} ms`,
      );
    }
    console.log(
      [
        `${name} through the API, ${RESPONSES} responses (${seeded.origin}, ${(
          seeded.bytes / 2 ** 20
        ).toFixed(0)} MiB), ${RUNS} runs:`,
        ...lines,
      ].join('\n'),
    );
  } finally {
    rmSync(staticDir, { recursive: true, force: true });
  }
}

test(
  'results API on SQLite',
  async () => {
    const seeded = await seededSqlite();
    try {
      await report('SQLite', seeded);
    } finally {
      await seeded.close();
    }
  },
  SEED_TIMEOUT_MS,
);

const SERVER_URL = process.env.TEST_DATABASE_URL;

test.skipIf(!SERVER_URL)(
  'results API on PostgreSQL',
  async () => {
    if (!SERVER_URL) return;
    const seeded = await seededPostgres(SERVER_URL);
    try {
      await report('PostgreSQL', seeded);
    } finally {
      await seeded.close();
    }
  },
  SEED_TIMEOUT_MS,
);
