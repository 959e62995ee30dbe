/**
 * The built-in questionnaires as complete survey packages: structure
 * plus the texts of all five languages. For the collector and tests; the app loads texts
 * per language. One texts file serves every version of a survey: it keeps the texts of
 * questions a later version retired, since old responses and the results still name them;
 * each version's package takes the texts of its own questions.
 */

import en from '../../locales/en/survey.library-service-quality.json';
import hu from '../../locales/hu/survey.library-service-quality.json';
import lt from '../../locales/lt/survey.library-service-quality.json';
import ru from '../../locales/ru/survey.library-service-quality.json';
import sl from '../../locales/sl/survey.library-service-quality.json';
import {
  parseSurveyPackage,
  type SurveyPackage,
  type SurveyStructure,
} from '../shared/contract/survey-package';
import type { TranslationTree } from '../shared/contract/translations';
import { LANGUAGES, type Language } from '../shared/languages';
import { BUILT_IN_SURVEY_VERSIONS, BUILT_IN_SURVEYS } from './index';

const texts: Record<string, Record<Language, TranslationTree>> = {
  'library-service-quality': { en, hu, ru, sl, lt },
};

/**
 * A language's texts for one version: the questions of other versions left out, so a
 * version's package carries its own texts only (and version 1's stays what collectors
 * stored before version 2 existed).
 */
function versionTexts(
  structure: SurveyStructure,
  tree: TranslationTree | undefined,
): TranslationTree | undefined {
  const questions = tree?.questions;
  if (!tree || !questions || typeof questions !== 'object') return tree;
  const asked = new Set(structure.questions.map((q) => q.id));
  return {
    ...tree,
    questions: Object.fromEntries(Object.entries(questions).filter(([id]) => asked.has(id))),
  };
}

/** A built-in survey version as a validated package; throws, naming the path, if incomplete. */
function builtInPackage(structure: SurveyStructure): SurveyPackage {
  const translations = Object.fromEntries(
    LANGUAGES.map((l) => [l, versionTexts(structure, texts[structure.id]?.[l])]),
  );
  const result = parseSurveyPackage({ ...structure, translations });
  if (!result.ok)
    throw new Error(
      `built-in survey ${structure.id} v${structure.version} is incomplete:\n${result.message}`,
    );
  return result.value;
}

/** The latest version of every built-in survey as a package: what kiosks run. */
export function builtInPackages(): SurveyPackage[] {
  return BUILT_IN_SURVEYS.map(builtInPackage);
}

/**
 * Every version of every built-in survey as a package, oldest first: what the collector
 * stores at start, so responses answered on an older version are still accepted.
 */
export function builtInPackageVersions(): SurveyPackage[] {
  return BUILT_IN_SURVEY_VERSIONS.map(builtInPackage);
}
