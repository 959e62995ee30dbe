/**
 * The fleet report: a kiosk that syncs tells the collector its app version, what waits and
 * what was refused, and its storage; `device list` prints it, and the dashboard's devices
 * page shows it in the reader's language, accessible. And taps that are not answers: a
 * patron tapping through the questionnaire leaves a response flagged suspect, kept.
 */

import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_SURVEYS } from '../../src/surveys';
import { AdminPage } from './pages/admin-page';
import { KioskPage } from './pages/kiosk-page';
import { patronAnswers } from './support/answers';
import { axeViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { readResponses } from './support/indexeddb';
import { assignQuickSurvey, closeKiosk, enrolledKiosk, useStack } from './support/stack';
import { addStaff, STAFF_PASSWORD } from './support/staff-session';
import { onlySurvey } from './support/texts';

const ADMIN = 'fleet@library.example';
const TABLET = 'Bookmobile tablet';

describe('the fleet report', () => {
  const stack = useStack({ browser: { viewport: { width: 1280, height: 800 } } });
  const pages: Page[] = [];
  beforeAll(async () => {
    await assignQuickSurvey(stack.collector);
    await addStaff(stack.collector, ADMIN, 'admin');
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await closeKiosk(page);
  });

  it('reaches `device list` and the devices page once a kiosk has synced', async () => {
    const page = await stack.browser.context.newPage();
    pages.push(page);
    const kiosk = await enrolledKiosk(stack, page, TABLET);
    await kiosk.completeSurvey({ 'overall-satisfaction': 5, 'visit-frequency': 'weekly' });
    await expect
      .poll(async () => (await readResponses(page)).map((r) => r.status), { timeout: 30_000 })
      .toEqual(['synced']);

    const listed = (await stack.collector.cli(['device', 'list'])).split('\n');
    expect(listed[0]).toMatch(/VERSION\s+WAITING\s+QUARANTINED\s+STORAGE USED\s+PERSISTENT/);
    const row = listed.find((line) => line.includes(TABLET)) ?? '';
    // Version, nothing waiting, nothing refused, the browser's storage in units, persistence.
    const health =
      /UTC\s+no\s+(\S+)\s+0\s+0\s+([\d.]+ (?:B|KiB|MiB|GiB|TiB) of [\d.]+ (?:KiB|MiB|GiB|TiB) \(\d+%\))\s+(yes|no)\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC\s+ok$/.exec(
        row,
      );
    expect(health, row).not.toBeNull();
    const version = health?.[1] ?? '';
    expect(version).not.toBe('dev');

    const adminTab = await stack.browser.context.newPage();
    const admin = new AdminPage(adminTab, stack.collector.url);
    await adminTab.context().clearCookies();
    await admin.goto('#/devices');
    await admin.useLanguage('en');
    await admin.signIn(ADMIN, STAFF_PASSWORD, 'devices');
    const device = adminTab.getByRole('row').filter({ hasText: TABLET });
    await expect.poll(() => device.textContent()).toContain(version);
    const cells = await device.getByRole('cell').allTextContents();
    const yesOrNo = new RegExp(
      `^(${admin.text('devices.health.yes')}|${admin.text('devices.health.no')})$`,
    );
    expect(cells).toEqual(
      expect.arrayContaining([
        version,
        expect.stringMatching(yesOrNo),
        expect.stringMatching(/ of .* \(\d+%\)$/),
      ]),
    );
    expect(await device.textContent()).not.toContain('⚠');
    for (const header of ['version', 'waiting', 'quarantined', 'storage', 'persistent']) {
      await adminTab
        .getByRole('columnheader', { name: admin.text(`devices.health.${header}`), exact: true })
        .waitFor();
    }
    expect(await axeViolations(adminTab)).toEqual([]);

    // In another language, the same report in its words.
    await admin.useLanguage('sl');
    await adminTab
      .getByRole('columnheader', { name: admin.text('devices.health.version'), exact: true })
      .waitFor();
    await expect.poll(() => device.textContent()).toContain(' od ');
    await admin.useLanguage('en');
    await adminTab.close();
  });

  it('flags a patron tapping through the questionnaire as suspect, and keeps the response', async () => {
    // A device of its own: the built-in questionnaire, not the enrolled kiosks' quick one.
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      await page.clock.install();
      await page.goto(stack.collector.url);
      const kiosk = new KioskPage(page, onlySurvey(BUILT_IN_SURVEYS));
      await kiosk.button('welcome.start').waitFor();
      // The page's clock stands still: every tap comes at one instant, faster than reading.
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
      await kiosk.start();
      await kiosk.answerThrough(patronAnswers('en'));

      const [draft] = await readResponses(page);
      expect(draft?.status).toBe('draft');
      const timed = Object.keys(draft?.answerTimes ?? {});
      expect(timed.length).toBeGreaterThanOrEqual(5);
      expect(timed.sort()).toEqual(Object.keys(draft?.answers ?? {}).sort());

      await kiosk.button('review.submit').click();
      await expect
        .poll(async () => (await readResponses(page)).map((r) => [r.status, r.suspect]))
        .toEqual([['queued', true]]);
      const [queued] = await readResponses(page);
      // The times were the draft's: the queued response carries the flag only.
      expect(queued).not.toHaveProperty('answerTimes');
      expect(Object.keys(queued?.answers ?? {})).toEqual(Object.keys(draft?.answers ?? {}));
      await closeKiosk(page);
    } finally {
      await browser.close();
    }
  });
});
