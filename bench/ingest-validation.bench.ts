/**
 * What a crafted sync batch costs the collector's event loop: one record whose answers fill
 * a 1 MiB body (about 90,000 answer keys). Prints, per request, what the collector did
 * before the limits were looked at first (JSON.parse of the body, then the schema's check
 * of that record: every answer key and value parsed, then the 100-answer limit applied),
 * the look at the limits in the text alone, and the whole request through the app (read,
 * decode, limits, the 400 reply).
 */
import { test } from 'vitest';
import { checkRecord } from '../src/server/ingest/ingest-decision';
import { batchLimitProblem } from '../src/server/ingest/record-limits';
import { apiPath, ENDPOINTS } from '../src/shared/contract/endpoints';
import { MAX_BATCH_BYTES } from '../src/shared/contract/sync';
import { startTestCollector } from '../test/fixtures/collector';

/** Device limits the benchmark never reaches: it measures ingest, not the limits. */
const BENCH_LIMITS = { burst: 1_000_000, perMinute: 1_000_000, dailyQuota: 10_000_000 };

import { DEVICE_ID, makeResponse } from '../test/fixtures/responses';
import { testDialects } from '../test/fixtures/test-databases';

const RUN = { iterations: 20, time: 2000, warmupIterations: 2 };

/** A batch of one record whose answers take the body up to just under 1 MiB. */
function craftedBody(): string {
  const answers: Record<string, number> = {};
  const record = { ...makeResponse(), answers };
  let size = JSON.stringify({ responses: [record] }).length;
  for (let i = 0; size < MAX_BATCH_BYTES - 32; i++) {
    const key = `q${i}`;
    answers[key] = 1;
    size += key.length + 5;
  }
  return JSON.stringify({ responses: [record] });
}

test('the cost of a crafted 1 MiB batch', async ({ bench }) => {
  const sqlite = testDialects.find((d) => d.name === 'sqlite');
  if (!sqlite) throw new Error('the SQLite test dialect is missing');
  const collector = await startTestCollector(sqlite, { deviceLimits: BENCH_LIMITS });
  const token = await collector.enroll();
  const body = craftedBody();
  const parsed = (JSON.parse(body) as { responses: { answers: object }[] }).responses;
  const keys = Object.keys(parsed[0]?.answers ?? {}).length;
  try {
    const context = { deviceId: DEVICE_ID, structures: new Map() };
    const names = {
      schema: 'JSON.parse and the schema on the crafted record (before)',
      limits: 'the limits looked at in the text (now)',
      request: 'the whole request through the app (now)',
    };
    const results = await bench.compare(
      bench(names.schema, () => {
        const { responses } = JSON.parse(body) as { responses: unknown[] };
        if (checkRecord(responses[0], context).ok) throw new Error('the crafted record passed');
      }),
      bench(names.limits, () => {
        if (!batchLimitProblem(body)) throw new Error('the crafted record passed the limits');
      }),
      bench(names.request, async () => {
        const res = await collector.post(apiPath(ENDPOINTS.responses), body, token);
        if (res.status !== 400) throw new Error(`ingest answered ${res.status}`);
        await res.arrayBuffer();
      }),
      RUN,
    );
    console.log(`Crafted batch: ${body.length} bytes, one record of ${keys} answer keys.`);
    for (const name of Object.values(names)) {
      const { latency } = results.get(name);
      console.log(
        `${name}: mean ${latency.mean.toFixed(3)} ms, median ${latency.p50.toFixed(3)} ms`,
      );
    }
  } finally {
    await collector.close();
  }
});
