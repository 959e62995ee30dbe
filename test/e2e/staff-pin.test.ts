/**
 * The staff view behind the branch's PIN on an enrolled kiosk: the right PIN opens it,
 * a wrong one is refused with the tries left, five lock the keypad with a message that says
 * for how long (through a reload, twice as long the next time), the PIN is checked with no
 * network, and the view closes itself after two minutes untouched. A branch without a PIN
 * opens at once and says one should be set.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY_ID } from '../../src/surveys';
import { KioskPage } from './pages/kiosk-page';
import { StaffPage } from './pages/staff-page';
import { axeViolations } from './support/axe';
import { goOffline, goOnline, untilControlled } from './support/browser';
import { deleteSetting, readSetting } from './support/indexeddb';
import { quickSurvey } from './support/quick-survey';
import { assignQuickSurvey, closeKiosk, enrolledKiosk, useStack } from './support/stack';
import { smallTargets } from './support/targets';
import { appText } from './support/texts';

const PIN = '482913';
const WRONG_PIN = '111111';
const MINUTE_MS = 60_000;
const STAFF_IDLE_CLOSE_MS = 2 * MINUTE_MS;
/** The configuration is asked for once the first screen is up. */
const CONFIG_WAIT = { timeout: 15_000 };

describe('the staff view behind the branch’s PIN', () => {
  const stack = useStack();
  let page: Page;
  let staff: StaffPage;

  let enrolled = false;

  beforeAll(async () => {
    await assignQuickSurvey(stack.collector);
    await stack.collector.cli(['branch', 'set', 'main', '--staff-pin-stdin'], {
      stdin: `${PIN}\n`,
    });
  });

  beforeEach(async () => {
    page = await stack.browser.context.newPage();
    await page.clock.install();
    if (enrolled) {
      await page.goto(stack.collector.url);
      await untilControlled(page);
    } else {
      // Enrolled once: every tab of the browser profile is this device.
      await enrolledKiosk(stack, page, 'Bookmobile tablet');
      await expect
        .poll(() => readSetting(page, 'staffPin'), CONFIG_WAIT)
        .toMatchObject({ iterations: 600_000 });
      enrolled = true;
    }
    // Each test starts with no wrong PINs counted (the lockout is kept in the device's settings).
    await deleteSetting(page, 'staffPinLockout');
    staff = new StaffPage(page);
    await new KioskPage(page, quickSurvey(), 'en', DEFAULT_SURVEY_ID)
      .button('welcome.start')
      .waitFor();
  });
  afterEach(() => closeKiosk(page));

  /** Lets the app's timers start on the fake clock, then jumps ahead. */
  async function idleFor(ms: number): Promise<void> {
    await page.clock.runFor(500);
    await page.clock.fastForward(ms);
  }

  it('asks for the PIN on a keypad that passes axe, and opens with the right one', async () => {
    await staff.openKeypad();
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await staff.typeOnKeypad(PIN);
    await staff.heading().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('takes the PIN from the keyboard too', async () => {
    await staff.openKeypad();
    await page.keyboard.type(`${PIN}9`);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await staff.heading().waitFor();
  });

  it('refuses a wrong PIN and says how many tries are left', async () => {
    await staff.unlock(WRONG_PIN);
    await staff
      .alert()
      .filter({ hasText: staffText('staff.pin.wrong_other', 4) })
      .waitFor();
    expect(await staff.heading().count()).toBe(0);
    await staff.keypadHeading().waitFor();
  });

  it('locks after five wrong PINs for a minute, through a reload, and the next time for two', async () => {
    await staff.openKeypad();
    for (let i = 0; i < 5; i++) await staff.typeOnKeypad(WRONG_PIN);
    await staff
      .alert()
      .filter({ hasText: staffText('staff.pin.locked_one', 1) })
      .waitFor();
    expect(await page.getByRole('button', { name: '4', exact: true }).isDisabled()).toBe(true);

    // A reload (the keypad stays on screen: the address says #/staff) gives no tries back.
    await page.reload();
    await staff.keypadHeading().waitFor();
    await staff
      .alert()
      .filter({ hasText: staffText('staff.pin.locked_one', 1) })
      .waitFor();

    await idleFor(MINUTE_MS);
    await expect
      .poll(() => page.getByRole('button', { name: '4', exact: true }).isDisabled())
      .toBe(false);
    for (let i = 0; i < 5; i++) await staff.typeOnKeypad(WRONG_PIN);
    await staff
      .alert()
      .filter({ hasText: staffText('staff.pin.locked_other', 2) })
      .waitFor();

    // Two minutes untouched close the keypad as well; once the lock is over, the right PIN
    // opens and forgets the wrong ones.
    await idleFor(2 * MINUTE_MS);
    await staff.keypadHeading().waitFor({ state: 'detached' });
    await staff.unlock(PIN);
    await staff.heading().waitFor();
    expect(await readSetting(page, 'staffPinLockout')).toEqual({ failures: 0, lockouts: 0 });
  });

  it('checks the PIN with no network, from the configuration the device received', async () => {
    await goOffline(stack.browser.context);
    try {
      await page.reload();
      await staff.unlock(WRONG_PIN);
      await staff
        .alert()
        .filter({ hasText: staffText('staff.pin.wrong_other', 4) })
        .waitFor();
      await staff.typeOnKeypad(PIN);
      await staff.heading().waitFor();
    } finally {
      await goOnline(stack.browser.context);
    }
  });

  it('closes the staff view after two minutes without a touch', async () => {
    await staff.open(PIN);
    await idleFor(STAFF_IDLE_CLOSE_MS - 10_000);
    await staff.heading().waitFor();
    await idleFor(10_000);
    await staff.heading().waitFor({ state: 'detached' });
    await staff.entry().waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('');
  });

  it('closes an unanswered keypad after two minutes too', async () => {
    await staff.openKeypad();
    await idleFor(STAFF_IDLE_CLOSE_MS);
    await staff.keypadHeading().waitFor({ state: 'detached' });
    await staff.entry().waitFor();
  });

  it('opens at once on a branch without a PIN, and says one should be set', async () => {
    await stack.collector.cli(['branch', 'set', 'main', '--clear-staff-pin']);
    try {
      // The configuration is read at each start.
      await page.reload();
      await expect.poll(() => readSetting(page, 'staffPin'), CONFIG_WAIT).toBeNull();
      await staff.open();
      await staff.text('staff.pin.notSet').waitFor();
    } finally {
      await stack.collector.cli(['branch', 'set', 'main', '--staff-pin-stdin'], {
        stdin: `${PIN}\n`,
      });
      await page.reload();
      await expect.poll(() => readSetting(page, 'staffPin'), CONFIG_WAIT).not.toBeNull();
    }
  });
});

/** An English text of the keypad with its count. */
function staffText(key: string, count: number): string {
  return appText('en', key, { count });
}
