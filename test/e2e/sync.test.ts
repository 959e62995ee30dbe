/**
 * Sync, end to end: an enrolled kiosk's responses reach the running collector exactly
 * once, however the network behaves: offline for a while, a reply lost after the collector
 * committed, two tabs on one device, a record the collector refuses. The pages have no
 * Background Sync here (test/e2e/phone-background-sync.test.ts has it), so every batch is
 * a page's, which the tests watch.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/shared/contract/answer';
import { apiPath, ENDPOINTS } from '../../src/shared/contract/endpoints';
import { LANGUAGES, type Language } from '../../src/shared/languages';
import { DEFAULT_SURVEY_ID } from '../../src/surveys';
import { KioskPage } from './pages/kiosk-page';
import { StaffPage } from './pages/staff-page';
import {
  goOffline,
  goOnline,
  launchBrowser,
  type TestBrowser,
  untilControlled,
} from './support/browser';
import { type RunningCollector, startCollector } from './support/collector';
import { collectorResponses } from './support/collector-db';
import { readResponses, readSetting } from './support/indexeddb';
import { QUICK_SURVEY_ID, quickSurvey, writeQuickSurvey } from './support/quick-survey';
import { appText } from './support/texts';

const survey = quickSurvey();
const RESPONSES_PATH = apiPath(ENDPOINTS.responses);
const VISITS = ['weekly', 'monthly', 'first-time'] as const;

function answersFor(i: number): Record<string, AnswerValue> {
  return { 'overall-satisfaction': (i % 5) + 1, 'visit-frequency': VISITS[i % 3] as string };
}

function languageFor(i: number): Language {
  return LANGUAGES[i % LANGUAGES.length] as Language;
}

/** Record ids in the sync batches (POST /api/v1/responses) that the collector answered. */
function watchSentIds(page: Page, sent: string[]): void {
  page.on('requestfinished', (request: Request) => {
    if (request.method() !== 'POST' || !request.url().endsWith(RESPONSES_PATH)) return;
    const body = request.postDataJSON() as { responses: { id: string }[] };
    sent.push(...body.responses.map((r) => r.id));
  });
}

