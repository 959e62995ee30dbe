/**
 * The kiosk kept to its job: the branch's opening hours (the closed screen outside them,
 * never in the middle of a survey, the wake lock let go while closed), the branch's own
 * look on the welcome screen, and no long-press menu. The page's clock is Playwright's;
 * the hours are read in the collector's TIME_ZONE.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OPENING_CHECK_INTERVAL_MS } from '../../src/app/kiosk/use-opening-state';
import { ClosedPage } from './pages/closed-page';
import { axeViolations } from './support/axe';
import { readSetting } from './support/indexeddb';
import { quickSurvey } from './support/quick-survey';
import { assignQuickSurvey, closeKiosk, enrolledKiosk, useStack } from './support/stack';
import { appText } from './support/texts';

const ZONE = 'Europe/Ljubljana';
const DISPLAY_NAME = 'Knjižnica Center';
const ACCENT = '#1d4f91';
const LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10" width="160" height="40"><rect width="40" height="10" fill="#1d4f91"/></svg>';
/** Monday 2 March 2026, ten minutes before closing (Ljubljana is UTC+1 in winter). */
const MONDAY_BEFORE_CLOSING = new Date('2026-03-02T15:50:00Z');
const MONDAY_AFTER_CLOSING = new Date('2026-03-02T16:01:00Z');
const TUESDAY_OPENING = new Date('2026-03-03T08:00:00Z');

describe('a kiosk kept to its job', () => {
  const stack = useStack({ collector: { env: { TIME_ZONE: ZONE } } });
  const pages: Page[] = [];

  beforeAll(async () => {
    await assignQuickSurvey(stack.collector);
    const folder = mkdtempSync(join(tmpdir(), 'branch-logo-'));
    writeFileSync(join(folder, 'logo.svg'), LOGO);
    const output = await stack.collector.cli([
      'branch',
      'set',
      'main',
      '--hours',
      'mon-fri 09:00-17:00',
      '--display-name',
      DISPLAY_NAME,
      '--logo',
      join(folder, 'logo.svg'),
      '--accent',
      ACCENT,
      // Long enough that the clock's jumps below never count as a patron walking away.
      '--idle-seconds',
      '1800',
    ]);
    expect(output).toContain('open mon-fri 09:00-17:00');
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await closeKiosk(page);
  });

  async function kioskAt(time: Date) {
    const page = await stack.browser.context.newPage();
    pages.push(page);
    await page.clock.install({ time });
    const kiosk = await enrolledKiosk(stack, page, 'Entrance tablet');
    await expect.poll(() => readSetting(page, 'openingHours')).toMatchObject({ timeZone: ZONE });
    return { page, kiosk, closed: new ClosedPage(page) };
  }

  /** Moves the page's clock to `time` and lets the kiosk's next check of the hours run. */
  async function moveClock(page: Page, time: Date): Promise<void> {
    await page.clock.setSystemTime(time);
    await page.clock.fastForward(OPENING_CHECK_INTERVAL_MS + 1000);
  }

  it('shows the branch’s logo, name and accent on the welcome screen, with axe clean', async () => {
    const { page } = await kioskAt(MONDAY_BEFORE_CLOSING);
    const name = page.getByText(DISPLAY_NAME, { exact: true });
    await name.waitFor();
    expect(await name.evaluate((element) => getComputedStyle(element).color)).toBe(
      'rgb(29, 79, 145)',
    );
    // The logo was fetched once and is shown from the device's store (a data: URL).
    const logo = page.locator('.welcome img');
    await expect
      .poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    expect(await logo.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it('lets a patron finish after closing time, then shows the closed screen and lets the screen sleep until opening', async () => {
    const { page, kiosk, closed } = await kioskAt(MONDAY_BEFORE_CLOSING);
    await expect.poll(() => closed.wakeLock()).toBe('held');

    const [first, second] = quickSurvey().questions;
    if (!first || !second) throw new Error('the quick survey has two questions');
    await kiosk.start();
    await kiosk.expectQuestion(first);
    await moveClock(page, MONDAY_AFTER_CLOSING);
    // Closing time came mid-survey: the patron carries on, the screen stays awake.
    await kiosk.answer(first, 'weekly');
    await kiosk.next();
    await kiosk.expectQuestion(second);
    expect(await closed.wakeLock()).toBe('held');
    await kiosk.answer(second, 4);
    await kiosk.next();
    await kiosk.button('review.submit').click();
    await kiosk.button('thanks.done').click();

    // The next welcome screen is the closed one.
    await closed.heading().waitFor();
    const when = new Intl.DateTimeFormat('en', {
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: ZONE,
    }).format(TUESDAY_OPENING);
    await closed.nextOpening(when).waitFor();
    await closed.staffButton().waitFor();
    expect(await closed.wakeLock()).toBe('off');
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    await moveClock(page, new Date(TUESDAY_OPENING.getTime() + 30_000));
    await kiosk.button('welcome.start').waitFor();
    await expect.poll(() => closed.wakeLock()).toBe('held');
  });

  it('cancels the long-press menu on the kiosk’s controls, but not in a field a person types in', async () => {
    const { page, kiosk, closed } = await kioskAt(MONDAY_BEFORE_CLOSING);
    expect(await closed.contextMenuPrevented(kiosk.button('welcome.start'))).toBe(true);
    const rootStyle = await page.evaluate(() => ({
      overscroll: getComputedStyle(document.documentElement).overscrollBehaviorY,
      select: getComputedStyle(document.body).userSelect,
    }));
    expect(rootStyle).toEqual({ overscroll: 'none', select: 'none' });

    // The staff view's enrollment form (opened by an enrollment link) has text fields.
    await page.goto(`${stack.collector.url}/#enroll=AAAA-BBBB-CCCC`);
    const field = page.getByRole('textbox', { name: appText('en', 'staff.enroll.deviceName') });
    await field.waitFor();
    expect(await closed.contextMenuPrevented(field)).toBe(false);
  });
});
