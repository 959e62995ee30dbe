/**
 * No answer lost to a tap: the page dies (the renderer is killed through CDP, as when the
 * battery runs out or the system kills the tab) right after an answer, and the app opened
 * again in the same profile resumes on that question with the answer in place. The page's
 * clock is stopped before the answer, so no timer of the app can run: whatever reached the
 * disk got there without one.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_SURVEYS } from '../../src/surveys';
import { KioskPage } from './pages/kiosk-page';
import { patronAnswers } from './support/answers';
import { readResponses } from './support/indexeddb';
import { closeKiosk, openKiosk, useStack } from './support/stack';
import { appText, onlySurvey, questionOf, surveyText } from './support/texts';

const survey = onlySurvey(BUILT_IN_SURVEYS);
const visits = questionOf(survey, 'visit-frequency');
const today = questionOf(survey, 'todays-visit');
const gap = questionOf(survey, 'gap-staff-service');
const improvement = questionOf(survey, 'one-improvement');
/** A write to IndexedDB is a state to wait for; a loaded machine may take its time. */
const ON_DISK = { timeout: 10_000 };

/** How far ahead the clock stops: short of every timer the app sets on a question screen. */
const PAUSE_AHEAD_MS = 5_000;

describe('an answer given just before the page dies', () => {
  const stack = useStack();
  let page: Page;
  let kiosk: KioskPage;

  beforeEach(async () => {
    ({ page, kiosk } = await openKiosk(stack, survey));
  });
  afterEach(async () => {
    // The tab goes first, so nothing a failed test left waiting runs once time runs again;
    // the clock belongs to the browser context, and the next test needs it running.
    try {
      await closeKiosk(page);
    } finally {
      await page.clock.resume();
    }
  });

  /** From here on no timer of the page fires: the app's writes must not wait for one. */
  async function stopTime(): Promise<void> {
    // The page's clock runs while the pause is asked for, and on a busy machine it can pass
    // the chosen moment first; Playwright then refuses to go back, so ask again from now.
    for (;;) {
      const now = await page.evaluate(() => Date.now());
      try {
        await page.clock.pauseAt(now + PAUSE_AHEAD_MS);
        return;
      } catch (error) {
        if (!String(error).includes('to the past')) throw error;
      }
    }
  }

  /** The open draft's answers and unfinished gap lines, as the app stored them. */
  async function draft() {
    const [row] = await readResponses(page);
    return { answers: row?.answers, partialGaps: row?.partialGaps };
  }

  /** Kills the renderer, then opens the app again in a new tab of the same profile. */
  async function crashAndReopen(): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    const crashed = new Promise((resolve) => page.once('crash', resolve));
    // Page.crash never answers: the renderer that would answer is gone.
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    await page.close();
    page = await stack.browser.context.newPage();
    await page.clock.resume();
    await page.goto(stack.collector.url);
    kiosk = new KioskPage(page, survey);
  }

  function radio(name: string) {
    return page.getByRole('radio', { name, exact: true });
  }

  function gapLine(dimension: string) {
    return page.getByRole('group', {
      name: surveyText('en', survey.id, `scales.gap.${dimension}`),
      exact: true,
    });
  }

  it('resumes on the question with the option tapped just before the crash', async () => {
    await kiosk.start();
    await kiosk.expectQuestion(visits);
    await stopTime();
    await kiosk.answer(visits, 'weekly');
    await expect
      .poll(async () => (await draft()).answers, ON_DISK)
      .toEqual({ 'visit-frequency': 'weekly' });

    await crashAndReopen();
    await kiosk.expectQuestion(visits);
    const weekly = surveyText('en', survey.id, 'questions.visit-frequency.options.weekly');
    expect(await radio(weekly).isChecked()).toBe(true);
  });

  it.each([
    [
      'the page is hidden (the screen goes off)',
      () => {
        // Headless Chromium never hides a page by itself, so the page is told it is hidden.
        Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      },
    ],
    [
      'the page is left (pagehide)',
      () => {
        dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      },
    ],
  ])('keeps the text typed just before the crash when %s', async (_, hide) => {
    await kiosk.start();
    await kiosk.answerUpTo(improvement, patronAnswers('en'));
    await stopTime();
    const text = 'Longer opening hours on Saturdays, please.';
    await kiosk.answer(improvement, text);

    await page.evaluate(hide);
    await expect.poll(async () => (await draft()).answers?.['one-improvement'], ON_DISK).toBe(text);

    await crashAndReopen();
    await kiosk.expectQuestion(improvement);
    const box = page.getByRole('textbox', {
      name: surveyText('en', survey.id, 'questions.one-improvement.text'),
    });
    expect(await box.inputValue()).toBe(text);
  });

  it('keeps an "Other" text written when the patron leaves the field', async () => {
    await kiosk.start();
    await kiosk.answerUpTo(today, patronAnswers('en'));
    await stopTime();
    await kiosk.answer(today, { selected: ['event'], other: 'Book fair' });
    // Ticking "Other" is a choice, written at once; the text typed after it waits.
    await expect
      .poll(async () => (await draft()).answers?.['todays-visit'], ON_DISK)
      .toEqual({ selected: ['event'], other: '' });

    await page.getByRole('textbox', { name: appText('en', 'answer.otherLabel') }).press('Tab');
    await expect
      .poll(async () => (await draft()).answers?.['todays-visit'], ON_DISK)
      .toEqual({ selected: ['event'], other: 'Book fair' });

    await crashAndReopen();
    await kiosk.expectQuestion(today);
    expect(
      await page.getByRole('textbox', { name: appText('en', 'answer.otherLabel') }).inputValue(),
    ).toBe('Book fair');
  });

  it('keeps the lines of a gap item answered on two lines, and still asks for the third', async () => {
    await kiosk.start();
    await kiosk.answerUpTo(gap, patronAnswers('en'));
    await stopTime();
    await kiosk.answerGapLines({ minimum: 5, perceived: 'na' });
    await expect
      .poll(draft, ON_DISK)
      .toMatchObject({ partialGaps: { 'gap-staff-service': { minimum: 5, perceived: 'na' } } });
    expect((await draft()).answers).not.toHaveProperty('gap-staff-service');

    await crashAndReopen();
    await kiosk.expectQuestion(gap);
    const na = appText('en', 'answer.notApplicable');
    expect(
      await gapLine('minimum').getByRole('radio', { name: '5', exact: true }).isChecked(),
    ).toBe(true);
    expect(
      await gapLine('perceived').getByRole('radio', { name: na, exact: true }).isChecked(),
    ).toBe(true);
    expect(await gapLine('desired').getByRole('radio', { checked: true }).count()).toBe(0);

    await kiosk.next();
    await page
      .getByRole('alert')
      .filter({ hasText: appText('en', 'question.requiredGap') })
      .waitFor();
    await kiosk.expectQuestion(gap);

    await kiosk.answerGapLines({ desired: 8 });
    await kiosk.next();
    await kiosk.expectQuestion(questionOf(survey, 'gap-information-access'));
    await expect.poll(draft, ON_DISK).toMatchObject({
      answers: { 'gap-staff-service': { minimum: 5, desired: 8, perceived: 'na' } },
      partialGaps: undefined,
    });
  });
});
