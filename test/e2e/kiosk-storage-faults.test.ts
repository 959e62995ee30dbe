/**
 * The device's storage failing under the kiosk: the disk full mid-survey, the site's data
 * cleared between two visits, and the IndexedDB connection closed by the browser. The
 * patron is told the truth (nothing shows as saved that is not), what was saved stays, and
 * the kiosk carries on once the storage is back.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiPath, ENDPOINTS } from '../../src/shared/contract/endpoints';
import { BUILT_IN_SURVEYS } from '../../src/surveys';
import { KioskPage } from './pages/kiosk-page';
import { StaffPage } from './pages/staff-page';
import { patronAnswers } from './support/answers';
import { collectorResponses } from './support/collector-db';
import { readResponses, readSetting } from './support/indexeddb';
import { quickSurvey } from './support/quick-survey';
import { assignQuickSurvey, closeKiosk, enrolledKiosk, openKiosk, useStack } from './support/stack';
import {
  clearSiteData,
  closeDatabaseUnderApp,
  type FullDisk,
  fillDisk,
  trackDatabaseConnections,
} from './support/storage-faults';
import { appText, onlySurvey, questionOf } from './support/texts';

const survey = onlySurvey(BUILT_IN_SURVEYS);
const visits = questionOf(survey, 'visit-frequency');
const today = questionOf(survey, 'todays-visit');
const overall = questionOf(survey, 'overall-satisfaction');
/** A write to IndexedDB is a state to wait for; a loaded machine may take its time. */
const ON_DISK = { timeout: 10_000 };
/**
 * Chromium enforces a new quota only once the free space it measured last is about 30 s
 * old (fillDisk waits for that), on top of two patrons answering the whole questionnaire.
 */
const FULL_DISK_TEST_TIMEOUT_MS = 240_000;

/** What the built-in survey stores from patronAnswers: the optional question is skipped. */
function storedAnswers(language: Parameters<typeof patronAnswers>[0]) {
  const { 'events-interest': _, ...answers } = patronAnswers(language);
  return answers;
}

describe('the disk full mid-survey', () => {
  const stack = useStack();
  let page: Page;
  let kiosk: KioskPage;
  let disk: FullDisk | undefined;

  beforeEach(async () => {
    ({ page, kiosk } = await openKiosk(stack, survey));
  });
  afterEach(async () => {
    try {
      await disk?.free();
    } finally {
      disk = undefined;
      await closeKiosk(page);
    }
  });

  function alert(key: string) {
    return page.getByRole('alert').filter({ hasText: appText(kiosk.language, key) });
  }

  it(
    'tells the patron in their language that the answers were not saved, thanks no one for a response that did not commit, and queues it once there is room again',
    async () => {
      // The patron before has sent theirs: it must stay whatever happens next.
      await kiosk.completeSurvey(patronAnswers('en'));
      await kiosk.button('thanks.done').click();
      await kiosk.button('welcome.start').waitFor();

      await kiosk.chooseLanguage('ru');
      await kiosk.start();
      const answers = patronAnswers('ru');
      await kiosk.answer(visits, 'weekly');
      await expect
        .poll(async () => (await readResponses(page)).find((r) => r.status === 'draft')?.answers, {
          ...ON_DISK,
        })
        .toEqual({ 'visit-frequency': 'weekly' });
      await kiosk.next();
      await kiosk.expectQuestion(today);

      disk = await fillDisk(page);
      await kiosk.answer(today, answers['todays-visit'] as never);
      await alert('saveFailure.quota').waitFor();

      // The patron carries on to the end; nothing on the way is written, and Send fails.
      await kiosk.next();
      await kiosk.answerThrough(answers, overall);
      await kiosk.button('review.submit').click();
      await expect
        .poll(() => kiosk.button('review.submit').getAttribute('aria-disabled'))
        .toBe('false');
      await alert('saveFailure.quota').waitFor();
      expect(
        await kiosk
          .heading()
          .filter({ hasText: appText('ru', 'thanks.title') })
          .count(),
      ).toBe(0);
      await kiosk
        .heading()
        .filter({ hasText: appText('ru', 'review.title') })
        .waitFor();

      const whileFull = await readResponses(page);
      expect(whileFull.map((r) => r.status).sort()).toEqual(['draft', 'queued']);
      expect(whileFull.find((r) => r.status === 'queued')).toMatchObject({
        locale: 'en',
        completed: true,
        answers: storedAnswers('en'),
      });
      // What was saved before the disk filled stays; nothing after it pretends to be there.
      expect(whileFull.find((r) => r.status === 'draft')?.answers).toEqual({
        'visit-frequency': 'weekly',
      });

      await disk.free();
      disk = undefined;
      await kiosk.button('saveFailure.retry').click();
      await kiosk
        .heading()
        .filter({ hasText: appText('ru', 'thanks.title') })
        .waitFor();
      expect(await alert('saveFailure.quota').count()).toBe(0);
      const rows = await readResponses(page);
      expect(rows.map((r) => r.status)).toEqual(['queued', 'queued']);
      expect(rows.find((r) => r.locale === 'ru')).toMatchObject({
        completed: true,
        deviceSeq: 2,
        answers: storedAnswers('ru'),
      });
    },
    FULL_DISK_TEST_TIMEOUT_MS,
  );
});

