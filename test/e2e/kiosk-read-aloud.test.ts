/**
 * Read-aloud on the kiosk, with the Web Speech API replaced by a recording fake
 * (support/fake-speech.ts): in each of the five languages the question, its hint and its
 * answers are spoken in that language's voice, the answer being read is highlighted, and
 * with no voice for the survey's language there is no button at all. A tap on an answer,
 * Next or another language stops the reading; the staff view lists the voices.
 *
 * The highlight is looked up by the `data-reading` attribute on the answer's label: that
 * attribute is the state under test, found from the answer's role and words.
 */
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CANCEL_SETTLE_MS } from '../../src/app/kiosk/read-aloud/speech';
import type { Question } from '../../src/shared/contract/question';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../src/shared/languages';
import { BUILT_IN_SURVEYS } from '../../src/surveys';
import { KioskPage } from './pages/kiosk-page';
import { StaffPage } from './pages/staff-page';
import { IMPROVEMENT_TEXT, patronAnswers } from './support/answers';
import { axeViolations } from './support/axe';
import {
  cancels,
  endUtterance,
  type FakeVoice,
  installFakeSpeech,
  resetSpeechLog,
  setVoices,
  utterances,
} from './support/fake-speech';
import { closeKiosk, openKiosk, useStack } from './support/stack';
import { smallTargets } from './support/targets';
import { appText, onlySurvey, questionOf, surveyText } from './support/texts';

const survey = onlySurvey(BUILT_IN_SURVEYS);
const visits = questionOf(survey, 'visit-frequency');
const today = questionOf(survey, 'todays-visit');
const recommend = questionOf(survey, 'recommend');
const gap = questionOf(survey, 'gap-staff-service');
const improvement = questionOf(survey, 'one-improvement');
/** The answers of "what did you do today", in the order they are read. */
const OPTIONS = (() => {
  if (today.type !== 'multi') throw new Error('todays-visit is no longer a multiple choice');
  return today.options.map((o) => o.id);
})();

/** One voice per language, their tags written the several ways browsers write them. */
const VOICES: Record<Language, FakeVoice> = {
  en: { name: 'Test English', lang: 'en-GB', default: true },
  hu: { name: 'Test Magyar', lang: 'hu-HU' },
  ru: { name: 'Test Русский', lang: 'ru_RU' },
  sl: { name: 'Test Slovenščina', lang: 'sl' },
  lt: { name: 'Test Lietuvių', lang: 'LT-lt' },
};
/** Close to Lithuanian and Slovenian, and never to be taken for them. */
const DECOYS: FakeVoice[] = [
  { name: 'Test Latviešu', lang: 'lv-LV' },
  { name: 'Test Slovenčina', lang: 'sk-SK' },
];

