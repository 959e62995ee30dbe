/**
 * Walking away, reloading mid-survey, switching language. Time is Playwright's
 * fake clock, so a minute of idleness takes no minute.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_SURVEYS } from '../../src/surveys';
import type { KioskPage } from './pages/kiosk-page';
import { readResponses } from './support/indexeddb';
import { closeKiosk, openKiosk, useStack } from './support/stack';
import { appText, onlySurvey, questionOf, surveyText } from './support/texts';

const survey = onlySurvey(BUILT_IN_SURVEYS);
const visits = questionOf(survey, 'visit-frequency');
const today = questionOf(survey, 'todays-visit');
const overall = questionOf(survey, 'overall-satisfaction');
const recommend = questionOf(survey, 'recommend');
const IDLE_MS = 60_000;
const WARNING_MS = 30_000;

describe('a patron who walks away, reloads or switches language', () => {
  const stack = useStack();
  let page: Page;
  let kiosk: KioskPage;

  beforeEach(async () => {
    ({ page, kiosk } = await openKiosk(stack, survey));
  });
  afterEach(() => closeKiosk(page));

  /**
   * Lets the screen settle on the fake clock (Preact starts its timers in effects, after a
   * frame), then jumps ahead: otherwise the jump can land before the idle timer exists.
   */
  async function idleFor(ms: number): Promise<void> {
    await page.clock.runFor(500);
    await page.clock.fastForward(ms);
  }

  async function dialog() {
    return page.getByRole('alertdialog', { name: appText(kiosk.language, 'idle.title') });
  }

  it('asks "Are you still there?" after a minute without a touch, and continuing keeps the place', async () => {
    await kiosk.start();
    await kiosk.answer(visits, 'weekly');
    await kiosk.next();
    await kiosk.expectQuestion(today);

    await idleFor(IDLE_MS + 1000);
    await (await dialog()).waitFor();
    // The fake clock also flows by itself, so the second shown depends on how long the
    // machine took: the countdown is near its start, then ten seconds on. The visible
    // countdown only: the live region says the same words once the dialog has opened.
    const shown = (from: number, to: number) =>
      page.locator('.idle-dialog p.countdown', {
        hasText: new RegExp(
          `^(${Array.from({ length: to - from + 1 }, (_, i) => appText('en', 'idle.countdown_other', { count: from + i })).join('|')})$`,
        ),
      });
    await shown(26, 30).waitFor();
    await idleFor(10_000);
    await shown(15, 20).waitFor();

    await page.getByRole('button', { name: appText('en', 'idle.continue') }).click();
    await expect.poll(async () => (await dialog()).count()).toBe(0);
    await kiosk.expectQuestion(today);
    await kiosk.button('question.back').click();
    expect(
      await page
        .getByRole('radio', {
          name: surveyText('en', survey.id, 'questions.visit-frequency.options.weekly'),
        })
        .isChecked(),
    ).toBe(true);
  });

  it('keeps what was answered as an incomplete response and starts over in the default language', async () => {
    await kiosk.chooseLanguage('hu');
    await kiosk.start();
    await kiosk.answer(visits, 'monthly');
    await kiosk.next();
    await kiosk.answer(today, { selected: ['event'], other: 'Könyvbörze' });
    await kiosk.next();
    await kiosk.expectQuestion(overall);

    await idleFor(IDLE_MS + 1000);
    await (await dialog()).waitFor();
    await idleFor(WARNING_MS + 1000);

    kiosk.language = 'en';
    await page
      .getByRole('heading', { level: 1, name: surveyText('en', survey.id, 'title') })
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // Nothing of the previous patron stays on screen.
    expect(await page.getByText('Könyvbörze').count()).toBe(0);

    await expect
      .poll(async () => (await readResponses(page)).map((r) => r.status))
      .toEqual(['queued']);
    const [row] = await readResponses(page);
    expect(row).toMatchObject({
      completed: false,
      locale: 'hu',
      answers: {
        'visit-frequency': 'monthly',
        'todays-visit': { selected: ['event'], other: 'Könyvbörze' },
      },
    });
  });

  it('leaves nothing behind when the patron walked away before answering', async () => {
    await kiosk.start();
    await idleFor(IDLE_MS + 1000);
    await (await dialog()).waitFor();
    await idleFor(WARNING_MS + 1000);
    await kiosk.button('welcome.start').waitFor();
    expect(await readResponses(page)).toEqual([]);
  });

  it('returns an unattended welcome screen to the default language', async () => {
    await kiosk.chooseLanguage('ru');
    await page.getByRole('button', { name: appText('ru', 'welcome.start') }).waitFor();
    await idleFor(IDLE_MS + 1000);
    await page.getByRole('button', { name: appText('en', 'welcome.start') }).waitFor();
  });

  it('resumes a reloaded survey on the question it was left on, with its answers', async () => {
    await kiosk.start();
    await kiosk.answer(visits, 'first-time');
    await kiosk.next();
    await kiosk.answer(today, { selected: ['browse-read'] });
    await kiosk.next();
    await kiosk.answer(overall, 5);
    await kiosk.next();
    await kiosk.expectQuestion(recommend);
    await expect
      .poll(async () => (await readResponses(page))[0]?.answers)
      .toEqual({
        'visit-frequency': 'first-time',
        'todays-visit': { selected: ['browse-read'] },
        'overall-satisfaction': 5,
      });

    await page.reload();
    await kiosk.expectQuestion(recommend);
    await kiosk.button('question.back').click();
    await kiosk.expectQuestion(overall);
    expect(
      await page
        .getByRole('radio', { name: surveyText('en', survey.id, 'scales.satisfaction.5') })
        .isChecked(),
    ).toBe(true);
  });

  it('closes a draft left longer than the idle period as incomplete instead of resuming it', async () => {
    await kiosk.start();
    await kiosk.answer(visits, 'weekly');
    await kiosk.next();
    await expect.poll(async () => (await readResponses(page)).length).toBe(1);
    // The tablet slept: the draft was last touched ten minutes ago.
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const request = indexedDB.open('library-survey');
          request.onsuccess = () => {
            const store = request.result
              .transaction('responses', 'readwrite')
              .objectStore('responses');
            store.getAll().onsuccess = (event) => {
              for (const row of (event.target as IDBRequest).result)
                store.put({ ...row, updatedAt: row.updatedAt - 10 * 60_000 });
              store.transaction.oncomplete = () => resolve(undefined);
            };
          };
        }),
    );

    await page.reload();
    await kiosk.button('welcome.start').waitFor();
    const [row] = await readResponses(page);
    expect(row).toMatchObject({
      status: 'queued',
      completed: false,
      answers: { 'visit-frequency': 'weekly' },
    });
  });

  it('keeps the answers when the patron changes language mid-survey', async () => {
    await kiosk.start();
    await kiosk.answer(visits, 'weekly');
    await kiosk.next();
    await kiosk.switchLanguageMidSurvey('lt');
    await kiosk.expectQuestion(today);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('lt');
    await kiosk.button('question.back').click();
    await kiosk.expectQuestion(visits);
    expect(
      await page
        .getByRole('radio', {
          name: surveyText('lt', survey.id, 'questions.visit-frequency.options.weekly'),
        })
        .isChecked(),
    ).toBe(true);
    await expect.poll(async () => (await readResponses(page))[0]?.locale).toBe('lt');
  });

  it('asks for an answer before leaving a required question', async () => {
    await kiosk.start();
    await kiosk.next();
    await page
      .getByRole('alert')
      .filter({ hasText: appText('en', 'question.required') })
      .waitFor();
    await kiosk.expectQuestion(visits);
  });
});
