/**
 * The kiosk's own access controls: larger text (150%, 200%) and high contrast. In each of
 * the five languages the survey is walked once per setting, and every representative
 * screen is checked on a 1280 × 800 tablet and a 360 × 640 phone: axe-core clean, no
 * sideways scroll, no text cut off, targets of at least 48 px, the controls in the same
 * place. Then the settings go back to normal for the next patron: after thanks, after a
 * walk-away, and on a welcome screen left alone.
 */
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/shared/contract/answer';
import type { Question } from '../../src/shared/contract/question';
import { LANGUAGES, type Language } from '../../src/shared/languages';
import { BUILT_IN_SURVEYS, DEFAULT_SURVEY_ID } from '../../src/surveys';
import { KioskPage } from './pages/kiosk-page';
import { patronAnswers } from './support/answers';
import { axeViolations } from './support/axe';
import { FakePublicApi, linkUrl } from './support/public-links';
import { quickSurvey } from './support/quick-survey';
import { closeKiosk, openKiosk, useStack } from './support/stack';
import { smallTargets } from './support/targets';
import { appText, onlySurvey, questionOf } from './support/texts';

const survey = onlySurvey(BUILT_IN_SURVEYS);
const IDLE_MS = 60_000;
const WARNING_MS = 30_000;

const TABLET = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 640 };

/** The questions checked on the way: one of each kind the layout has to fit. */
const REPRESENTATIVE = new Set([
  'visit-frequency', // a single choice
  'todays-visit', // a multi-choice with "other"
  'recommend', // 0–10
  'gap-staff-service', // three 1–9 lines
  'one-improvement', // free text
]);

interface Setting {
  name: string;
  textSize: 100 | 150 | 200;
  highContrast: boolean;
}

const SETTINGS: Setting[] = [
  { name: 'text at 150%', textSize: 150, highContrast: false },
  { name: 'text at 200%', textSize: 200, highContrast: false },
  { name: 'high contrast, text at 200%', textSize: 200, highContrast: true },
];

class AccessBar {
  constructor(
    readonly page: Page,
    readonly language: () => Language,
  ) {}

  private text(key: string) {
    return appText(this.language(), key);
  }

  bar(): Locator {
    return this.page.getByRole('complementary', { name: this.text('access.bar') });
  }

  /** "150 %", "150%": however the language writes a percentage. */
  size(percent: number): Locator {
    return this.bar()
      .getByRole('radiogroup', { name: this.text('access.textSize') })
      .getByRole('radio', { name: new RegExp(`^${percent}\\s?%$`) });
  }

  contrast(): Locator {
    return this.bar().getByRole('button', { name: this.text('access.highContrast') });
  }

  async choose(setting: Omit<Setting, 'name'>): Promise<void> {
    await this.size(setting.textSize).check();
    if ((await this.contrast().getAttribute('aria-pressed')) !== String(setting.highContrast)) {
      await this.contrast().click();
    }
  }

  async expectSetting(setting: Omit<Setting, 'name'>, where: string): Promise<void> {
    expect(await this.size(setting.textSize).isChecked(), `${where}: text size`).toBe(true);
    expect(await this.contrast().getAttribute('aria-pressed'), `${where}: contrast`).toBe(
      String(setting.highContrast),
    );
    const applied = await this.page.evaluate(() => ({
      size: document.documentElement.dataset.textSize ?? '100',
      contrast: document.documentElement.dataset.contrast ?? 'normal',
    }));
    expect(applied, `${where}: applied to the page`).toEqual({
      size: String(setting.textSize),
      contrast: setting.highContrast ? 'high' : 'normal',
    });
  }

  async expectNormal(where: string): Promise<void> {
    await expect
      .poll(() => this.size(100).isChecked(), { message: `${where}: back to 100%` })
      .toBe(true);
    await this.expectSetting({ textSize: 100, highContrast: false }, where);
  }
}

/** Text elements whose content is wider than their box (cut off, or spilling out). */
function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(
      'h1, h2, p, legend, label, button, li',
    )) {
      // Inline boxes and visually hidden texts (1 px wide on purpose) have no width to overflow.
      if (element.clientWidth <= 1 || !element.checkVisibility()) continue;
      if (element.scrollWidth > element.clientWidth) {
        found.push(
          `${element.tagName.toLowerCase()} "${element.textContent?.trim().slice(0, 40)}" is ${element.scrollWidth} px wide in ${element.clientWidth}`,
        );
      }
    }
    return found;
  });
}

