/**
 * Phone mode as a visitor meets it, from a poster's QR code: the survey opens in the
 * phone's language with no staff button, the signal drops just before Send and comes back,
 * the thank-you screen stays and says where the answers are, a second visit says the
 * visitor already answered, and a closed or unknown link says so politely. The collector's
 * public-link endpoints are answered inside the browser (support/public-links.ts); the
 * same flow against the real collector is phone-collector.test.ts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY_ID } from '../../src/surveys';
import { KioskPage } from './pages/kiosk-page';
import { axeViolations } from './support/axe';
import {
  goOffline,
  goOnline,
  IPHONE_SAFARI_UA,
  PHONE_SCREENSHOT_DIR as SCREENSHOT_DIR,
} from './support/browser';
import { readResponses, readSetting } from './support/indexeddb';
import { FakePublicApi, linkUrl } from './support/public-links';
import { answerQuickSurveyOnPhone, quickSurvey } from './support/quick-survey';
import { useStack } from './support/stack';
import { smallTargets } from './support/targets';
import { appText } from './support/texts';

const OPEN = 'Open0123456789_-abcdefghijklmnop';
const CLOSED = 'Clos0123456789_-abcdefghijklmnop';
const CLOSING = 'Clsg0123456789_-abcdefghijklmnop';
const LATER = 'Latr0123456789_-abcdefghijklmnop';
const UNKNOWN = 'Unkn0123456789_-abcdefghijklmnop';
const SOUTH = { id: 'south', name: 'South Branch' };

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe on ${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  expect(await smallTargets(page), `targets on ${screen}`).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
}

describe('a visitor answering on their own phone', () => {
  // A Slovenian iPhone: the survey must open in Slovenian by itself.
  const stack = useStack({
    browser: {
      locale: 'sl-SI',
      phone: { viewport: { width: 390, height: 844 }, userAgent: IPHONE_SAFARI_UA },
    },
  });
  let api: FakePublicApi;
  let page: Page;

  beforeEach(async () => {
    api = new FakePublicApi(stack.collector.url, quickSurvey())
      .link({ token: OPEN, branch: SOUTH, state: 'open' })
      .link({ token: CLOSED, branch: SOUTH, state: 'closed' })
      .link({ token: CLOSING, branch: SOUTH, state: 'open' })
      .link({ token: LATER, branch: SOUTH, state: 'open' });
    await api.install(stack.browser.context);
    page = await stack.browser.context.newPage();
  });

  afterEach(async () => {
    await goOnline(stack.browser.context);
    await page.close();
    await stack.browser.context.unrouteAll({ behavior: 'ignoreErrors' });
  });

  /** Answers the quick survey's two questions in Slovenian and reaches the review. */
  function answerSurvey(token: string): Promise<KioskPage> {
    return answerQuickSurveyOnPhone(page, linkUrl(stack.collector.url, token), 'sl', 4);
  }

  it('keeps the answers through a lost signal, sends them once, and thanks without lying', async () => {
    await page.goto(linkUrl(stack.collector.url, OPEN));
    const phone = new KioskPage(page, quickSurvey(), 'sl', DEFAULT_SURVEY_ID);
    await phone.button('welcome.start').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sl');
    // A phone is personal: no staff button.
    expect(await page.getByRole('button', { name: appText('sl', 'welcome.staff') }).count()).toBe(
      0,
    );
    await expectAccessible(page, 'phone welcome');

    await answerSurvey(OPEN);
    await goOffline(stack.browser.context);
    await phone.button('review.submit').click();
    await page.getByText(appText('sl', 'phone.thanks.waiting')).waitFor();
    // No countdown back to the welcome screen, no Done.
    expect(await phone.button('thanks.done').count()).toBe(0);
    await expectAccessible(page, 'phone thanks, waiting');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, '390x844-thanks-waiting.png') });

    await goOnline(stack.browser.context);
    await page.getByText(appText('sl', 'phone.thanks.received')).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, '390x844-thanks-received.png') });
    expect(api.received).toHaveLength(1);
    expect(api.received[0]).toMatchObject({
      token: OPEN,
      record: { channel: 'qr', branchId: SOUTH.id, locale: 'sl', completed: true },
    });
    expect(api.received[0]?.record.deviceId).toBe(await readSetting(page, 'deviceId'));

    // A second visit: thanked, not asked again.
    await page.reload();
    await page.getByRole('heading', { name: appText('sl', 'phone.answered.title') }).waitFor();
    await expectAccessible(page, 'phone already answered');
    expect(api.received).toHaveLength(1);
  });

  it('sends what waited when the visitor closed the tab offline and opens the link again', async () => {
    const phone = await answerSurvey(LATER);
    await goOffline(stack.browser.context);
    await phone.button('review.submit').click();
    await page.getByText(appText('sl', 'phone.thanks.waiting')).waitFor();
    await page.close();
    await goOnline(stack.browser.context);
    expect(api.received.filter((r) => r.token === LATER)).toEqual([]);

    page = await stack.browser.context.newPage();
    await page.goto(linkUrl(stack.collector.url, LATER));
    await page.getByRole('heading', { name: appText('sl', 'phone.answered.title') }).waitFor();
    await expect
      .poll(() => api.received.filter((r) => r.token === LATER).length, { timeout: 30_000 })
      .toBe(1);
  });

  it('says politely that a closed link is closed, and that an unknown one is not valid', async () => {
    await page.goto(linkUrl(stack.collector.url, CLOSED));
    await page.getByRole('heading', { name: appText('sl', 'phone.closed.title') }).waitFor();
    await page.getByText(appText('sl', 'phone.closed.body')).waitFor();
    expect(await page.getByRole('button').count()).toBe(0);
    await expectAccessible(page, 'phone link closed');

    await page.goto(linkUrl(stack.collector.url, UNKNOWN));
    await page.getByRole('heading', { name: appText('sl', 'phone.invalid.title') }).waitFor();
    await expectAccessible(page, 'phone link not valid');
    await page.goto(new URL('/s/not-a-token', stack.collector.url).toString());
    await page.getByRole('heading', { name: appText('sl', 'phone.invalid.title') }).waitFor();
  });

  it('keeps answers sent after their link closed as refused, and says they did not arrive', async () => {
    const phone = await answerSurvey(CLOSING);
    await goOffline(stack.browser.context);
    await phone.button('review.submit').click();
    await page.getByText(appText('sl', 'phone.thanks.waiting')).waitFor();
    api.close(CLOSING);
    await goOnline(stack.browser.context);
    await page.getByText(appText('sl', 'phone.thanks.closed')).waitFor({ timeout: 30_000 });
    const mine = (await readResponses(page)).filter((r) => r.branchId === SOUTH.id);
    expect(mine.find((r) => r.status === 'quarantined')?.quarantine?.reason).toMatch(
      /^link-closed: /,
    );
    expect(api.received.filter((r) => r.token === CLOSING)).toEqual([]);
  });
});
