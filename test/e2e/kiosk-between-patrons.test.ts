/**
 * What one patron leaves for the next: the staff view, a double tap on Send, a reload on
 * the last screen, a tablet that slept, and an answer taken back. Nothing of a previous
 * patron may come back on screen, and nothing they removed may stay on the device.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SurveyPackage } from '../../src/shared/contract/survey-package';
import { BUILT_IN_SURVEYS, DEFAULT_SURVEY_ID } from '../../src/surveys';
import { builtInPackages } from '../../src/surveys/packages';
import { KioskPage } from './pages/kiosk-page';
import { StaffPage } from './pages/staff-page';
import { patronAnswers } from './support/answers';
import { readResponses, readSetting } from './support/indexeddb';
import { closeKiosk, openKiosk, useStack } from './support/stack';
import { appText, onlySurvey, questionOf } from './support/texts';

const survey = onlySurvey(BUILT_IN_SURVEYS);
const visits = questionOf(survey, 'visit-frequency');
const today = questionOf(survey, 'todays-visit');
const overall = questionOf(survey, 'overall-satisfaction');

describe('between one patron and the next', () => {
  const stack = useStack();
  let page: Page;
  let kiosk: KioskPage;

  beforeEach(async () => {
    ({ page, kiosk } = await openKiosk(stack, survey));
  });
  afterEach(() => closeKiosk(page));

  it('returns from the staff view to a fresh welcome screen after a resumed survey was sent', async () => {
    await kiosk.start();
    await kiosk.answer(visits, 'first-time');
    await kiosk.next();
    await kiosk.answer(today, { selected: ['event'], other: 'A private remark' });
    await kiosk.next();
    await kiosk.expectQuestion(overall);
    await expect
      .poll(async () => (await readResponses(page))[0]?.answers['todays-visit'])
      .toBeTruthy();
    await page.reload();
    await kiosk.answerThrough(patronAnswers('en'), overall);
    await kiosk.button('review.submit').click();
    await kiosk.button('thanks.done').click();

    const staff = new StaffPage(page);
    await staff.open();
    await staff.close();
    await kiosk.button('welcome.start').waitFor();
    expect(await page.locator('body').textContent()).not.toContain('A private remark');
    expect(await page.getByRole('alert').count()).toBe(0);

    // The next patron's answers are saved as a new response.
    await kiosk.start();
    await kiosk.answer(visits, 'weekly');
    await kiosk.next();
    await expect.poll(async () => (await readResponses(page)).length).toBe(2);
  });

  it('opens a second tab on the welcome screen, leaving the survey on screen in the first to its patron', async () => {
    await kiosk.start();
    await kiosk.answer(visits, 'weekly');
    await kiosk.next();
    await kiosk.expectQuestion(today);
    await expect.poll(async () => (await readResponses(page)).length).toBe(1);

    const second = await stack.browser.context.newPage();
    await second.goto(`${stack.collector.url}/#/staff`);
    await new StaffPage(second).close();
    const other = new KioskPage(second, survey);
    await other.button('welcome.start').waitFor();
    await second.close();

    await page.bringToFront();
    await kiosk.answer(today, { selected: ['event'] });
    await kiosk.next();
    await kiosk.expectQuestion(overall);
    await expect
      .poll(async () =>
        (await readResponses(page)).map((r) => [r.status, r.answers['todays-visit']]),
      )
      .toEqual([['draft', { selected: ['event'] }]]);
  });

  it('shows the staff view in the kiosk language and gives the page its language back', async () => {
    await kiosk.chooseLanguage('ru');
    await page.getByRole('button', { name: appText('ru', 'welcome.staff') }).click();
    await page.getByRole('heading', { name: appText('ru', 'staff.title') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await page.getByRole('button', { name: appText('ru', 'staff.close') }).click();
    await page.getByRole('button', { name: appText('ru', 'welcome.start') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
  });

  it('keeps one response and shows no error when Send is tapped twice', async () => {
    await kiosk.start();
    await kiosk.answerThrough(patronAnswers('en'));
    await kiosk.button('review.submit').dblclick();
    await kiosk.button('thanks.done').waitFor();
    await page.clock.runFor(1000);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect((await readResponses(page)).map((r) => r.status)).toEqual(['queued']);
  });

  it('comes back to the last screen, not the first question, after a reload there', async () => {
    await kiosk.start();
    await kiosk.answerThrough(patronAnswers('en'));
    await expect
      .poll(async () => (await readResponses(page))[0]?.answers['lives-locally'])
      .toBe('yes');
    await page.reload();
    await kiosk.button('review.submit').waitFor();
    await kiosk.button('question.back').click();
    await kiosk.expectQuestion(questionOf(survey, 'lives-locally'));
  });

  it('does not flash the answer reminder on the next question', async () => {
    await kiosk.start();
    await page.evaluate(() => {
      const added: string[] = [];
      Object.assign(window, { reminders: added });
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node instanceof HTMLElement && node.matches('[role=alert], :has([role=alert])'))
              added.push(node.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true });
    });
    await kiosk.answer(visits, 'weekly');
    await kiosk.next();
    await kiosk.expectQuestion(today);
    await page.clock.runFor(500);
    expect(
      await page.evaluate(() => (window as unknown as { reminders: string[] }).reminders),
    ).toEqual([]);
  });

  it('wakes from a long sleep on the welcome screen, the answers kept as incomplete', async () => {
    await kiosk.start();
    await kiosk.answer(visits, 'weekly');
    await kiosk.next();
    await kiosk.expectQuestion(today);
    await page.clock.runFor(500);
    // Timers do not run while a tablet sleeps: ten minutes pass in one jump.
    await page.clock.fastForward(10 * 60_000);
    await kiosk.button('welcome.start').waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await expect
      .poll(async () => (await readResponses(page)).map((r) => [r.status, r.completed]))
      .toEqual([['queued', false]]);
  });
});

/** A survey that opens with the optional free-text question, so a patron can take back every answer. */
function commentFirst(): SurveyPackage {
  const [builtIn] = builtInPackages();
  if (!builtIn) throw new Error('no built-in survey');
  const order = ['one-improvement', 'overall-satisfaction'];
  return {
    ...builtIn,
    id: 'comment-first',
    version: 1,
    questions: order.flatMap((id) => builtIn.questions.filter((q) => q.id === id)),
  };
}

