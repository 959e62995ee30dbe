/**
 * The kiosk's start with 50,000 responses waiting in the outbox against its start on an
 * empty device: the production build served by the real collector, in Debian's Chromium,
 * one profile empty and one filled through the app's own store code (bench page,
 * fillOutbox). Each run
 * opens a new tab and times, in the page from the navigation's start, until the first
 * question's controls are there after Start was tapped on the welcome screen. The two
 * devices take turns, after a warm-up visit each that installs the service worker; prints
 * each one's runs and median. The target is the full device within 10% of the empty one.
 */
import type { BrowserContext } from 'playwright-core';
import { test } from 'vitest';
import { buildIfStale } from '../scripts/build-if-stale.mjs';
import { launchBrowser, type TestBrowser, untilControlled } from '../test/e2e/support/browser';
import { BENCH_DEVICE_LIMITS, startCollector } from '../test/e2e/support/collector';
import { appText, surveyText } from '../test/e2e/support/texts';
import { openBenchPage } from './browser/bench-page';
import { median } from './figures';

const WAITING = 50_000;
const RUNS = 15;
const SURVEY_ID = 'library-service-quality';
const FIRST_QUESTION = surveyText('en', SURVEY_ID, 'questions.visit-frequency.text');
const START = appText('en', 'welcome.start');

/** ms from navigation to the first question's controls, measured in the page. */
async function timeToFirstQuestion(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.getByRole('button', { name: START, exact: true }).click();
    const shown = await page.waitForFunction(
      (heading) =>
        document.querySelector('h1')?.textContent?.trim() === heading &&
        document.querySelector('input[type="radio"]:not([disabled])') !== null
          ? performance.now()
          : false,
      FIRST_QUESTION,
    );
    return (await shown.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

async function warmUp(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(url);
  await untilControlled(page);
  await page.close();
}

test('the kiosk starts with 50,000 waiting responses', { timeout: 900_000 }, async () => {
  if (!buildIfStale()) throw new Error('the build failed: the start is measured on it');
  const collector = await startCollector({ env: BENCH_DEVICE_LIMITS });
  const browsers: TestBrowser[] = [];
  try {
    const empty = await launchBrowser({ paintKeptWelcome: true });
    browsers.push(empty);
    const full = await launchBrowser({ paintKeptWelcome: true });
    browsers.push(full);

    const filling = performance.now();
    const bench = await openBenchPage(full.context, collector.url);
    await bench.call('fillOutbox', WAITING);
    const counts = await bench.call('countByStatus');
    if (counts.queued !== WAITING) throw new Error(`the outbox holds ${counts.queued}`);
    await bench.page.close();
    const fillSeconds = (performance.now() - filling) / 1000;
    console.log(`${WAITING} responses waiting (fillOutbox) after ${fillSeconds.toFixed(0)} s`);

    await warmUp(empty.context, collector.url);
    await warmUp(full.context, collector.url);
    const times = { empty: [] as number[], full: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      times.empty.push(await timeToFirstQuestion(empty.context, collector.url));
      times.full.push(await timeToFirstQuestion(full.context, collector.url));
    }
    const [emptyMedian, fullMedian] = [median(times.empty), median(times.full)];
    const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
    console.log(
      `start to the first question, empty device: ${list(times.empty)} ms; median ${emptyMedian.toFixed(0)} ms`,
    );
    console.log(
      `start to the first question, ${WAITING} waiting: ${list(times.full)} ms; median ${fullMedian.toFixed(0)} ms`,
    );
    console.log(
      `${WAITING} waiting against empty: ${(((fullMedian - emptyMedian) / emptyMedian) * 100).toFixed(1)}%`,
    );
  } finally {
    for (const browser of browsers) await browser.close();
    await collector.dispose();
  }
});
