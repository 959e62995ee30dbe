/**
 * The built-in questionnaires as complete survey packages: structure plus the texts of
 * all five languages. For the collector and tests; the app loads texts per language.
 */

import en from '../../locales/en/survey.library-service-quality.json';
import hu from '../../locales/hu/survey.library-service-quality.json';
import lt from '../../locales/lt/survey.library-service-quality.json';
import ru from '../../locales/ru/survey.library-service-quality.json';
import sl from '../../locales/sl/survey.library-service-quality.json';
import { parseSurveyPackage, type SurveyPackage } from '../shared/contract/survey-package';
import type { TranslationTree } from '../shared/contract/translations';
import { LANGUAGES, type Language } from '../shared/languages';
import { libraryServiceQuality } from './library-service-quality';

const texts: Record<string, Record<Language, TranslationTree>> = {
  [libraryServiceQuality.id]: { en, hu, ru, sl, lt },
};

/** Every built-in survey as a validated package; throws, naming the path, if one is incomplete. */
export function builtInPackages(): SurveyPackage[] {
  return [libraryServiceQuality].map((structure) => {
    const translations = Object.fromEntries(LANGUAGES.map((l) => [l, texts[structure.id]?.[l]]));
    const result = parseSurveyPackage({ ...structure, translations });
    if (!result.ok)
      throw new Error(`built-in survey ${structure.id} is incomplete:\n${result.message}`);
    return result.value;
  });
}