describe('an answer the patron takes back', () => {
  const stack = useStack();
  const pkg = commentFirst();

  it('does not stay on the device', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'comment-first-')), 'survey.json');
    writeFileSync(file, JSON.stringify(pkg));
    await stack.collector.cli(['survey', 'import', file]);
    await stack.collector.cli(['branch', 'set', 'main', '--survey', pkg.id]);
    const output = await stack.collector.cli(['code', 'create', '--branch', 'main']);
    const link = /(http\S+#enroll=[0-9A-Z-]+)/.exec(output)?.[1] ?? '';
    const page = await stack.browser.context.newPage();
    await new StaffPage(page).enrollWithLink(link, 'Comment tablet');
    await expect
      .poll(() => readSetting(page, 'activeSurvey'), { timeout: 15_000 })
      .toEqual({ id: pkg.id, version: 1 });
    await page.goto(stack.collector.url);
    const kiosk = new KioskPage(page, pkg, 'en', DEFAULT_SURVEY_ID);
    await kiosk.start();
    const comment = questionOf(pkg, 'one-improvement');
    await kiosk.expectQuestion(comment);

    await kiosk.answer(comment, 'My library card number is 12345');
    await expect
      .poll(async () => (await readResponses(page))[0]?.answers)
      .toEqual({
        'one-improvement': 'My library card number is 12345',
      });
    await kiosk.answer(comment, '');
    await expect.poll(async () => (await readResponses(page))[0]?.answers).toEqual({});
    await page.close();
  });
});