const quick = quickSurvey();
const quickOverall = questionOf(quick, 'overall-satisfaction');
const quickVisits = questionOf(quick, 'visit-frequency');

describe("the site's storage cleared between two visits", () => {
  const stack = useStack();
  beforeAll(() => assignQuickSurvey(stack.collector));

  it.each([
    [
      'by the browser (CDP Storage.clearDataForOrigin, every kind)',
      (page: Page) => clearSiteData(page.context(), new URL(page.url()).origin),
    ],
    [
      'by a script (IndexedDB deleted, caches emptied, service worker unregistered)',
      (page: Page) =>
        page.evaluate(async () => {
          for (const registration of await navigator.serviceWorker.getRegistrations())
            await registration.unregister();
          for (const name of await caches.keys()) await caches.delete(name);
          for (const { name } of await indexedDB.databases()) {
            if (!name) continue;
            await new Promise<void>((resolve, reject) => {
              const request = indexedDB.deleteDatabase(name);
              request.onsuccess = () => resolve();
              request.onerror = () => reject(request.error);
            });
          }
        }),
    ],
  ])('starts clean and says it is not enrolled when cleared %s', async (_, clear) => {
    let page = await stack.browser.context.newPage();
    const kiosk = await enrolledKiosk(stack, page, 'Cleared tablet');
    await kiosk.completeSurvey({ 'overall-satisfaction': 4, 'visit-frequency': 'weekly' });
    await expect
      .poll(async () => (await readResponses(page)).map((r) => r.status), { timeout: 30_000 })
      .toEqual(['synced']);
    const [sent] = await readResponses(page);
    await kiosk.button('thanks.done').click();
    // A second patron leaves half-way: a draft on the device when the data goes.
    await kiosk.start();
    await kiosk.answer(quickVisits, 'monthly');
    await expect
      .poll(async () => (await readResponses(page)).map((r) => r.status).sort(), {
        timeout: 10_000,
      })
      .toEqual(['draft', 'synced']);
    const deviceId = await readSetting(page, 'deviceId');

    // The visit ends; the data goes while no tab shows the kiosk (a page of the site that
    // is not the app, so nothing holds the database open).
    await page.close();
    const other = await stack.browser.context.newPage();
    await other.goto(`${stack.collector.url}${apiPath(ENDPOINTS.health)}`);
    await clear(other);
    await other.close();

    page = await stack.browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(stack.collector.url);
    const fresh = new KioskPage(page, survey);
    await fresh.button('welcome.start').waitFor();
    expect(
      await page.getByRole('heading', { name: appText('en', 'startFailure.title') }).count(),
    ).toBe(0);

    const staff = new StaffPage(page);
    await staff.open();
    await page.getByText(appText('en', 'staff.device.notEnrolled')).waitFor();
    await page.getByRole('textbox', { name: appText('en', 'staff.enroll.code') }).waitFor();
    expect(await staff.count('waiting')).toBe(0);
    expect(await staff.count('sent')).toBe(0);
    expect(await readResponses(page)).toEqual([]);
    expect(await readSetting(page, 'enrollment')).toBeUndefined();
    expect(await readSetting(page, 'deviceId')).not.toBe(deviceId);
    await staff.close();

    // The kiosk runs the built-in survey again and keeps a patron's answers for later.
    await fresh.start();
    await fresh.expectQuestion(visits);
    await fresh.answer(visits, 'monthly');
    await expect
      .poll(async () => (await readResponses(page))[0]?.answers, ON_DISK)
      .toEqual({ 'visit-frequency': 'monthly' });
    // What reached the collector before stays there.
    expect(collectorResponses(stack.collector.dataDir).map((r) => r.id)).toContain(sent?.id);
    expect(errors).toEqual([]);
    await closeKiosk(page);
  });
});

