/**
 * The survey on a phone, upright and on its side, from 360 × 640 up: one question per
 * screen, every target at least 48 px tall, nothing scrolling sideways, axe-core clean, and
 * each scale whole on one line (a 0–10 scale wrapped into 0–5 over 6–10 reads as two
 * scales). The same screens a kiosk shows on a small tablet.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { GAP_DIMENSIONS, SCALE_POINTS } from '../../src/shared/contract/constants';
import { GAP_KEYS, NPS_KEYS } from '../../src/shared/survey/translation-keys';
import { BUILT_IN_SURVEYS } from '../../src/surveys';
import { KioskPage } from './pages/kiosk-page';
import { patronAnswers } from './support/answers';
import { axeViolations } from './support/axe';
import {
  IPHONE_SAFARI_UA,
  type PhoneProfile,
  PHONE_SCREENSHOT_DIR as SCREENSHOT_DIR,
} from './support/browser';
import { closeKiosk, useStack } from './support/stack';
import { smallTargets } from './support/targets';
import { appText, onlySurvey, surveyText } from './support/texts';

const survey = onlySurvey(BUILT_IN_SURVEYS);

async function box(element: Locator) {
  const found = await element.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
}

/**
 * The first and last point of a scale start at the same height: the scale is one line. Its
 * end labels sit right under their ends: the low one from the first point's left edge, the
 * high one to the last point's right edge, with nothing between them and the points.
 */
async function expectOneLine(
  scope: Page | Locator,
  scale: { min: number; max: number; low: string; high: string },
  what: string,
) {
  const at = (n: number) => scope.getByRole('radio', { name: String(n), exact: true });
  const [first, last] = [await box(at(scale.min)), await box(at(scale.max))];
  expect(Math.round(last.y), `${what}: ${scale.max} beside ${scale.min}`).toBe(Math.round(first.y));
  const low = await box(scope.getByText(`${scale.min} – ${scale.low}`, { exact: true }));
  const high = await box(scope.getByText(`${scale.max} – ${scale.high}`, { exact: true }));
  for (const label of [low, high]) {
    const below = label.y - (first.y + first.height);
    expect(below, `${what}: an end label right under the scale`).toBeGreaterThanOrEqual(0);
    expect(below, `${what}: an end label right under the scale`).toBeLessThan(24);
  }
  expect(Math.abs(low.x - first.x), `${what}: the low label under ${scale.min}`).toBeLessThan(2);
  expect(
    Math.abs(high.x + high.width - (last.x + last.width)),
    `${what}: the high label under ${scale.max}`,
  ).toBeLessThan(2);
}

const text = (key: string) => surveyText('en', survey.id, key);

async function expectFits(page: Page, screen: string): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
  expect(await smallTargets(page), `targets on ${screen}`).toEqual([]);
  const violations = await axeViolations(page);
  expect(violations, `axe on ${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

const PROFILES: [string, PhoneProfile][] = [
  ['an iPhone (390 × 844)', { viewport: { width: 390, height: 844 }, userAgent: IPHONE_SAFARI_UA }],
  ['a small phone (360 × 640)', { viewport: { width: 360, height: 640 } }],
  ['a small phone on its side (640 × 360)', { viewport: { width: 640, height: 360 } }],
];

describe.each(PROFILES)('the survey on %s', (name, phone) => {
  const stack = useStack({ browser: { phone } });

  it('keeps every scale on one line and every screen within the width, touchable and accessible', async () => {
    const page = await stack.browser.context.newPage();
    await page.goto(stack.collector.url);
    const kiosk = new KioskPage(page, survey);
    await kiosk.button('welcome.start').waitFor();
    await expectFits(page, `${name}: welcome`);
    await kiosk.start();

    const answers = patronAnswers('en');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const { width, height } = phone.viewport;
    const shot = (what: string) =>
      page.screenshot({ path: join(SCREENSHOT_DIR, `${width}x${height}-${what}.png`) });
    for (const question of survey.questions) {
      await kiosk.expectQuestion(question);
      const screen = `${name}: ${question.id}`;
      if (question.type === 'nps') {
        const scale = { ...SCALE_POINTS.nps, low: text(NPS_KEYS.low), high: text(NPS_KEYS.high) };
        await expectOneLine(page, scale, screen);
        await shot('nps');
      }
      if (question.type === 'gap') {
        for (const dimension of GAP_DIMENSIONS) {
          const line = page.getByRole('group', { name: text(GAP_KEYS[dimension]), exact: true });
          const scale = { ...SCALE_POINTS.gap, low: text(GAP_KEYS.low), high: text(GAP_KEYS.high) };
          await expectOneLine(line, scale, `${screen} (${dimension})`);
        }
        await shot('gap');
      }
      const value = answers[question.id];
      if (value === undefined) {
        await expectFits(page, screen);
        await kiosk.button('question.skip').click();
        continue;
      }
      await kiosk.answer(question, value);
      await expectFits(page, screen);
      await kiosk.next();
    }
    await kiosk.button('review.submit').click();
    await page.getByRole('heading', { name: appText('en', 'thanks.title') }).waitFor();
    await expectFits(page, `${name}: thanks`);
    await closeKiosk(page);
  });
});
