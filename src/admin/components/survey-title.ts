/** A survey's title in the reader's language once its package is loaded, else the English one. */
import type { Language } from '../../shared/languages';
import type { SurveySummary } from '../context';
import { i18n, surveyNamespace } from '../i18n';

export function surveyTitle(survey: SurveySummary, language: Language): string {
  const ns = surveyNamespace(survey.id);
  if (!i18n.hasResourceBundle(language, ns)) return survey.title;
  return i18n.getFixedT(language, ns)('title', { defaultValue: survey.title });
}
