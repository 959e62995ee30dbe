/**
 * What a drain costs on the device: building a batch body (serialising and measuring 100
 * or 500 responses), and a whole run that sends 500 queued responses in batches over the
 * store on fake-indexeddb (store work dominates; the fake collector answers at once).
 */
import 'fake-indexeddb/auto';
import { test } from 'vitest';
import { outboxBatch } from '../src/app/store';
import { buildBatchBody } from '../src/app/sync/batch';
import { createSyncEngine } from '../src/app/sync/sync-engine';
import { FakeClock } from '../src/app/sync/testing/fake-clock';
import { FakeCollector } from '../src/app/sync/testing/fake-collector';
import { dropStore, enroll, freshStore, queueResponses } from '../src/app/sync/testing/outbox';
import { completeAnswers } from '../test/fixtures/survey-package';

const RUN_RESPONSES = 500;

test('building a batch body', async ({ bench }) => {
  freshStore();
  await queueResponses(500, () => completeAnswers());
  const hundred = await outboxBatch(100);
  const fiveHundred = await outboxBatch(500);
  await dropStore();

  await bench.compare(
    bench('100 complete responses', () => {
      buildBatchBody(hundred, 1200);
    }),
    bench('500 complete responses', () => {
      buildBatchBody(fiveHundred, 1200);
    }),
  );
});

test('a sync run', async ({ bench }) => {
  await bench(
    `${RUN_RESPONSES} queued responses in batches of 100 to an answering collector`,
    {
      beforeEach: async () => {
        freshStore();
        await enroll(Date.now());
        await queueResponses(RUN_RESPONSES, () => completeAnswers());
      },
      afterEach: async () => {
        await dropStore();
      },
    },
    async () => {
      const clock = new FakeClock();
      const collector = new FakeCollector(clock.now);
      collector.otherwise(collector.ingest());
      const engine = createSyncEngine({
        baseUrl: '',
        fetch: collector.fetch,
        now: clock.now,
        random: Math.random,
        timers: clock,
        isOnline: () => true,
      });
      const result = await engine.syncNow('manual');
      if (result.acknowledged !== RUN_RESPONSES) throw new Error(`sent ${result.acknowledged}`);
    },
  ).run({ iterations: 5, time: 0, warmup: false });
});
