/**
 * How fast the collector takes sync batches on SQLite and on PostgreSQL (when
 * TEST_DATABASE_URL is set), end to end through the collector's app and its route: read
 * and parse the body, check every record against its survey, store the batch and count it
 * into the rollups in one transaction (SQLite with synchronous = FULL), answer. Prints
 * responses per second for batches of 100 (a kiosk's batch cut short by a slow link or
 * long responses) and 500 (the contract's limit, what a kiosk sends: SYNC_BATCH_RECORDS)
 * complete responses; each batch is new, so every record is inserted. The target is at least 10,000 responses/s on each database (2 cores).
 */
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
