/**
 * A two-question survey for the sync tests, made from the built-in questionnaire (so its
 * texts are the reviewed ones in all five languages). The collector imports it and assigns
 * it to the branch; the kiosk must pick it up after enrollment.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { SurveyPackage } from '../../../src/shared/contract/survey-package';
import type { Language } from '../../../src/shared/languages';
import { DEFAULT_SURVEY_ID } from '../../../src/surveys';
import { builtInPackages } from '../../../src/surveys/packages';
import { KioskPage } from '../pages/kiosk-page';

export const QUICK_SURVEY_ID = 'quick-check';

export function quickSurvey(): SurveyPackage {
  const [builtIn] = builtInPackages();
  if (!builtIn) throw new Error('no built-in survey');
  const keep = new Set(['overall-satisfaction', 'visit-frequency']);
  return {
    ...builtIn,
    id: QUICK_SURVEY_ID,
    version: 1,
    questions: builtIn.questions.filter((q) => keep.has(q.id)),
  };
}

/** Writes the package where the collector's CLI can import it; returns the path. */
export function writeQuickSurvey(dir: string): string {
  const file = join(dir, `${QUICK_SURVEY_ID}.json`);
  writeFileSync(file, JSON.stringify(quickSurvey()));
  return file;
}

/**
 * Answers the quick survey on a phone opened at a public link's address, in the language
 * the phone chose by itself, and waits on the review with Send on screen. Its texts are
 * the built-in survey's, hence DEFAULT_SURVEY_ID.
 */
export async function answerQuickSurveyOnPhone(
  page: Page,
  address: string,
  language: Language,
  rating: number,
): Promise<KioskPage> {
  await page.goto(address);
  const phone = new KioskPage(page, quickSurvey(), language, DEFAULT_SURVEY_ID);
  await phone.button('welcome.start').waitFor();
  await phone.start();
  const [first, second] = quickSurvey().questions;
  if (!first || !second) throw new Error('the quick survey has two questions');
  await phone.expectQuestion(first);
  await phone.answer(first, 'weekly');
  await phone.next();
  await phone.expectQuestion(second);
  await phone.answer(second, rating);
  await phone.next();
  await phone.button('review.submit').waitFor();
  return phone;
}
