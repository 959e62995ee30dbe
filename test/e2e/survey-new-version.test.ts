/**
 * A new version of the branch's survey reaching a kiosk while a patron answers the old one:
 * the patron finishes on the version they started, the collector takes that response under
 * its own version, and the next patron gets the new version from the welcome screen on.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { SurveyPackage } from '../../src/shared/contract/survey-package';
import { DEFAULT_SURVEY_ID } from '../../src/surveys';
import { KioskPage } from './pages/kiosk-page';
import { type CollectorResponseRow, collectorResponses } from './support/collector-db';
import { readSetting } from './support/indexeddb';
import { QUICK_SURVEY_ID, quickSurvey } from './support/quick-survey';
import { assignQuickSurvey, enrolledKiosk, useStack } from './support/stack';
import { questionOf } from './support/texts';

/** Version 2 of the quick survey: it asks whether one would recommend the library first. */
function quickSurveyV2(): SurveyPackage {
  const v1 = quickSurvey();
  const recommend = { id: 'recommend', type: 'nps', optional: false, allowNA: false } as const;
  return { ...v1, version: 2, questions: [recommend, ...v1.questions.slice(1)] };
}

const stack = useStack();

it('lets a patron finish the version they started, and gives the next one the new version', async () => {
  await assignQuickSurvey(stack.collector);
  const page = await stack.browser.context.newPage();
  const kiosk = await enrolledKiosk(stack, page, 'Desk tablet');
  const v1 = quickSurvey();
  const [visits, overall] = v1.questions;
  if (!visits || !overall) throw new Error('the quick survey has two questions');

  await kiosk.start();
  await kiosk.answer(visits, 'weekly');
  await kiosk.next();
  await kiosk.expectQuestion(overall);

  // Version 2 arrives; the kiosk hears of it when it next asks for its configuration (at
  // every start: the tablet restarts mid-survey, the patron's answers come back).
  const v2 = quickSurveyV2();
  const file = join(mkdtempSync(join(tmpdir(), 'quick-v2-')), 'quick-v2.json');
  writeFileSync(file, JSON.stringify(v2));
  await stack.collector.cli(['survey', 'import', file]);
  await page.reload();
  await kiosk.expectQuestion(overall);
  await expect
    .poll(() => readSetting(page, 'activeSurvey'), { timeout: 15_000 })
    .toEqual({ id: QUICK_SURVEY_ID, version: 2 });

  // Still version 1 on screen: the patron answers its last question and sends.
  await kiosk.expectQuestion(overall);
  await kiosk.answer(overall, 4);
  await kiosk.next();
  await kiosk.button('review.submit').click();
  await page.evaluate(() => {
    (window as unknown as { sameDocument?: boolean }).sameDocument = true;
  });
  await kiosk.button('thanks.done').click();

  // Back on the welcome screen the kiosk reloads on version 2, for the next patron.
  await expect
    .poll(() => page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument ?? false))
    .toBe(false);
  const next = new KioskPage(page, v2, 'en', DEFAULT_SURVEY_ID);
  await next.button('welcome.start').waitFor();
  await next.start();
  await next.expectQuestion(questionOf(v2, 'recommend'));

  await expect
    .poll(() =>
      collectorResponses(stack.collector.dataDir).map((r) => {
        const row = r as CollectorResponseRow & { survey_version: number };
        return [row.survey_id, row.survey_version, JSON.parse(row.answers)];
      }),
    )
    .toEqual([[QUICK_SURVEY_ID, 1, { 'visit-frequency': 'weekly', 'overall-satisfaction': 4 }]]);
  await page.close();
});
