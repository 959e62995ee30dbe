/**
 * What a screen reader is told, and a keyboard alone: focus on each new question's heading,
 * its position said once per question in the patron's language, the answer reminder said on
 * every empty Next, the walk-away question's time said only when it opens and at ten
 * seconds, the tab's title and the page's language in all five languages, the collector's
 * page in the visitor's language, and the whole survey answered with Tab, Space and Enter
 * with the focus always visible.
 *
 * What is "said" is recorded in the page by a MutationObserver: a change inside a live
 * region that was already there (aria-live, role=alert or status). A region inserted
 * together with its text is not recorded, as screen readers do not reliably say it either.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../src/shared/languages';
import { BUILT_IN_SURVEYS } from '../../src/surveys';
import type { KioskPage } from './pages/kiosk-page';
import { closeKiosk, openKiosk, useStack } from './support/stack';
import { appText, onlySurvey, questionOf, surveyText } from './support/texts';

const survey = onlySurvey(BUILT_IN_SURVEYS);
const visits = questionOf(survey, 'visit-frequency');
const today = questionOf(survey, 'todays-visit');
const overall = questionOf(survey, 'overall-satisfaction');
const IDLE_MS = 60_000;
const WARNING_MS = 30_000;
/** Every question is shown to a patron who answers as below: none is conditional. */
const TOTAL = survey.questions.length;

interface Said {
  /** `alert`, `dialog` (inside the walk-away question) or `polite`. */
  where: string;
  text: string;
}

/**
 * Records what live regions say, in this document and in every one loaded after (a reload):
 * installed before the app's scripts, so nothing said at start-up is missed.
 */