describe('reading a question aloud', () => {
  const stack = useStack();
  let page: Page;
  let kiosk: KioskPage;

  beforeAll(() => installFakeSpeech(stack.browser.context));
  beforeEach(async () => {
    ({ page, kiosk } = await openKiosk(stack, survey));
  });
  afterEach(() => closeKiosk(page));

  const readButton = (language: Language) =>
    page.getByRole('button', { name: appText(language, 'readAloud.start'), exact: true });
  const stopButton = (language: Language) =>
    page.getByRole('button', { name: appText(language, 'readAloud.stop'), exact: true });
  const option = (language: Language, id: string) =>
    page.getByRole('checkbox', {
      name: surveyText(language, survey.id, `questions.todays-visit.options.${id}`),
      exact: true,
    });
  const highlighted = (control: Locator) =>
    control
      .locator('xpath=ancestor::label[1]')
      .evaluate((label) => label.hasAttribute('data-reading'));
  const anyHighlighted = () => page.locator('[data-reading]').count();

  /** Opens the second question (several answers, a hint and "Other") in a language. */
  async function onTodaysVisit(language: Language): Promise<void> {
    await kiosk.chooseLanguage(language);
    await kiosk.start();
    await kiosk.answer(visits, 'weekly');
    await kiosk.next();
    await kiosk.expectQuestion(today);
  }

  it.each(LANGUAGES)(
    'reads the question, its hint and each answer in %s, in its voice, highlighting the answer read',
    async (language) => {
      await setVoices(page, [...DECOYS, ...LANGUAGES.map((code) => VOICES[code])]);
      await onTodaysVisit(language);
      await readButton(language).click();
      await stopButton(language).waitFor();

      const expected: { text: string; option?: string }[] = [
        { text: surveyText(language, survey.id, 'questions.todays-visit.text') },
        { text: surveyText(language, survey.id, 'questions.todays-visit.hint') },
        ...OPTIONS.map((id) => ({
          text: surveyText(language, survey.id, `questions.todays-visit.options.${id}`),
          option: id,
        })),
        { text: appText(language, 'answer.other') },
      ];
      for (const [index, segment] of expected.entries()) {
        await expect.poll(async () => (await utterances(page)).length).toBe(index + 1);
        expect((await utterances(page))[index]).toEqual({
          text: segment.text,
          lang: language,
          voice: VOICES[language].name,
        });
        if (segment.option) {
          await expect
            .poll(() => highlighted(option(language, segment.option as string)))
            .toBe(true);
          expect(await anyHighlighted()).toBe(1);
        }
        if (index === 2 && language === 'hu') {
          // The screen stays accessible, and its targets large, while an answer is highlighted.
          expect(await axeViolations(page)).toEqual([]);
          expect(await smallTargets(page)).toEqual([]);
        }
        expect(await endUtterance(page)).toBe(true);
      }
      await readButton(language).waitFor();
      expect(await anyHighlighted()).toBe(0);
      expect(await utterances(page)).toHaveLength(expected.length);
    },
  );

  it('highlights a scale’s point, a gap item’s line and the free-text field as they are read', async () => {
    await setVoices(page, [VOICES.sl]);
    await kiosk.chooseLanguage('sl');
    await kiosk.start();
    const answers = patronAnswers('sl');
    const questions = survey.questions;
    let at = 0;
    /** Answers from the question on screen up to `question`, which is left on screen. */
    const answerUpTo = async (question: Question) => {
      for (; at < questions.indexOf(question); at++) {
        const current = questions[at] as Question;
        await kiosk.expectQuestion(current);
        const value = answers[current.id];
        if (value === undefined) {
          await kiosk.button('question.skip').click();
        } else {
          await kiosk.answer(current, value);
          await kiosk.next();
        }
      }
      await kiosk.expectQuestion(question);
    };
    /** Reads the screen, ending each utterance, until the one with `text` is being spoken. */
    const readUntil = async (text: string) => {
      await resetSpeechLog(page);
      await readButton('sl').click();
      for (;;) {
        await expect.poll(async () => (await utterances(page)).length).toBeGreaterThan(0);
        const log = await utterances(page);
        if (log.at(-1)?.text === text) return;
        const spoken = log.length;
        await endUtterance(page);
        await expect.poll(async () => (await utterances(page)).length).toBeGreaterThan(spoken);
      }
    };

    await answerUpTo(recommend);
    await readUntil(
      appText('sl', 'question.scaleEnd', {
        point: 10,
        label: surveyText('sl', survey.id, 'scales.nps.high'),
      }),
    );
    await expect
      .poll(() => highlighted(page.getByRole('radio', { name: '10', exact: true })))
      .toBe(true);
    expect(await anyHighlighted()).toBe(1);

    await answerUpTo(gap);
    const desired = surveyText('sl', survey.id, 'scales.gap.desired');
    await readUntil(desired);
    const line = page.getByRole('group', { name: desired, exact: true });
    await expect
      .poll(() => line.evaluate((group) => group.hasAttribute('data-reading')))
      .toBe(true);
    expect(await anyHighlighted()).toBe(1);
    // A point tapped on another line while one is read is taken (answerUpTo goes on from it).

    await answerUpTo(improvement);
    await readUntil(appText('sl', 'readAloud.textField'));
    const field = page.getByRole('textbox', {
      name: surveyText('sl', survey.id, 'questions.one-improvement.text'),
    });
    await expect
      .poll(() => field.evaluate((box) => box.parentElement?.hasAttribute('data-reading')))
      .toBe(true);
    // Typing stops the reading.
    await field.fill(IMPROVEMENT_TEXT.sl);
    await readButton('sl').waitFor();
    expect(await anyHighlighted()).toBe(0);
  });

  it('offers no read-aloud in a language without a voice, never reading it in another voice', async () => {
    await setVoices(page, [VOICES.en, ...DECOYS]);
    await onTodaysVisit('hu');
    await kiosk.expectQuestion(today);
    expect(await page.getByRole('button', { name: appText('hu', 'readAloud.start') }).count()).toBe(
      0,
    );
    for (const language of ['lt', 'sl'] as const) {
      await kiosk.switchLanguageMidSurvey(language);
      await kiosk.expectQuestion(today);
      expect(await readButton(language).count()).toBe(0);
    }
    // English has its voice, so the button is there; back in Hungarian it is gone again.
    await kiosk.switchLanguageMidSurvey('en');
    await readButton('en').waitFor();
    await kiosk.switchLanguageMidSurvey('hu');
    await kiosk.expectQuestion(today);
    expect(await readButton('hu').count()).toBe(0);
    expect(await utterances(page)).toEqual([]);
  });

  it('shows the button once voices arrive late, as Chrome’s do', async () => {
    await onTodaysVisit('sl');
    expect(await readButton('sl').count()).toBe(0);
    await setVoices(page, [VOICES.sl]);
    await readButton('sl').waitFor();
  });

  it('stops when an answer is tapped, and speaks nothing more', async () => {
    await setVoices(page, [VOICES.ru]);
    await onTodaysVisit('ru');
    await readButton('ru').click();
    for (let spoken = 1; spoken <= 3; spoken++) {
      await expect.poll(async () => (await utterances(page)).length).toBe(spoken);
      if (spoken < 3) await endUtterance(page);
    }
    await expect.poll(() => highlighted(option('ru', 'borrow-return'))).toBe(true);
    const before = await cancels(page);
    // A tap beside the controls (on the question's words) leaves it reading.
    await kiosk.heading().click();
    expect(await stopButton('ru').count()).toBe(1);
    expect(await cancels(page)).toBe(before);

    // The answer being read is the one most often tapped: it is taken, and the reading stops.
    await option('ru', 'borrow-return').click();
    await readButton('ru').waitFor();
    expect(await cancels(page)).toBeGreaterThan(before);
    expect(await option('ru', 'borrow-return').isChecked()).toBe(true);
    expect(await anyHighlighted()).toBe(0);
    // Nothing left to end, and no timer brings the rest back.
    expect(await endUtterance(page)).toBe(false);
    await page.clock.runFor(CANCEL_SETTLE_MS * 4);
    expect(await utterances(page)).toHaveLength(3);
  });

  it('works by keyboard: Space on the answer being read takes it and stops; Escape stops', async () => {
    await setVoices(page, [VOICES.hu]);
    await onTodaysVisit('hu');
    await readButton('hu').focus();
    await page.keyboard.press('Enter');
    for (let spoken = 1; spoken <= 3; spoken++) {
      await expect.poll(async () => (await utterances(page)).length).toBe(spoken);
      if (spoken < 3) await endUtterance(page);
    }
    await expect.poll(() => highlighted(option('hu', 'borrow-return'))).toBe(true);
    await option('hu', 'borrow-return').focus();
    await page.keyboard.press('Space');
    await readButton('hu').waitFor();
    expect(await option('hu', 'borrow-return').isChecked()).toBe(true);
    expect(await anyHighlighted()).toBe(0);

    await readButton('hu').focus();
    await page.keyboard.press('Enter');
    await stopButton('hu').waitFor();
    await page.keyboard.press('Escape');
    await readButton('hu').waitFor();
  });

  it('stops on Next and on another language, and reads the new screen afresh', async () => {
    await setVoices(page, [VOICES.en, VOICES.lt]);
    await kiosk.start();
    await readButton('en').click();
    await expect.poll(async () => (await utterances(page)).length).toBe(1);
    await kiosk.answer(visits, 'monthly');
    await expect.poll(() => cancels(page)).toBeGreaterThan(0);
    await readButton('en').waitFor();
    await kiosk.next();
    await kiosk.expectQuestion(today);
    expect(await utterances(page)).toHaveLength(1);

    await readButton('en').click();
    // The cancel just before had a moment to settle first (Chrome drops what is spoken too soon).
    await page.clock.runFor(CANCEL_SETTLE_MS);
    await expect.poll(async () => (await utterances(page)).length).toBe(2);
    const cancelled = await cancels(page);
    await kiosk.switchLanguageMidSurvey('lt');
    await kiosk.expectQuestion(today);
    await expect.poll(() => cancels(page)).toBeGreaterThan(cancelled);
    expect(await endUtterance(page)).toBe(false);
    await page.clock.runFor(CANCEL_SETTLE_MS * 4);
    expect(await utterances(page)).toHaveLength(2);

    await readButton('lt').click();
    await page.clock.runFor(CANCEL_SETTLE_MS);
    await expect.poll(async () => (await utterances(page)).length).toBe(3);
    expect((await utterances(page))[2]).toEqual({
      text: surveyText('lt', survey.id, 'questions.todays-visit.text'),
      lang: 'lt',
      voice: VOICES.lt.name,
    });
    // The button stops it too, and says so while it reads.
    await stopButton('lt').click();
    await readButton('lt').waitFor();
  });

  it('stops when the patron walks away and the kiosk starts over', async () => {
    await setVoices(page, [VOICES.en]);
    await kiosk.start();
    await readButton('en').click();
    await expect.poll(async () => (await utterances(page)).length).toBe(1);
    const before = await cancels(page);
    // Marks this document: the welcome screen is where the kiosk may reload to take a new
    // configuration, and a reload (which silences the page anyway) starts the fake afresh.
    await page.evaluate(() => Object.assign(window, { beforeWalkAway: true }));
    // A minute untouched, then the half-minute question unanswered (the fake clock: no waiting).
    await page.clock.runFor(500);
    await page.clock.fastForward(61_000);
    await page.getByRole('alertdialog', { name: appText('en', 'idle.title') }).waitFor();
    await page.clock.fastForward(31_000);
    await kiosk.button('welcome.start').waitFor();
    const sameDocument = await page.evaluate(() => 'beforeWalkAway' in window);
    if (sameDocument) {
      expect(await cancels(page)).toBeGreaterThan(before);
      expect(await utterances(page)).toHaveLength(1);
    }
    expect(await endUtterance(page)).toBe(false);
    expect(await readButton('en').count()).toBe(0);
  });

  it('fits the access-controls bar of a 360 px phone, the loudspeaker alone keeping its name', async () => {
    await page.setViewportSize({ width: 360, height: 640 });
    await setVoices(page, [VOICES.lt]);
    await onTodaysVisit('lt');
    await readButton('lt').waitFor();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    expect(await smallTargets(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('offers nothing, and says so to staff, in a browser with no speech synthesis', async () => {
    await closeKiosk(page);
    page = await stack.browser.context.newPage();
    // After the fake's own script: this browser has neither the engine nor utterances.
    await page.addInitScript(() => {
      for (const name of ['speechSynthesis', 'SpeechSynthesisUtterance']) {
        Object.defineProperty(window, name, { value: undefined, configurable: true });
      }
    });
    await page.clock.install();
    await page.goto(stack.collector.url);
    kiosk = new KioskPage(page, survey);
    const staff = new StaffPage(page);
    await staff.open();
    await page.getByText(appText('en', 'staff.voices.unsupported')).waitFor();
    expect(await page.getByRole('rowheader').count()).toBe(0);
    await staff.close();
    await kiosk.button('welcome.start').click();
    await kiosk.expectQuestion(visits);
    expect(await readButton('en').count()).toBe(0);
  });

  it('lists in the staff view which languages have a voice on this device', async () => {
    await setVoices(page, [VOICES.hu, VOICES.en, ...DECOYS]);
    const staff = new StaffPage(page);
    await staff.open();
    await page.getByRole('heading', { name: appText('en', 'staff.voices.title') }).waitFor();
    const voiceOf = async (language: Language) =>
      page
        .getByRole('row')
        .filter({
          has: page.getByRole('rowheader', { name: LANGUAGE_NAMES[language], exact: true }),
        })
        .getByRole('cell')
        .textContent();
    const none = appText('en', 'staff.voices.none');
    expect(await voiceOf('hu')).toBe(VOICES.hu.name);
    expect(await voiceOf('en')).toBe(VOICES.en.name);
    expect(await voiceOf('ru')).toBe(none);
    expect(await voiceOf('sl')).toBe(none);
    expect(await voiceOf('lt')).toBe(none);
    await setVoices(page, [VOICES.lt]);
    await expect.poll(() => voiceOf('lt')).toBe(VOICES.lt.name);
    expect(await voiceOf('hu')).toBe(none);
    expect(await axeViolations(page)).toEqual([]);
    await staff.close();
  });
});
