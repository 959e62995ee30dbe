/**
 * What a drain costs: building a batch body (serialising and measuring 100 or 500
 * responses), a whole run that sends 500 queued responses in batches over the store on
 * fake-indexeddb (store work dominates; the fake collector answers at once), and the real
 * thing: 10,000 responses waiting on a kiosk in Debian's Chromium, drained by the app's
 * sync engine to the real collector bundle on this machine (SQLite), timed in the page
 * from "Send now" until the run ends. The target for that one is at most 10 s.
 */
import 'fake-indexeddb/auto';
import { test } from 'vitest';
import { buildIfStale } from '../scripts/build-if-stale.mjs';
import { outboxBatch } from '../src/app/store';
import { buildBatchBody, SYNC_BATCH_RECORDS } from '../src/app/sync/batch';
import { createSyncEngine } from '../src/app/sync/sync-engine';
import { FakeClock } from '../src/app/sync/testing/fake-clock';
import { FakeCollector } from '../src/app/sync/testing/fake-collector';
import { dropStore, enroll, freshStore, queueResponses } from '../src/app/sync/testing/outbox';
import { launchBrowser } from '../test/e2e/support/browser';
import { BENCH_DEVICE_LIMITS, startCollector } from '../test/e2e/support/collector';
import { completeAnswers } from '../test/fixtures/survey-package';
import { openBenchPage } from './browser/bench-page';
import { newEnrollmentCode } from './enrollment';

const RUN_RESPONSES = 500;
const WAITING_ON_KIOSK = 10_000;

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
    `${RUN_RESPONSES} queued responses in batches of ${SYNC_BATCH_RECORDS} to an answering collector`,
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

test('10,000 waiting responses synced from Chromium to a local collector', {
  timeout: 600_000,
}, async () => {
  if (!buildIfStale()) throw new Error('the build failed: the collector bundle is measured');
  const collector = await startCollector({ env: BENCH_DEVICE_LIMITS });
  const browser = await launchBrowser();
  try {
    const { call } = await openBenchPage(browser.context, collector.url);
    await call('fillOutbox', WAITING_ON_KIOSK);
    const code = await newEnrollmentCode(collector);
    await call('enroll', code);
    const run = await call('syncAll');
    if (run.acknowledged !== WAITING_ON_KIOSK || run.remaining !== 0) {
      throw new Error(`acknowledged ${run.acknowledged}, ${run.remaining} left`);
    }
    const seconds = run.ms / 1000;
    console.log(
      `${WAITING_ON_KIOSK} waiting responses synced to a local collector in ${seconds.toFixed(1)} s ` +
        `(${Math.round(WAITING_ON_KIOSK / seconds)} responses/s): ${run.requests} requests, ` +
        `${(run.collectorMs / 1000).toFixed(1)} s of it waiting for the collector's replies`,
    );
  } finally {
    await browser.close();
    await collector.dispose();
  }
});