describe('the access controls', () => {
  const stack = useStack({ browser: { viewport: TABLET } });
  let page: Page;
  let kiosk: KioskPage;
  let access: AccessBar;

  beforeEach(async () => {
    ({ page, kiosk } = await openKiosk(stack, survey));
    access = new AccessBar(page, () => kiosk.language);
  });
  afterEach(() => closeKiosk(page));

  /** The screen on the tablet and on the phone: fits, nothing cut off, accessible. */
  async function expectReadable(screen: string, barAt: Map<string, string>): Promise<void> {
    for (const viewport of [TABLET, PHONE]) {
      await page.setViewportSize(viewport);
      const where = `${screen} on ${viewport.width} × ${viewport.height}`;
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${where} scrolls sideways`).toBeLessThanOrEqual(0);
      expect(await clippedText(page), `${where}: text cut off`).toEqual([]);
      expect(await smallTargets(page), `${where}: targets`).toEqual([]);
      const violations = await axeViolations(page);
      expect(violations, `axe on ${where}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
      // The controls stay where the patron found them, on every screen (page coordinates:
      // a typed answer may have scrolled the page).
      const place = JSON.stringify(
        await access.bar().evaluate((bar) => {
          const box = bar.getBoundingClientRect();
          return [box.x + scrollX, box.y + scrollY, box.width];
        }),
      );
      const key = String(viewport.width);
      if (!barAt.has(key)) barAt.set(key, place);
      expect(place, `${where}: the controls moved`).toBe(barAt.get(key));
    }
    await page.setViewportSize(TABLET);
  }

  it.each(LANGUAGES)(
    'keep every screen whole and accessible in %s, and go back to normal after thanks',
    async (language) => {
      for (const setting of SETTINGS) {
        const what = `${language}, ${setting.name}`;
        if (language !== 'en') await kiosk.chooseLanguage(language);
        await access.choose(setting);
        await access.expectSetting(setting, `${what}: welcome`);
        const barAt = new Map<string, string>();
        await expectReadable(`${what}: welcome`, barAt);

        await kiosk.start();
        const answers = patronAnswers(language);
        for (const question of survey.questions) {
          await kiosk.expectQuestion(question);
          const value = answers[question.id];
          if (REPRESENTATIVE.has(question.id)) {
            // The patron's choice on the welcome screen holds through their survey.
            await access.expectSetting(setting, `${what}: ${question.id}`);
            await expectReadable(`${what}: ${question.id}`, barAt);
          }
          if (value === undefined) {
            await kiosk.button('question.skip').click();
            continue;
          }
          await kiosk.answer(question, value);
          if (question.type === 'multi' && REPRESENTATIVE.has(question.id)) {
            // With "other" ticked, its text field is on screen too.
            await expectReadable(`${what}: ${question.id} with "other"`, barAt);
          }
          await kiosk.next();
        }
        await kiosk.button('review.submit').waitFor();
        await expectReadable(`${what}: review`, barAt);
        await kiosk.button('review.submit').click();
        await kiosk.button('thanks.done').waitFor();
        await access.expectSetting(setting, `${what}: thanks`);
        await expectReadable(`${what}: thanks`, barAt);

        await kiosk.button('thanks.done').click();
        kiosk.language = 'en';
        await kiosk.button('welcome.start').waitFor();
        await access.expectNormal(`${what}: the next patron's welcome`);
      }
    },
  );

  async function idleFor(ms: number): Promise<void> {
    // Let the screen's timers start on the fake clock before jumping it.
    await page.clock.runFor(500);
    await page.clock.fastForward(ms);
  }

  it('go back to normal when the patron walks away mid-survey', async () => {
    await kiosk.chooseLanguage('lt');
    await access.choose({ textSize: 200, highContrast: true });
    await kiosk.start();
    const first = questionOf(survey, 'visit-frequency');
    await kiosk.answer(first, 'weekly');
    await kiosk.next();
    await kiosk.expectQuestion(questionOf(survey, 'todays-visit') as Question);
    await access.expectSetting({ textSize: 200, highContrast: true }, 'mid-survey');

    await idleFor(IDLE_MS + 1000);
    await page.getByRole('alertdialog', { name: appText('lt', 'idle.title') }).waitFor();
    // "Are you still there?" at 200% on a phone: whole, its answer within reach.
    await page.setViewportSize(PHONE);
    expect(await clippedText(page), 'the walk-away question: text cut off').toEqual([]);
    expect(await smallTargets(page), 'the walk-away question: targets').toEqual([]);
    expect(await axeViolations(page), 'the walk-away question: axe').toEqual([]);
    await page.setViewportSize(TABLET);
    await idleFor(WARNING_MS + 1000);
    kiosk.language = 'en';
    await kiosk.button('welcome.start').waitFor();
    await access.expectNormal('after a walk-away');
  });

  it('go back to normal on a welcome screen the patron left without starting', async () => {
    await access.choose({ textSize: 150, highContrast: true });
    await idleFor(IDLE_MS / 2);
    // A change starts the wait again, as a patron still at the screen would expect.
    await access.size(200).check();
    await idleFor(IDLE_MS / 2 + 1000);
    await access.expectSetting({ textSize: 200, highContrast: true }, 'half a minute later');
    await idleFor(IDLE_MS / 2);
    await access.expectNormal('a minute after the last change');
    await kiosk.button('welcome.start').waitFor();
  });

  it('leave nothing moving when the device asks for reduced motion', async () => {
    const moving = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('*')].filter((element) => {
            const style = getComputedStyle(element);
            const seconds = (list: string) => list.split(',').some((d) => Number.parseFloat(d) > 0);
            return seconds(style.transitionDuration) || seconds(style.animationDuration);
          }).length,
      );
    await access.choose({ textSize: 200, highContrast: true });
    // The check can see motion: without the preference, the buttons fade between states.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await moving()).toBeGreaterThan(0);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await moving(), 'on the welcome screen').toBe(0);
    await kiosk.start();
    expect(await moving(), 'on a question').toBe(0);
  });

  it('are operable by keyboard and say their state to screen readers', async () => {
    await access.size(100).focus();
    await page.keyboard.press('ArrowRight');
    await access.expectSetting({ textSize: 150, highContrast: false }, 'arrow to 150%');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => access.contrast().evaluate((b) => b === document.activeElement))
      .toBe(true);
    await page.keyboard.press('Space');
    await access.expectSetting({ textSize: 150, highContrast: true }, 'contrast by Space');
    await page.keyboard.press('Enter');
    await access.expectSetting({ textSize: 150, highContrast: false }, 'contrast off by Enter');
  });
});