describe('the IndexedDB connection closed under the app', () => {
  const stack = useStack();
  beforeAll(() => assignQuickSurvey(stack.collector));

  it.each([
    ['with its close event (Chromium, Firefox)', true],
    ['without a close event (a connection that just stops working)', false],
  ])(
    'reopens the database %s, and the answers given after it are saved and sent',
    async (_, closeEvent) => {
      const page = await stack.browser.context.newPage();
      await trackDatabaseConnections(page);
      const kiosk = await enrolledKiosk(stack, page, 'Background tablet');
      await kiosk.start();
      await kiosk.expectQuestion(quickVisits);
      await kiosk.answer(quickVisits, 'first-time');
      await expect
        .poll(async () => (await readResponses(page))[0]?.answers, ON_DISK)
        .toEqual({ 'visit-frequency': 'first-time' });

      expect(await closeDatabaseUnderApp(page, { closeEvent })).toBe(1);
      await kiosk.next();
      await kiosk.expectQuestion(quickOverall);
      await kiosk.answer(quickOverall, 5);
      await expect
        .poll(async () => (await readResponses(page))[0]?.answers, ON_DISK)
        .toEqual({ 'visit-frequency': 'first-time', 'overall-satisfaction': 5 });
      // No alert says anything (the answer reminder's region is there, empty).
      expect(await page.getByRole('alert').filter({ hasText: /\S/ }).count()).toBe(0);

      await kiosk.next();
      await kiosk.button('review.submit').click();
      await kiosk
        .heading()
        .filter({ hasText: appText('en', 'thanks.title') })
        .waitFor();
      await expect
        .poll(async () => (await readResponses(page)).map((r) => r.status), { timeout: 30_000 })
        .toEqual(['synced']);
      const [row] = await readResponses(page);
      const stored = collectorResponses(stack.collector.dataDir).find((r) => r.id === row?.id);
      expect(JSON.parse(stored?.answers ?? '{}')).toEqual({
        'visit-frequency': 'first-time',
        'overall-satisfaction': 5,
      });

      // Closed again while staff look at the counts: the view keeps counting.
      await kiosk.button('thanks.done').click();
      const staff = new StaffPage(page);
      await staff.open();
      await expect.poll(() => staff.count('sent')).toBe(1);
      expect(await closeDatabaseUnderApp(page, { closeEvent })).toBe(1);
      await staff.close();
      await kiosk.completeSurvey({ 'overall-satisfaction': 3, 'visit-frequency': 'weekly' });
      await kiosk.button('thanks.done').click();
      await staff.open();
      await expect.poll(() => staff.count('sent'), { timeout: 30_000 }).toBe(2);
      await closeKiosk(page);
    },
  );
});
