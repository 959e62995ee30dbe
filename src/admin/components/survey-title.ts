/** A survey's title in the reader's language once its package is loaded, else the English one. */
import { useEffect, useState } from 'preact/hooks';
import type { Language } from '../../shared/languages';
import type { SurveySummary } from '../context';
import { i18n, surveyNamespace } from '../i18n';
import { loadSurveyPackage } from '../survey-texts';

export function surveyTitle(survey: SurveySummary, language: Language): string {
  const ns = surveyNamespace(survey.id);
  if (!i18n.hasResourceBundle(language, ns)) return survey.title;
  return i18n.getFixedT(language, ns)('title', { defaultValue: survey.title });
}

/**
 * Loads each survey's package so that surveyTitle can give its title in the reader's
 * language, and draws the page again as each arrives. A package that fails to load leaves
 * the English title, which is still a title.
 */
export function useSurveyTitles(surveys: readonly SurveySummary[]): void {
  const [, setTitlesLoaded] = useState(0);
  useEffect(() => {
    for (const survey of surveys) {
      loadSurveyPackage(survey.id).then(
        () => setTitlesLoaded((n) => n + 1),
        () => undefined,
      );
    }
  }, [surveys]);
}
