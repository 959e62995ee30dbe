/**
 * A tablet whose clock is a year wrong, ahead of or behind the collector's: its responses
 * are accepted, the collector records how far off the device's clock is, and each response
 * counts on the day it was really answered (the device's time corrected by the offset).
 * Only the page's clock is moved (Playwright's); the collector keeps the real one.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceList } from '../../src/shared/contract/admin';
import { apiPath, ENDPOINTS } from '../../src/shared/contract/endpoints';
import { dayInZone } from '../../src/shared/results/days';
import { BUILT_IN_SURVEYS, DEFAULT_SURVEY_ID } from '../../src/surveys';
import { KioskPage } from './pages/kiosk-page';
import { StaffPage } from './pages/staff-page';
import { patronAnswers } from './support/answers';
import { launchBrowser, type TestBrowser } from './support/browser';
import { collectorResponseDays, collectorResponses } from './support/collector-db';
import { type DeviceResponseRow, readResponses, readSetting } from './support/indexeddb';
import { assignQuickSurvey, closeKiosk, enrolledKiosk, useStack } from './support/stack';
import { addStaff, signIn } from './support/staff-session';
import { onlySurvey } from './support/texts';

const YEAR_MS = 365 * 86_400_000;
/**
 * How far an offset estimate may be from the year it measures: half a request's round trip
 * in theory; in practice, a busy machine's slow replies and the moments between the test
 * reading its clock and the page starting on the moved one.
 */
const TOLERANCE_MS = 5 * 60_000;
const STAFF_EMAIL = 'clock@library.example';
const DIRECTIONS = [
  ['ahead', 1],
  ['behind', -1],
] as const;

describe('a device clock a year wrong', () => {
  const stack = useStack();
  const pages: Page[] = [];
  const browsers: TestBrowser[] = [];
  beforeAll(async () => {
    await assignQuickSurvey(stack.collector);
    await addStaff(stack.collector, STAFF_EMAIL, 'admin');
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await closeKiosk(page);
    for (const browser of browsers.splice(0)) await browser.close();
  });

  /**
   * A new tablet (a fresh profile: no clock estimate from an earlier test) whose clock
   * reads a year ahead of (sign 1) or behind (-1) the collector's.
   */
  async function tabletAYearOff(sign: number): Promise<Page> {
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = await browser.context.newPage();
    pages.push(page);
    // The collector's clock is the test's (under libfaketime both move together).
    await page.clock.install({ time: Date.now() + sign * YEAR_MS });
    return page;
  }

  function expectAYearOff(offsetMs: number | null | undefined, sign: number): void {
    // The offset is collector clock − device clock: a device a year ahead is a year behind it.
    expect(offsetMs).toBeTypeOf('number');
    expect(Math.abs((offsetMs ?? 0) + sign * YEAR_MS)).toBeLessThan(TOLERANCE_MS);
  }

  /** What the collector stored of a response from a device a year off, and what staff see. */
  async function expectCountedOnTheRealDay(sent: DeviceResponseRow, sign: number): Promise<void> {
    const stored = collectorResponses(stack.collector.dataDir).find((r) => r.id === sent.id);
    expect(stored, 'the collector accepted the response').toBeDefined();
    if (!stored) return;
    expectAYearOff(stored.clock_offset_ms, sign);
    // The device's time, corrected, is when the collector received it, give or take the sync.
    const corrected = Date.parse(stored.submitted_at) + (stored.clock_offset_ms ?? 0);
    expect(Math.abs(corrected - Date.parse(stored.received_at))).toBeLessThan(TOLERANCE_MS);
    const day = dayInZone(corrected, 'UTC');
    const devicesDay = stored.submitted_at.slice(0, 10);
    expect(stored.answered_day).toBe(day);
    // The results count it on that day, not on the device's.
    const days = collectorResponseDays(stack.collector.dataDir, stored.survey_id).map((d) => d.day);
    expect(days).toContain(day);
    expect(days).not.toContain(devicesDay);

    // Staff see how far off the device is.
    const staff = await signIn(stack.collector, STAFF_EMAIL);
    const { devices } = await staff.json<DeviceList>(apiPath(ENDPOINTS.devices));
    expectAYearOff(devices.find((d) => d.id === sent.deviceId)?.lastClockOffsetMs, sign);
  }

  it.each(DIRECTIONS)(
    'a year %s: its responses are accepted, the offset is recorded, and they count on the real day',
    async (direction, sign) => {
      const page = await tabletAYearOff(sign);
      const kiosk = await enrolledKiosk(stack, page, `Tablet a year ${direction}`);
      expect(
        Math.abs((await page.evaluate(() => Date.now())) - Date.now() - sign * YEAR_MS),
      ).toBeLessThan(TOLERANCE_MS);

      await kiosk.completeSurvey({ 'overall-satisfaction': 5, 'visit-frequency': 'weekly' });
      await expect
        .poll(async () => (await readResponses(page)).map((r) => r.status), { timeout: 30_000 })
        .toEqual(['synced']);
      const [sent] = await readResponses(page);
      const syncState = (await readSetting(page, 'syncState')) as { clockOffsetMs?: number };
      expectAYearOff(syncState.clockOffsetMs, sign);
      if (sent) await expectCountedOnTheRealDay(sent, sign);
    },
  );

  it.each(DIRECTIONS)(
    'a year %s, answered before the device was enrolled: the first batch it sends carries the offset',
    async (_, sign) => {
      const page = await tabletAYearOff(sign);
      await page.goto(stack.collector.url);
      const kiosk = new KioskPage(page, onlySurvey(BUILT_IN_SURVEYS));
      await kiosk.completeSurvey(patronAnswers('en'));
      await kiosk.button('thanks.done').click();
      await kiosk.button('welcome.start').waitFor();
      expect((await readResponses(page)).map((r) => r.status)).toEqual(['queued']);

      const output = await stack.collector.cli(['code', 'create', '--branch', 'main']);
      const link = /(http\S+#enroll=[0-9A-Z-]+)/.exec(output)?.[1] ?? '';
      await new StaffPage(page).enrollWithLink(link, 'Tablet enrolled late');
      await expect
        .poll(async () => (await readResponses(page)).map((r) => r.status), { timeout: 30_000 })
        .toEqual(['synced']);
      const [sent] = await readResponses(page);
      expect(sent?.surveyId).toBe(DEFAULT_SURVEY_ID);
      if (sent) await expectCountedOnTheRealDay(sent, sign);
    },
  );
});
