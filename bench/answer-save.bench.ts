/**
 * How long an answer takes to be on disk on the device: a tap saved as the kiosk saves it
 * (its DraftWriter, then the store's saveDraft: one Dexie transaction with strict
 * durability, the database's default) in Debian's Chromium, timed in the page from the tap
 * until the writer says the draft is on disk, as patrons answer the library questionnaire
 * one question after another. Prints p50, p95 and max over 300 saves after a warm-up; the
 * target is a p95 of at most 15 ms. Beside it, the same figures for a bare strict put
 * (raw IndexedDB, one small transaction each), taken in turns with the saves so that both
 * see the same load: the disk's flush is the floor no store code can go under.
 */
import { test } from 'vitest';
import { launchBrowser } from '../test/e2e/support/browser';
import { openBenchPage } from './browser/bench-page';
import { spread } from './figures';

const SAVES = 300;
const WARM_UP_SAVES = 40;
/** Saves and bare puts alternate in rounds of this many, so both meet the same load. */
const ROUND = 50;
/** Any origin will do: the page is served by routing, and IndexedDB lives in the profile. */
const ORIGIN = 'http://kiosk.localhost';

test('an answer saved with strict durability, in Chromium', { timeout: 300_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { call } = await openBenchPage(browser.context, ORIGIN);
    await call('answerSaves', WARM_UP_SAVES);
    await call('barePuts', WARM_UP_SAVES);
    const saves: number[] = [];
    const bare: number[] = [];
    const durability: Record<string, number> = {};
    while (saves.length < SAVES) {
      const round = await call('answerSaves', ROUND);
      saves.push(...round.durations);
      for (const [kind, n] of Object.entries(round.durability)) {
        durability[kind] = (durability[kind] ?? 0) + n;
      }
      bare.push(...(await call('barePuts', ROUND)));
    }
    console.log(
      `answer saved (DraftWriter, saveDraft), ${SAVES} saves: ${spread(saves)}; ` +
        `read-write transactions by durability: ${JSON.stringify(durability)}`,
    );
    console.log(`bare strict IndexedDB put, ${SAVES}: ${spread(bare)}`);
  } finally {
    await browser.close();
  }
});
