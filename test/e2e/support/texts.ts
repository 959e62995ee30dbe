/**
 * What a patron reads, per language, straight from the locale files: tests find controls by
 * the words on screen, as people (and screen readers) do.
 */
import { readFileSync } from 'node:fs';
import type { Question } from '../../../src/shared/contract/question';
import type { SurveyStructure } from '../../../src/shared/contract/survey-package';
import type { TranslationTree } from '../../../src/shared/contract/translations';
import type { Language } from '../../../src/shared/languages';

const cache = new Map<string, TranslationTree>();

function tree(language: Language, namespace: string): TranslationTree {
  const file = `locales/${language}/${namespace}.json`;
  let loaded = cache.get(file);
  if (!loaded) {
    loaded = JSON.parse(readFileSync(file, 'utf8')) as TranslationTree;
    cache.set(file, loaded);
  }
  return loaded;
}

function lookup(root: TranslationTree, key: string): string {
  let node: string | TranslationTree | undefined = root;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node;
}

/** An app text, with {{placeholders}} filled in plainly (numbers as digits). */
export function appText(
  language: Language,
  key: string,
  values: Record<string, string | number> = {},
): string {
  return lookup(tree(language, 'app'), key).replace(/\{\{(\w+)(?:, \w+)?\}\}/g, (_, name: string) =>
    String(values[name]),
  );
}

export function surveyText(language: Language, surveyId: string, key: string): string {
  return lookup(tree(language, `survey.${surveyId}`), key);
}

/** A survey's question by id; a missing one fails the test at once. */
export function questionOf(survey: SurveyStructure, id: string): Question {
  const question = survey.questions.find((q) => q.id === id);
  if (!question) throw new Error(`survey ${survey.id} has no question ${id}`);
  return question;
}

/** The built-in survey the kiosk runs before the collector assigns another. */
export function onlySurvey(surveys: readonly SurveyStructure[]): SurveyStructure {
  const [survey] = surveys;
  if (!survey) throw new Error('no built-in survey');
  return survey;
}

/**
 * A dashboard text (locales/<lng>/admin.json) as i18next renders it: with `count`, the
 * language's plural form (`_one`, `_few`, `_other`…); `{{name, number}}` formatted with
 * Intl in the language, as the dashboard does, other `{{name}}` plainly.
 */
export function adminText(
  language: Language,
  key: string,
  values: Record<string, string | number> = {},
): string {
  const root = tree(language, 'admin');
  let text: string;
  if (typeof values.count === 'number') {
    const form = new Intl.PluralRules(language).select(values.count);
    try {
      text = lookup(root, `${key}_${form}`);
    } catch {
      text = lookup(root, key);
    }
  } else {
    text = lookup(root, key);
  }
  const number = new Intl.NumberFormat(language);
  return text.replace(/\{\{(\w+)(?:, (\w+))?\}\}/g, (_, name: string, format?: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${key} needs a value for ${name}`);
    return format === 'number' && typeof value === 'number' ? number.format(value) : String(value);
  });
}
