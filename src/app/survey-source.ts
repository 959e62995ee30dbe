/**
 * Which survey the kiosk runs: the package the collector assigned, once cached, or the
 * built-in questionnaire that ships with the app (so a kiosk works before enrollment).
 */
import type { SurveyStructure } from '../shared/contract/survey-package';
import { BUILT_IN_SURVEYS, DEFAULT_SURVEY_ID } from '../surveys';
import { addSurveyTexts } from './i18n/i18n';
import { cachedSurvey, readSetting } from './store';

export async function loadActiveSurvey(): Promise<SurveyStructure> {
  const active = await readSetting('activeSurvey');
  if (active) {
    const cached = await cachedSurvey(active.id);
    if (cached && cached.package.version === active.version) {
      const { translations, ...structure } = cached.package;
      await addSurveyTexts(structure.id, translations);
      return structure;
    }
  }
  const builtIn = BUILT_IN_SURVEYS.find(
    (survey) => survey.id === (active?.id ?? DEFAULT_SURVEY_ID),
  );
  return builtIn ?? (BUILT_IN_SURVEYS[0] as SurveyStructure);
}
