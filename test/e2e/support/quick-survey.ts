/**
 * A two-question survey for the sync tests, made from the built-in questionnaire (so its
 * texts are the reviewed ones in all five languages). The collector imports it and assigns
 * it to the branch; the kiosk must pick it up after enrollment.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SurveyPackage } from '../../../src/shared/contract/survey-package';
import { builtInPackages } from '../../../src/surveys/packages';

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
