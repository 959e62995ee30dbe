/**
 * How fast the collector takes sync batches on SQLite and on PostgreSQL (when
 * TEST_DATABASE_URL is set), end to end through the collector's app and its route: read
 * and parse the body, check every record against its survey, store the batch and count it
 * into the rollups in one transaction (SQLite with synchronous = FULL), answer. Prints
 * responses per second for batches of 100 (a kiosk's batch cut short by a slow link or
 * long responses) and 500 (the contract's limit, what a kiosk sends: SYNC_BATCH_RECORDS)
 * complete responses; each batch is new, so every record is inserted. The target is at least 10,000 responses/s on each database (2 cores).
 *
 * One kiosk sends a batch, waits for the reply, then sends the next: while the collector
 * works the database waits, and the other way round, so one core is mostly idle. A
 * collector serves many kiosks, and its rate on 2 cores is what it takes from several at
 * once; the second test measures that: four kiosks, each with its own device and token,
 * each sending its batches one after another, all four at the same time. Each round's
 * rate is all the responses over the time from the first send to the last reply, and the
 * CPU both processes spent per 1,000 responses is printed beside it: on two cores their
 * sum bounds the rate. For a database on another host, run it through
 * bench/pg-delay-proxy.ts.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'vitest';
import { apiPath, ENDPOINTS } from '../src/shared/contract/endpoints';
import { MAX_BATCH_RESPONSES } from '../src/shared/contract/sync';
import { startTestCollector } from '../test/fixtures/collector';

/** Device limits the benchmark never reaches: it measures ingest, not the limits. */
const BENCH_LIMITS = { burst: 1_000_000, perMinute: 1_000_000, dailyQuota: 10_000_000 };

import { makeResponse } from '../test/fixtures/responses';
import { testDialects } from '../test/fixtures/test-databases';

const BATCH_SIZES = [100, MAX_BATCH_RESPONSES] as const;
const RUN = { iterations: 20, time: 2000, warmupIterations: 3 };

/**
 * Kiosks sending at once, and what each sends per round: 20 batches of 100 or 4 of 500.
 * All four are of one branch and answer alike, so they add to the same rollup rows and
 * wait for each other's commits there: the most contended case, not the usual one.
 */
const KIOSKS = 4;
const RESPONSES_PER_KIOSK = 2000;
const ROUNDS = 5;

for (const dialect of testDialects) {
  test(`ingest throughput on ${dialect.name}`, { timeout: 300_000 }, async ({ bench }) => {
    const collector = await startTestCollector(dialect, { deviceLimits: BENCH_LIMITS });
    const token = await collector.enroll();
    try {
      const registrations = BATCH_SIZES.map((size) => {
        let body = '';
        return bench(
          `batch of ${size}`,
          // A fresh body per iteration (made outside the timing): every id is new.
          {
            beforeEach: () => {
              body = JSON.stringify({
                responses: Array.from({ length: size }, () => makeResponse()),
              });
            },
          },
          async () => {
            const res = await collector.post(apiPath(ENDPOINTS.responses), body, token);
            if (res.status !== 200) throw new Error(`ingest answered ${res.status}`);
            await res.arrayBuffer();
          },
        );
      });
      const results = await bench.compare(...registrations, RUN);
      for (const size of BATCH_SIZES) {
        const { latency } = results.get(`batch of ${size}`);
        const perSecond = Math.round((size * 1000) / latency.mean);
        console.log(
          `${dialect.name} ingest, batches of ${size}: ${latency.mean.toFixed(1)} ms per batch ` +
            `(p99 ${latency.p99.toFixed(1)} ms), ${perSecond} responses/s`,
        );
      }
    } finally {
      await collector.close();
    }
  });
}

/**
 * CPU time (ms) the PostgreSQL server's processes on this machine have used, from /proc
 * (Linux, a local server); undefined where it cannot be read.
 */
function postgresCpuMs(): number | undefined {
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // ended meanwhile
      }
      if (!stat.includes(' (postgres) ')) continue;
      // utime, stime, cutime and cstime, the 14th to 17th fields, in clock ticks (100 a
      // second on Linux): the last two hold the ended children's (autovacuum workers,
      // backends), which the server's main process has collected.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    }
  } catch {
    return undefined;
  }
  return ticks > 0 ? ticks * 10 : undefined;
}

for (const dialect of testDialects) {
  test(`ingest throughput on ${dialect.name}, ${KIOSKS} kiosks at once`, {
    timeout: 300_000,
  }, async () => {
    const collector = await startTestCollector(dialect, { deviceLimits: BENCH_LIMITS });
    try {
      const kiosks: { id: string; token: string }[] = [];
      for (let k = 0; k < KIOSKS; k++) {
        const id = randomUUID();
        kiosks.push({ id, token: await collector.enroll(id) });
      }
      for (const size of BATCH_SIZES) {
        const batches = Math.ceil(RESPONSES_PER_KIOSK / size);
        const rates: number[] = [];
        // CPU over the counted rounds: the benchmark's process (the collector's app, and the
        // kiosks' requests made into it) and, when local, the PostgreSQL server's.
        let collectorCpuMs = 0;
        let serverCpuMs = 0;
        let counted = 0;
        // The first round warms up, and is not counted.
        for (let round = 0; round <= ROUNDS; round++) {
          // Made before the clock starts: every id is new.
          const bodies = kiosks.map(({ id }) =>
            Array.from({ length: batches }, () =>
              JSON.stringify({
                responses: Array.from({ length: size }, () => makeResponse({ deviceId: id })),
              }),
            ),
          );
          const serverBefore = postgresCpuMs();
          const cpuBefore = process.cpuUsage();
          const start = performance.now();
          await Promise.all(
            kiosks.map(async ({ token }, k) => {
              for (const body of bodies[k] ?? []) {
                const res = await collector.post(apiPath(ENDPOINTS.responses), body, token);
                if (res.status !== 200) throw new Error(`ingest answered ${res.status}`);
                await res.arrayBuffer();
              }
            }),
          );
          const seconds = (performance.now() - start) / 1000;
          if (round > 0) {
            rates.push(Math.round((KIOSKS * batches * size) / seconds));
            const cpu = process.cpuUsage(cpuBefore);
            collectorCpuMs += (cpu.user + cpu.system) / 1000;
            const serverAfter = postgresCpuMs();
            if (serverBefore !== undefined && serverAfter !== undefined)
              serverCpuMs += serverAfter - serverBefore;
            counted += KIOSKS * batches * size;
          }
        }
        const perThousand = (ms: number) => ((ms / counted) * 1000).toFixed(0);
        rates.sort((a, b) => a - b);
        console.log(
          `${dialect.name} ingest, ${KIOSKS} kiosks at once, batches of ${size}: ` +
            `median ${rates[rates.length >> 1]} responses/s (rounds: ${rates.join(', ')}); ` +
            `CPU per 1,000 responses: this process ${perThousand(collectorCpuMs)} ms` +
            (dialect.name === 'postgres' && serverCpuMs > 0
              ? `, PostgreSQL's ${perThousand(serverCpuMs)} ms`
              : ''),
        );
      }
    } finally {
      await collector.close();
    }
  });
}
