/**
 * How fast the collector takes sync batches on SQLite, end to end through the app: read
 * and parse the body, check every record against its survey, store the batch in one
 * transaction (synchronous = FULL), answer. Prints responses per second for batches of
 * 100 and 500 complete responses; each batch is new, so every record is inserted.
 */
import { test } from 'vitest';
import { apiPath, ENDPOINTS } from '../src/shared/contract/endpoints';
import { startTestCollector } from '../test/fixtures/collector';
import { makeResponse } from '../test/fixtures/responses';
import { testDialects } from '../test/fixtures/test-databases';

const BATCH_SIZES = [100, 500] as const;
const RUN = { iterations: 20, time: 2000, warmupIterations: 3 };

test('ingest throughput on SQLite', async ({ bench }) => {
  const sqlite = testDialects.find((d) => d.name === 'sqlite');
  if (!sqlite) throw new Error('the SQLite test dialect is missing');
  const collector = await startTestCollector(sqlite);
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
        `SQLite ingest, batches of ${size}: ${latency.mean.toFixed(1)} ms per batch, ${perSecond} responses/s`,
      );
    }
  } finally {
    await collector.close();
  }
});
