/**
 * A survey across its versions, for the results pages: the latest version's package with
 * the questions of every version (retired ones where they stood, src/shared/survey/
 * question-versions.ts, as the collector's summary has them), which versions asked the
 * questions not asked in all, and every version's texts added to i18next (older first, so
 * the latest's win), so a retired question is named in the reader's language.
 */
import type { SurveyPackage } from '../shared/contract/survey-package';
import { type AskedIn, questionsAcrossVersions } from '../shared/survey/question-versions';
import { api } from './api';
import { addSurveyTexts } from './i18n';

export interface SurveyAcrossVersions {
  /** The latest version, its questions those of every version. */
  pkg: SurveyPackage;
  askedIn: Record<string, AskedIn>;
}

const loaded = new Map<string, Promise<SurveyAcrossVersions>>();

async function load(surveyId: string): Promise<SurveyAcrossVersions> {
  // The stored versions from the surveys list: numbers need not follow one another.
  const [latest, list] = await Promise.all([api.surveyPackage(surveyId), api.surveys()]);
  const versions = list.surveys.find((s) => s.id === surveyId)?.versions ?? [];
  const older = await Promise.all(
    versions
      .filter((v) => v.version < latest.version)
      .map((v) => api.surveyPackageVersion(surveyId, v.version)),
  );
  const packages = [...older, latest];
  for (const pkg of packages) await addSurveyTexts(pkg.id, pkg.translations);
  const { questions, askedIn } = questionsAcrossVersions(packages);
  return { pkg: { ...latest, questions }, askedIn };
}

/** Fetched once per visit; a failure is not kept, so the next screen asks again. */
export function loadSurveyAcrossVersions(surveyId: string): Promise<SurveyAcrossVersions> {
  let loading = loaded.get(surveyId);
  if (!loading) {
    loading = load(surveyId);
    loading.catch(() => loaded.delete(surveyId));
    loaded.set(surveyId, loading);
  }
  return loading;
}
