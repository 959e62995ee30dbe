/**
 * Accessibility: every screen passes axe-core (WCAG 2.2 A and AA, contrast included) with no
 * violations, every control is a target of at least 48 px, and a patron can answer with
 * the keyboard alone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/shared/languages';
import { BUILT_IN_SURVEYS } from '../../src/surveys';
import { KioskPage } from './pages/kiosk-page';
import { patronAnswers } from './support/answers';
import { axeViolations } from './support/axe';
import { useStack } from './support/stack';
import { smallTargets } from './support/targets';
import { appText, onlySurvey, questionOf, surveyText } from './support/texts';

const survey = onlySurvey(BUILT_IN_SURVEYS);

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe on ${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  expect(await smallTargets(page), `targets on ${screen}`).toEqual([]);
}

describe.each([
  ['a tablet', { width: 1024, height: 768 }],
  ['a phone', { width: 390, height: 844 }],
])('every screen on %s', (_, viewport) => {
  const stack = useStack({ browser: { viewport } });

  it('is accessible from the welcome screen to the thank-you screen', async () => {
    const page = await stack.browser.context.newPage();
    await page.clock.install();
    await page.goto(stack.collector.url);
    const kiosk = new KioskPage(page, survey);
    await kiosk.button('welcome.start').waitFor();
    for (const language of LANGUAGES) {
      await kiosk.chooseLanguage(language);
      await page
        .getByRole('heading', { level: 1, name: surveyText(language, survey.id, 'title') })
        .waitFor();
      await expectAccessible(page, `welcome (${language})`);
    }
    await kiosk.chooseLanguage('en');

    const answers = patronAnswers('en');
    await kiosk.start();
    for (const question of survey.questions) {
      await kiosk.expectQuestion(question);
      await expectAccessible(page, `${question.id} unanswered`);
      const value = answers[question.id];
      if (value === undefined) {
        await kiosk.button('question.skip').click();
        continue;
      }
      await kiosk.answer(question, value);
      await expectAccessible(page, `${question.id} answered`);
      await kiosk.next();
    }
    await kiosk.button('review.submit').waitFor();
    await expectAccessible(page, 'review');

    // Let the idle timer start (Preact effects run after a frame), then jump ahead.
    await page.clock.runFor(500);
    await page.clock.fastForward(61_000);
    await page.getByRole('alertdialog').waitFor();
    await expectAccessible(page, 'are you still there');
    await page.getByRole('button', { name: appText('en', 'idle.continue') }).click();

    await kiosk.button('review.submit').click();
    await page.getByRole('heading', { name: appText('en', 'thanks.title') }).waitFor();
    await expectAccessible(page, 'thanks');

    await kiosk.button('thanks.done').click();
    await page.getByRole('button', { name: appText('en', 'welcome.staff') }).click();
    await page.getByRole('heading', { name: appText('en', 'staff.title') }).waitFor();
    await expectAccessible(page, 'staff status');
    await page.close();
  });
});

describe('a patron using only the keyboard', () => {
  const stack = useStack();

  it('chooses a language, starts, answers and moves on without a pointer', async () => {
    const page = await stack.browser.context.newPage();
    await page.goto(stack.collector.url);
    const kiosk = new KioskPage(page, survey);
    await kiosk.button('welcome.start').waitFor();

    // Tab to Magyar and press it.
    const magyar = page.getByRole('button', { name: 'Magyar', exact: true });
    for (let i = 0; i < 10 && !(await magyar.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    kiosk.language = 'hu';
    const start = kiosk.button('welcome.start');
    await start.waitFor();
    await start.focus();
    await page.keyboard.press('Enter');

    // The new question takes focus; Tab reaches the first option, arrows choose within the group.
    await kiosk.expectQuestion(questionOf(survey, 'visit-frequency'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    const weekly = page.getByRole('radio', {
      name: surveyText('hu', survey.id, 'questions.visit-frequency.options.weekly'),
    });
    expect(await weekly.isChecked()).toBe(true);
    // On to Next, past the language menu and Back (there is none on the first question).
    const next = kiosk.button('question.next');
    for (let i = 0; i < 10 && !(await next.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await kiosk.expectQuestion(questionOf(survey, 'todays-visit'));
    await page.close();
  });
});
