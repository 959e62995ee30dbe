/**
 * A small chaos run, on SQLite and on PostgreSQL: the same code as `npm run chaos`, with 5
 * kiosks and 2,000 responses, every wait of the devices and the proxy scaled down, and the
 * rarer faults made more frequent so that each kind happens in a run this short. It must
 * end with every response stored exactly once, as made, and every fault kind injected.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';
import type { DialectName } from '../../src/server/storage';
import { FAULT_KINDS } from './fault-proxy';
import { formatReport, runChaos } from './run-chaos';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const dialects: DialectName[] = ['sqlite'];
if (TEST_DATABASE_URL) dialects.push('postgres');
else if (process.env.CI)
  throw new Error('CI runs the chaos test on PostgreSQL: set TEST_DATABASE_URL');

beforeAll(() => {
  if (!buildIfStale()) throw new Error('the build failed');
});

describe('a chaos run', () => {
  it.each(dialects)(
    'on %s stores every response exactly once, as made, whatever went wrong',
    async (database) => {
      const report = await runChaos({
        responses: 2000,
        devices: 5,
        database,
        databaseUrl: TEST_DATABASE_URL,
        seed: 2026,
        kills: 3,
        timeScale: 0.05,
        deadlineMs: 15 * 60_000,
        rates: { captivePortal: 0.05, burstStart: 0.06, burstLength: 6, cutReply: 0.15 },
        // The collector is a real process on the real clock; the kiosks' clocks start there too.
        clockStartMs: Date.now(),
      });
      const summary = formatReport(report).join('\n');

      expect(report.made, summary).toBe(2000);
      expect(report.check, summary).toMatchObject({
        stored: 2000,
        duplicates: 0,
        missing: 0,
        mismatched: 0,
        unexpected: 0,
        counted: { responses: 2000, completed: report.madeCompleted },
      });
      expect({ outboxLeft: report.outboxLeft, quarantined: report.quarantined }, summary).toEqual({
        outboxLeft: 0,
        quarantined: 0,
      });
      expect(report.errors, summary).toEqual([]);
      expect(report.deadlinePassed, summary).toBe(false);
      expect(report.ok, summary).toBe(true);
      const missedKinds = FAULT_KINDS.filter((kind) => report.faults[kind] === 0);
      expect(missedKinds, summary).toEqual([]);
      expect(report.kills, summary).toBe(3);
    },
  );
});
