/**
 * A survey across its versions, as the results and the exports read it: the questions of
 * every version (src/shared/survey/question-versions.ts) and which versions asked those not
 * asked in all (`surveyQuestions`, from the structures alone, for the results pages); the
 * exports also take the latest version's package and the texts of every version
 * (`surveyHistory`), so a question a later version retired is still named in each language.
 */
import type { SurveyStructure } from '../../shared/contract/survey-package';
import type { TranslationTree } from '../../shared/contract/translations';
import { LANGUAGES } from '../../shared/languages';
import { type AskedIn, questionsAcrossVersions } from '../../shared/survey/question-versions';
import {
  type Storage,
  type StoredSurveyPackage,
  type SurveyTranslations,
  surveyPackageVersions,
  surveyStructures,
} from '../storage';

export interface SurveyHistory {
  /** The latest version, as devices receive it. */
  latest: StoredSurveyPackage;
  /** The latest version's id, version and title with the questions of every version. */
  structure: SurveyStructure;
  /** The questions not asked in every version, by id. */
  askedIn: Record<string, AskedIn>;
  /** Every version's texts, a newer version's where two have the same key. */
  translations: SurveyTranslations;
}

/** `newer` with what only `older` has, branch by branch. */
function underlay(newer: TranslationTree, older: TranslationTree): TranslationTree {
  const merged: TranslationTree = { ...older, ...newer };
  for (const [key, value] of Object.entries(newer)) {
    const beneath = older[key];
    if (typeof value === 'object' && typeof beneath === 'object') {
      merged[key] = underlay(value, beneath);
    }
  }
  return merged;
}

/** Every version's texts; `packages` oldest first. */
function textsOfEveryVersion(packages: readonly StoredSurveyPackage[]): SurveyTranslations {
  const merged: SurveyTranslations = {};
  for (const pkg of packages) {
    for (const language of LANGUAGES) {
      const texts = pkg.translations[language];
      const earlier = merged[language];
      if (texts) merged[language] = earlier ? underlay(texts, earlier) : texts;
    }
  }
  return merged;
}

/** What the results pages read: the structures only, not every version's texts. */
export interface SurveyQuestions {
  /** The latest version's structure. */
  latest: SurveyStructure;
  structure: SurveyStructure;
  askedIn: Record<string, AskedIn>;
}

/** The questions of every stored version; undefined when the collector has none. */
export async function surveyQuestions(
  storage: Storage,
  surveyId: string,
): Promise<SurveyQuestions | undefined> {
  const structures = [...(await surveyStructures(storage, [surveyId])).values()];
  const latest = structures.reduce<SurveyStructure | undefined>(
    (newest, s) => (newest && newest.version > s.version ? newest : s),
    undefined,
  );
  if (!latest) return undefined;
  const { questions, askedIn } = questionsAcrossVersions(structures);
  return { latest, structure: { ...latest, questions }, askedIn };
}

/** The survey across its stored versions, texts too (the exports); undefined when none. */
export async function surveyHistory(
  storage: Storage,
  surveyId: string,
): Promise<SurveyHistory | undefined> {
  const packages = await surveyPackageVersions(storage, surveyId);
  const latest = packages.at(-1);
  if (!latest) return undefined;
  const { questions, askedIn } = questionsAcrossVersions(packages.map((p) => p.structure));
  return {
    latest,
    structure: { ...latest.structure, questions },
    askedIn,
    translations: packages.length === 1 ? latest.translations : textsOfEveryVersion(packages),
  };
}
