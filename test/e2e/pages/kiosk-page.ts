/**
 * The kiosk as a patron uses it: buttons and answers found by the words on screen in the
 * patron's language.
 */
import type { Page } from 'playwright-core';
import { assertNever } from '../../../src/shared/assert-never';
import type { AnswerValue, GapAnswer } from '../../../src/shared/contract/answer';
import type { Question } from '../../../src/shared/contract/question';
import type { SurveyStructure } from '../../../src/shared/contract/survey-package';
import { LANGUAGE_NAMES, type Language } from '../../../src/shared/languages';
import { appText, surveyText } from '../support/texts';

export class KioskPage {
  constructor(
    readonly page: Page,
    readonly survey: SurveyStructure,
    public language: Language = 'en',
    /** Whose locale files hold the texts (a test survey may borrow the built-in one's). */
    readonly textsOf: string = survey.id,
  ) {}

  private app(key: string, values?: Record<string, string | number>): string {
    return appText(this.language, key, values);
  }

  private text(key: string): string {
    return surveyText(this.language, this.textsOf, key);
  }

  button(key: string) {
    return this.page.getByRole('button', { name: this.app(key), exact: true });
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  async chooseLanguage(language: Language): Promise<void> {
    await this.page
      .getByRole('button', { name: LANGUAGE_NAMES[language], exact: true })
      .first()
      .click();
    this.language = language;
  }

  /** Switches language from a question screen, through the language menu. */
  async switchLanguageMidSurvey(language: Language): Promise<void> {
    await this.page
      .getByRole('button', { name: new RegExp(`^${this.app('language.choose')}`) })
      .click();
    await this.chooseLanguage(language);
  }

  async start(): Promise<void> {
    await this.button('welcome.start').click();
  }

  async expectQuestion(question: Question): Promise<void> {
    await this.heading()
      .filter({ hasText: this.text(`questions.${question.id}.text`) })
      .waitFor();
  }

  /**
   * Gives one answer on the current screen, through the controls a patron would use. Every
   * question type needs a case here (a missing one fails `tsc -b`).
   */
  async answer(question: Question, value: AnswerValue): Promise<void> {
    const page = this.page;
    const na = this.app('answer.notApplicable');
    if (value === 'na' && question.type !== 'gap') {
      await page
        .getByRole(question.type === 'multi' ? 'checkbox' : 'radio', { name: na, exact: true })
        .click();
      return;
    }
    switch (question.type) {
      case 'single':
        await page
          .getByRole('radio', {
            name: this.text(`questions.${question.id}.options.${value}`),
            exact: true,
          })
          .click();
        return;
      case 'rating':
        await page
          .getByRole('radio', { name: this.text(`scales.${question.scale}.${value}`), exact: true })
          .click();
        return;
      case 'nps':
        await page.getByRole('radio', { name: String(value), exact: true }).click();
        return;
      case 'text':
        await page
          .getByRole('textbox', { name: this.text(`questions.${question.id}.text`) })
          .fill(String(value));
        return;
      case 'multi': {
        const { selected, other } = value as { selected: string[]; other?: string };
        for (const id of selected) {
          await page
            .getByRole('checkbox', {
              name: this.text(`questions.${question.id}.options.${id}`),
              exact: true,
            })
            .click();
        }
        if (other !== undefined) {
          await page.getByRole('checkbox', { name: this.app('answer.other'), exact: true }).click();
          await page.getByRole('textbox', { name: this.app('answer.otherLabel') }).fill(other);
        }
        return;
      }
      case 'gap':
        await this.answerGapLines(value as GapAnswer);
        return;
      default:
        assertNever(question, 'question type');
    }
  }

  /** Taps a point (or N/A) on each of the given lines of the gap item on screen. */
  async answerGapLines(lines: Partial<GapAnswer>): Promise<void> {
    const na = this.app('answer.notApplicable');
    for (const [dimension, point] of Object.entries(lines)) {
      const line = this.page.getByRole('group', {
        name: this.text(`scales.gap.${dimension}`),
        exact: true,
      });
      await line
        .getByRole('radio', { name: point === 'na' ? na : String(point), exact: true })
        .click();
    }
  }

  async next(): Promise<void> {
    await this.button('question.next').click();
  }

  /** Answers each question in turn, skipping those without an answer. */
  private async answerEach(
    questions: readonly Question[],
    answers: Record<string, AnswerValue>,
  ): Promise<void> {
    for (const question of questions) {
      await this.expectQuestion(question);
      const value = answers[question.id];
      if (value === undefined) {
        await this.button('question.skip').click();
      } else {
        await this.answer(question, value);
        await this.next();
      }
    }
  }

  /** Answers from `from` (the first question by default) to the review screen. */
  async answerThrough(answers: Record<string, AnswerValue>, from?: Question): Promise<void> {
    const questions = this.survey.questions;
    await this.answerEach(questions.slice(from ? questions.indexOf(from) : 0), answers);
    await this.button('review.submit').waitFor();
  }

  /** Answers from the first question up to `question`, which is left on screen unanswered. */
  async answerUpTo(question: Question, answers: Record<string, AnswerValue>): Promise<void> {
    const questions = this.survey.questions;
    await this.answerEach(questions.slice(0, questions.indexOf(question)), answers);
    await this.expectQuestion(question);
  }

  async completeSurvey(answers: Record<string, AnswerValue>): Promise<void> {
    await this.start();
    await this.answerThrough(answers);
    await this.button('review.submit').click();
    await this.heading()
      .filter({ hasText: this.app('thanks.title') })
      .waitFor();
  }
}