describe('responses reach the collector exactly once', () => {
  let collector: RunningCollector;
  const browsers: TestBrowser[] = [];

  beforeAll(async () => {
    collector = await startCollector();
    const file = writeQuickSurvey(mkdtempSync(join(tmpdir(), 'quick-survey-')));
    await collector.cli(['survey', 'import', file]);
    await collector.cli(['branch', 'set', 'main', '--survey', QUICK_SURVEY_ID]);
  });

  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
  });

  afterAll(async () => {
    await collector?.dispose();
  });

  /** A fresh tablet, enrolled with a new one-time code, running the branch's survey. */
  async function enrolledKiosk(
    name: string,
  ): Promise<{ browser: TestBrowser; page: Page; kiosk: KioskPage }> {
    // The page's own engine is what these tests watch, and change requests of.
    const browser = await launchBrowser({ backgroundSync: false });
    browsers.push(browser);
    const output = await collector.cli(['code', 'create', '--branch', 'main']);
    const link = /(http\S+#enroll=[0-9A-Z-]+)/.exec(output)?.[1];
    expect(link, output).toBeDefined();
    const page = await browser.context.newPage();
    await new StaffPage(page).enrollWithLink(link as string, name);
    await expect
      .poll(() => readSetting(page, 'activeSurvey'), { timeout: 15_000 })
      .toEqual({ id: QUICK_SURVEY_ID, version: 1 });
    // Navigate only once the worker is active, so the kiosk page is controlled from its
    // start (a page that is mid-navigation while the worker claims its clients is missed).
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.goto(collector.url);
    await untilControlled(page);
    const kiosk = new KioskPage(page, survey, 'en', DEFAULT_SURVEY_ID);
    await kiosk.button('welcome.start').waitFor();
    return { browser, page, kiosk };
  }

  async function submit(kiosk: KioskPage, i: number): Promise<void> {
    // A person uses the tab in front; Chromium throttles the others.
    await kiosk.page.bringToFront();
    await kiosk.chooseLanguage(languageFor(i));
    await kiosk.completeSurvey(answersFor(i));
    await kiosk.button('thanks.done').click();
    kiosk.language = 'en';
    await kiosk.button('welcome.start').waitFor();
  }

  it('delivers 25 responses made offline once the network is back, with their answers, locale, branch and channel', async () => {
    const { browser, page, kiosk } = await enrolledKiosk('Bookmobile tablet');
    const before = collectorResponses(collector.dataDir).length;
    await goOffline(browser.context);
    for (let i = 0; i < 25; i++) await submit(kiosk, i);

    const staff = new StaffPage(page);
    await staff.open();
    await expect.poll(() => staff.count('waiting')).toBe(25);
    expect(collectorResponses(collector.dataDir)).toHaveLength(before);

    await goOnline(browser.context);
    await expect.poll(async () => staff.count('sent'), { timeout: 30_000 }).toBe(25);
    expect(await staff.count('waiting')).toBe(0);

    const onDevice = await readResponses(page);
    const stored = collectorResponses(collector.dataDir).filter((r) =>
      onDevice.some((d) => d.id === r.id),
    );
    expect(stored).toHaveLength(25);
    for (const row of stored) {
      const local = onDevice.find((d) => d.id === row.id);
      const i = (local?.deviceSeq ?? 0) - 1;
      expect(row).toMatchObject({
        survey_id: QUICK_SURVEY_ID,
        branch_id: 'main',
        channel: 'kiosk',
        locale: languageFor(i),
        completed: 1,
      });
      expect(JSON.parse(row.answers)).toEqual(answersFor(i));
    }
    expect(onDevice.every((r) => r.status === 'synced')).toBe(true);
  });

  it('retries a batch whose reply was lost after the collector stored it, leaving one row per response', async () => {
    const { page, kiosk } = await enrolledKiosk('Entrance tablet');
    let cut = 0;
    const posted: string[] = [];
    await page.route(`**${RESPONSES_PATH}`, async (route) => {
      posted.push(
        ...(route.request().postDataJSON() as { responses: { id: string }[] }).responses.map(
          (r) => r.id,
        ),
      );
      if (cut === 0) {
        // The request reaches the collector and is committed; its answer never arrives.
        cut++;
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    for (let i = 0; i < 3; i++) await submit(kiosk, i);

    await expect
      .poll(async () => (await readResponses(page)).filter((r) => r.status === 'synced').length, {
        timeout: 30_000,
      })
      .toBe(3);
    const ids = (await readResponses(page)).map((r) => r.id);
    const stored = collectorResponses(collector.dataDir).filter((r) => ids.includes(r.id));
    expect(stored.map((r) => r.id).sort()).toEqual([...ids].sort());
    // The first response went out at least twice: once lost, once acknowledged as a duplicate.
    expect(posted.filter((id) => id === posted[0]).length).toBeGreaterThanOrEqual(2);
  });

  it('sends each response once when two tabs of the same device sync', async () => {
    const { browser, page: first, kiosk: firstKiosk } = await enrolledKiosk('Two-tab tablet');
    const second = await browser.context.newPage();
    await second.goto(collector.url);
    const secondKiosk = new KioskPage(second, survey, 'en', DEFAULT_SURVEY_ID);
    await secondKiosk.button('welcome.start').waitFor();
    const sent: string[] = [];
    watchSentIds(first, sent);
    watchSentIds(second, sent);

    await goOffline(browser.context);
    for (let i = 0; i < 3; i++) {
      await submit(firstKiosk, i);
      await submit(secondKiosk, i + 3);
    }
    await goOnline(browser.context);
    // Both tabs see the network come back; "Send now" in each makes them race for the outbox.
    await Promise.all(
      [first, second].map((page) => page.evaluate(() => window.dispatchEvent(new Event('online')))),
    );

    await expect
      .poll(async () => (await readResponses(first)).filter((r) => r.status === 'synced').length, {
        timeout: 30_000,
      })
      .toBe(6);
    const ids = (await readResponses(first)).map((r) => r.id);
    expect([...sent].sort()).toEqual([...ids].sort());
    expect(collectorResponses(collector.dataDir).filter((r) => ids.includes(r.id))).toHaveLength(6);
  });

  it('keeps a response the collector refuses in quarantine while the others are delivered', async () => {
    const { browser, page, kiosk } = await enrolledKiosk('Quarantine tablet');
    // On its way, the second response's rating is pushed off the scale, so the collector refuses it.
    await page.route(`**${RESPONSES_PATH}`, async (route) => {
      const body = route.request().postDataJSON() as {
        responses: { deviceSeq: number; answers: Record<string, unknown> }[];
      };
      for (const record of body.responses)
        if (record.deviceSeq === 2) record.answers['overall-satisfaction'] = 9;
      await route.continue({ postData: JSON.stringify(body) });
    });
    await goOffline(browser.context);
    for (let i = 0; i < 3; i++) await submit(kiosk, i);
    await goOnline(browser.context);

    await expect
      .poll(async () => (await readResponses(page)).map((r) => r.status).sort(), {
        timeout: 30_000,
      })
      .toEqual(['quarantined', 'synced', 'synced']);
    const rows = await readResponses(page);
    const refused = rows.find((r) => r.status === 'quarantined');
    expect(refused).toMatchObject({
      deviceSeq: 2,
      quarantine: { outcome: 'rejected', path: 'answers.overall-satisfaction' },
    });
    const stored = collectorResponses(collector.dataDir).map((r) => r.id);
    expect(stored).not.toContain(refused?.id);
    expect(rows.filter((r) => r.status === 'synced').every((r) => stored.includes(r.id))).toBe(
      true,
    );

    const staff = new StaffPage(page);
    await staff.open();
    await expect.poll(() => staff.count('quarantined')).toBe(1);
    await page.getByText(appText('en', 'staff.quarantine.outcome.rejected')).first().waitFor();
  });
});