function speechRecorder(): void {
  const page = window as unknown as { __said?: { where: string; text: string }[] };
  if (page.__said) return;
  const log: { where: string; text: string }[] = [];
  page.__said = log;
  const LIVE = '[aria-live]:not([aria-live="off"]), [role="alert"], [role="status"]';
  new MutationObserver((records) => {
    const regions = new Set<Element>();
    for (const record of records) {
      const node = record.target instanceof Element ? record.target : record.target.parentElement;
      const region = node?.closest(LIVE);
      if (region) regions.add(region);
    }
    for (const region of regions) {
      const text = region.textContent?.trim() ?? '';
      // Emptied is silent: only words are said.
      if (text === '') continue;
      const where = region.closest('dialog')
        ? 'dialog'
        : region.getAttribute('role') === 'alert'
          ? 'alert'
          : 'polite';
      log.push({ where, text });
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

async function recordSpeech(page: Page): Promise<void> {
  await page.addInitScript(speechRecorder);
  await page.evaluate(speechRecorder);
}

async function said(page: Page, where: string): Promise<string[]> {
  const log = await page.evaluate(() => (window as unknown as { __said: Said[] }).__said);
  return log.filter((entry) => entry.where === where).map((entry) => entry.text);
}

const position = (language: Language, n: number) =>
  appText(language, 'question.progress', { position: n, total: TOTAL });

describe('a screen reader and a keyboard on the kiosk', () => {
  const stack = useStack();
  let page: Page;
  let kiosk: KioskPage;

  beforeEach(async () => {
    ({ page, kiosk } = await openKiosk(stack, survey));
  });
  afterEach(() => closeKiosk(page));

  /** The focused element's text, when it is the question's heading. */
  async function focusedHeading(): Promise<string | undefined> {
    return page.evaluate(() => {
      const active = document.activeElement;
      return active?.tagName === 'H1' ? (active.textContent ?? '') : undefined;
    });
  }

  const questionText = (language: Language, id: string) =>
    surveyText(language, survey.id, `questions.${id}.text`);

  /** Lets the screen settle on the fake clock, then jumps ahead (as kiosk-walk-away does). */
  async function idleFor(ms: number): Promise<void> {
    await page.clock.runFor(500);
    await page.clock.fastForward(ms);
  }

  it('moves the focus to each question and says its position once, in the patron’s language', async () => {
    await kiosk.chooseLanguage('sl');
    await recordSpeech(page);
    await kiosk.start();
    await kiosk.expectQuestion(visits);
    await expect.poll(focusedHeading).toBe(questionText('sl', visits.id));
    await expect.poll(() => said(page, 'polite')).toEqual([position('sl', 1)]);

    // Changing an answer says nothing; Next, Back and Next again say each position once.
    await kiosk.answer(visits, 'weekly');
    await kiosk.answer(visits, 'monthly');
    await kiosk.next();
    await kiosk.expectQuestion(today);
    await expect.poll(focusedHeading).toBe(questionText('sl', today.id));
    await expect.poll(() => said(page, 'polite')).toEqual([position('sl', 1), position('sl', 2)]);

    await kiosk.button('question.back').click();
    await kiosk.expectQuestion(visits);
    await expect.poll(focusedHeading).toBe(questionText('sl', visits.id));
    // (A patron moving on before a position was said is not told the one left behind.)
    await expect.poll(() => said(page, 'polite')).toEqual([1, 2, 1].map((n) => position('sl', n)));
    await kiosk.next();
    await kiosk.expectQuestion(today);
    await expect.poll(focusedHeading).toBe(questionText('sl', today.id));
    await expect
      .poll(() => said(page, 'polite'))
      .toEqual([1, 2, 1, 2].map((n) => position('sl', n)));
    await kiosk.answer(today, { selected: ['borrow-return'] });
    await kiosk.next();
    await kiosk.expectQuestion(overall);
    await expect.poll(focusedHeading).toBe(questionText('sl', overall.id));
    await expect
      .poll(() => said(page, 'polite'))
      .toEqual([1, 2, 1, 2, 3].map((n) => position('sl', n)));

    // Another language: the question is read again in it, focus on its heading.
    await kiosk.switchLanguageMidSurvey('lt');
    await kiosk.expectQuestion(overall);
    await expect.poll(focusedHeading).toBe(questionText('lt', overall.id));
    await expect
      .poll(() => said(page, 'polite'))
      .toEqual([...[1, 2, 1, 2, 3].map((n) => position('sl', n)), position('lt', 3)]);

    // A reload resumes on the question, with the focus on it and its position said.
    await page.reload();
    kiosk.language = 'lt';
    await kiosk.expectQuestion(overall);
    await expect.poll(focusedHeading).toBe(questionText('lt', overall.id));
    await expect.poll(() => said(page, 'polite')).toEqual([position('lt', 3)]);
    expect(await page.getByText(position('lt', 3)).first().isVisible()).toBe(true);
  });

  it('says "please choose an answer" each time Next is pressed without one', async () => {
    await recordSpeech(page);
    await kiosk.start();
    await kiosk.expectQuestion(visits);
    const required = appText('en', 'question.required');
    const answers = page.getByRole('group', { name: questionText('en', visits.id) });
    expect(await answers.getAttribute('aria-invalid')).toBeNull();

    for (const times of [1, 2, 3]) {
      await kiosk.next();
      await expect.poll(() => said(page, 'alert')).toEqual(Array(times).fill(required));
    }
    await kiosk.expectQuestion(visits);
    expect(await answers.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await answers.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(required);

    // Answered, the reminder and the group's invalid state go; nothing more is said.
    await kiosk.answer(visits, 'weekly');
    await expect.poll(() => answers.getAttribute('aria-invalid')).toBeNull();
    expect(await answers.getAttribute('aria-describedby')).toBeNull();
    await kiosk.next();
    await kiosk.expectQuestion(today);
    expect(await said(page, 'alert')).toEqual(Array(3).fill(required));
  });

  it('says the time left when "Are you still there?" opens and at ten seconds, not every second', async () => {
    await kiosk.start();
    await kiosk.expectQuestion(visits);
    await recordSpeech(page);
    await idleFor(IDLE_MS + 1000);
    const dialog = page.getByRole('alertdialog', {
      name: appText('en', 'idle.title'),
      description: appText('en', 'idle.body'),
    });
    await dialog.waitFor();
    const countdown = (count: number) =>
      appText('en', count === 1 ? 'idle.countdown_one' : 'idle.countdown_other', { count });
    await expect.poll(() => said(page, 'dialog')).toEqual([countdown(30)]);
    const continueButton = page.getByRole('button', { name: appText('en', 'idle.continue') });
    expect(await continueButton.evaluate((el) => el === document.activeElement)).toBe(true);

    // Times shown, whichever second the clock (which also flows by itself) lands on.
    const shown = (from: number, to: number) =>
      page.getByText(
        new RegExp(
          `^(${Array.from({ length: to - from + 1 }, (_, i) => countdown(from + i)).join('|')})$`,
        ),
      );
    await idleFor(10_000);
    await shown(11, 20).waitFor();
    await idleFor(10_000);
    // The visible countdown reached ten or less: that moment is said, with the time shown.
    await expect.poll(async () => (await said(page, 'dialog')).length).toBe(2);
    const [, atTen] = await said(page, 'dialog');
    expect(await dialog.getByText(atTen ?? '-', { exact: true }).count()).toBeGreaterThan(0);
    expect([...Array(10).keys()].map((n) => countdown(n + 1))).toContain(atTen);
    await idleFor(5_000);
    await shown(1, 5).waitFor();

    // Escape means "I am still here".
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await kiosk.expectQuestion(visits);
    expect(await said(page, 'dialog')).toEqual([countdown(30), atTen]);
  });

  it('names the tab and the page’s language in each of the five, and starts over in the default', async () => {
    const title = () => page.title();
    const lang = () => page.evaluate(() => document.documentElement.lang);
    for (const language of LANGUAGES) {
      await kiosk.chooseLanguage(language);
      await expect.poll(title).toBe(surveyText(language, survey.id, 'title'));
      expect(await lang()).toBe(language);
    }
    await kiosk.start();
    await kiosk.expectQuestion(visits);
    for (const language of ['hu', 'ru', 'sl', 'en'] as const) {
      await kiosk.switchLanguageMidSurvey(language);
      await expect.poll(title).toBe(
        appText(language, 'document.screenTitle', {
          screen: position(language, 1),
          survey: surveyText(language, survey.id, 'title'),
        }),
      );
      expect(await lang()).toBe(language);
    }

    // The patron walks away: the tab's title and language return with the welcome screen.
    await kiosk.switchLanguageMidSurvey('hu');
    await idleFor(IDLE_MS + 1000);
    await page.getByRole('alertdialog').waitFor();
    await idleFor(WARNING_MS + 1000);
    kiosk.language = 'en';
    await kiosk.button('welcome.start').waitFor();
    await expect.poll(title).toBe(surveyText('en', survey.id, 'title'));
    expect(await lang()).toBe('en');
  });

  it('is served by the collector in the language the visitor’s browser asks for', async () => {
    const res = await fetch(stack.collector.url, {
      headers: { accept: 'text/html', 'accept-language': 'hu-HU,hu;q=0.9,en;q=0.8' },
    });
    const html = await res.text();
    expect(html).toContain('<html lang="hu">');
    expect(html).toContain(`<title>${appText('hu', 'document.appName')}</title>`);
    expect(html).toContain(`<noscript><p>${appText('hu', 'document.noScript')}</p></noscript>`);
    // The page as built, which the service worker keeps, says it in every language.
    const built = await (await fetch(new URL('/index.html', stack.collector.url))).text();
    for (const language of LANGUAGES) {
      expect(built).toContain(`<p lang="${language}">${appText(language, 'document.noScript')}`);
    }
  });

  it('can be answered from the welcome screen to the thank-you screen by keyboard alone, focus always visible', async () => {
    const unseen: string[] = [];
    /** Presses Tab until the focus is on the button `label`, noting each stop whose focus cannot be seen. */
    async function tabToButton(label: string): Promise<void> {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate((wanted) => {
          const active = document.activeElement;
          if (!active || active === document.body) return { done: false, visible: true, what: '' };
          // A radio or checkbox is drawn by the label's body beside it.
          const drawn =
            active instanceof HTMLInputElement && /radio|checkbox/.test(active.type)
              ? (active.nextElementSibling ?? active)
              : active;
          const style = getComputedStyle(drawn);
          return {
            done: active.tagName === 'BUTTON' && active.textContent?.trim() === wanted,
            visible: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
            what: `${active.tagName} ${active.textContent?.trim().slice(0, 40) ?? ''}`,
          };
        }, label);
        if (!stop.visible) unseen.push(stop.what);
        if (stop.done) return;
      }
      throw new Error(`Tab never reached ${label}`);
    }

    await tabToButton(appText('en', 'welcome.start'));
    await page.keyboard.press('Enter');
    for (const question of survey.questions) {
      await kiosk.expectQuestion(question);
      await expect.poll(focusedHeading).toBe(questionText('en', question.id));
      // Answer what the keyboard meets: the first choice of each group, a word in a text box,
      // until Next (shown once answered) has the focus.
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const done = await page.evaluate(
          (next) => {
            const active = document.activeElement;
            if (active?.tagName === 'BUTTON' && active.textContent?.trim() === next) return true;
            return false;
          },
          appText('en', 'question.next'),
        );
        if (done) break;
        const action = await page.evaluate(() => {
          const active = document.activeElement;
          if (!(active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement))
            return 'none';
          if (active instanceof HTMLTextAreaElement || active.type === 'text')
            return active.value === '' ? 'type' : 'none';
          const group = active.closest('fieldset');
          const chosen = [...(group?.querySelectorAll('input') ?? [])].some(
            (input) => input.checked,
          );
          return chosen ? 'none' : 'space';
        });
        if (action === 'type') await page.keyboard.type('Fine');
        if (action === 'space') await page.keyboard.press('Space');
      }
      const focusVisible = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement ?? document.body);
        return style.outlineStyle !== 'none';
      });
      if (!focusVisible) unseen.push(`Next on ${question.id}`);
      await page.keyboard.press('Enter');
    }
    // Each screen's heading takes the focus as it opens; Tab starts from there.
    await expect.poll(focusedHeading).toBe(appText('en', 'review.title'));
    await tabToButton(appText('en', 'review.submit'));
    await page.keyboard.press('Enter');
    await expect.poll(focusedHeading).toBe(appText('en', 'thanks.title'));
    await tabToButton(appText('en', 'thanks.done'));
    await page.keyboard.press('Enter');
    await kiosk.button('welcome.start').waitFor();
    expect(unseen).toEqual([]);
  });
});