describe("the access controls on a visitor's phone", () => {
  const stack = useStack({ browser: { locale: 'sl-SI', phone: { viewport: PHONE } } });
  const TOKEN = 'Acce0123456789_-abcdefghijklmnop';

  it('are there on every screen, and stay for the visitor after thanks', async () => {
    await new FakePublicApi(stack.collector.url, quickSurvey())
      .link({ token: TOKEN, branch: { id: 'south', name: 'South Branch' }, state: 'open' })
      .install(stack.browser.context);
    const page = await stack.browser.context.newPage();
    await page.goto(linkUrl(stack.collector.url, TOKEN));
    const phone = new KioskPage(page, quickSurvey(), 'sl', DEFAULT_SURVEY_ID);
    const access = new AccessBar(page, () => phone.language);
    const setting = { textSize: 200, highContrast: true } as const;
    const expectFits = async (screen: string) => {
      await access.expectSetting(setting, screen);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
      expect(await clippedText(page), `${screen}: text cut off`).toEqual([]);
      expect(await smallTargets(page), `${screen}: targets`).toEqual([]);
      expect(await axeViolations(page), `${screen}: axe`).toEqual([]);
    };

    await phone.button('welcome.start').waitFor();
    await access.choose(setting);
    await expectFits('welcome');
    await phone.start();
    const answers: AnswerValue[] = ['weekly', 4];
    for (const [index, question] of quickSurvey().questions.entries()) {
      const value = answers[index];
      if (value === undefined) throw new Error('the quick survey has two questions');
      await phone.expectQuestion(question);
      await phone.answer(question, value);
      await expectFits(question.id);
      await phone.next();
    }
    await phone.button('review.submit').click();
    await phone
      .heading()
      .filter({ hasText: appText('sl', 'thanks.title') })
      .waitFor();
    // The phone is the visitor's own: nobody comes next, so nothing resets.
    await expectFits('thanks');
    await page.close();
  });
});
