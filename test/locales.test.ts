/**
 * Every locale file is complete: for each JSON file in locales/en/, every other language
 * has the file, with every key English has, every plural form its own language needs
 * (Intl.PluralRules, as i18next uses it), every {{placeholder}}, no empty text and no key
 * English lacks. A language is offered only when this holds, so the check is strict even
 * while a translation is being written.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language, SOURCE_LANGUAGE } from '../src/shared/languages';

const LOCALES_DIR = fileURLToPath(new URL('../locales/', import.meta.url));
const TRANSLATED = LANGUAGES.filter((language) => language !== SOURCE_LANGUAGE);

/** i18next plural keys: "idle.countdown_one"; ordinals carry "_ordinal" before the form. */
const PLURAL_KEY = /^(.+?)(_ordinal)?_(zero|one|two|few|many|other)$/;

/** i18next placeholders: "{{count, number}}" names "count". */
const PLACEHOLDER = /\{\{\s*([^},\s]+)[^}]*\}\}/g;

type Flat = Map<string, unknown>;

/** Dotted keys to leaf values; objects are followed, anything else is a leaf (checked later). */
function flatten(node: unknown, prefix = '', into: Flat = new Map()): Flat {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) {
      flatten(value, prefix ? `${prefix}.${key}` : key, into);
    }
  } else {
    into.set(prefix, node);
  }
  return into;
}

function pluralCategories(language: string, ordinal: boolean): string[] {
  return new Intl.PluralRules(language, { type: ordinal ? 'ordinal' : 'cardinal' })
    .resolvedOptions()
    .pluralCategories.map(String);
}

/** Whether the language's "one" form is used for the number 1 alone (en, hu), not 21 (ru). */
function oneMeansOnlyOne(language: string): boolean {
  const rules = new Intl.PluralRules(language);
  for (let n = 0; n <= 1000; n++) if (n !== 1 && rules.select(n) === 'one') return false;
  return true;
}

function placeholders(text: unknown): Set<string> {
  return new Set(
    typeof text === 'string' ? [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '') : [],
  );
}

interface PluralGroup {
  ordinal: boolean;
  /** The forms English has, e.g. one and other. */
  englishForms: Set<string>;
}

/** English keys grouped by plural base: "idle.countdown" → { one, other }. */
function pluralGroups(english: Flat): Map<string, PluralGroup> {
  const groups = new Map<string, PluralGroup>();
  for (const key of english.keys()) {
    const match = PLURAL_KEY.exec(key);
    if (!match) continue;
    const [, base = '', ordinal, form = ''] = match;
    const id = `${base}${ordinal ?? ''}`;
    const group = groups.get(id) ?? { ordinal: Boolean(ordinal), englishForms: new Set() };
    group.englishForms.add(form);
    groups.set(id, group);
  }
  return groups;
}

/** What is wrong with one language's file, in words that name the keys; [] when complete. */
function localeProblems(
  englishTree: unknown,
  translationTree: unknown,
  language: Language,
): string[] {
  const english = flatten(englishTree);
  const translation = flatten(translationTree);
  const groups = pluralGroups(english);
  const problems: string[] = [];
  const missing: string[] = [];
  const expected = new Map<string, Set<string>>();
  const allowed = new Set<string>();

  for (const [key, text] of english) {
    if (!PLURAL_KEY.test(key)) expected.set(key, placeholders(text));
  }
  for (const [base, group] of groups) {
    const forms = new Set(pluralCategories(language, group.ordinal));
    // i18next uses "_zero" for a count of 0 in any language, when the key exists.
    if (group.englishForms.has('zero')) forms.add('zero');
    const englishPlaceholders = new Set<string>();
    for (const form of group.englishForms) {
      for (const name of placeholders(english.get(`${base}_${form}`)))
        englishPlaceholders.add(name);
    }
    for (const form of forms) {
      const needed = new Set(englishPlaceholders);
      // "Closing in 1 second" may say "one second"; in ru "one" also means 21, 31, … .
      if (form === 'one' && !group.ordinal && oneMeansOnlyOne(language)) needed.delete('count');
      expected.set(`${base}_${form}`, needed);
    }
    for (const form of [...pluralCategories(language, group.ordinal), 'zero'])
      allowed.add(`${base}_${form}`);
  }

  for (const [key, needed] of expected) {
    if (!translation.has(key)) {
      missing.push(key);
      continue;
    }
    const text = translation.get(key);
    if (typeof text !== 'string') {
      problems.push(`"${key}" is not text`);
      continue;
    }
    if (!text.trim()) problems.push(`"${key}" is empty`);
    const lacking = [...needed].filter((name) => !placeholders(text).has(name));
    if (lacking.length)
      problems.push(`"${key}" lacks ${lacking.map((n) => `{{${n}}}`).join(', ')}`);
    const unknown = [...placeholders(text)].filter(
      (name) => !needed.has(name) && !(name === 'count' && PLURAL_KEY.test(key)),
    );
    if (unknown.length)
      problems.push(
        `"${key}" uses ${unknown.map((n) => `{{${n}}}`).join(', ')}, which English does not`,
      );
  }
  if (missing.length) problems.unshift(`missing keys: ${missing.join(', ')}`);

  const extra = [...translation.keys()].filter((key) => !expected.has(key) && !allowed.has(key));
  if (extra.length) problems.push(`keys English does not have: ${extra.join(', ')}`);
  return problems;
}

/** English's own problems: leaves that are not text, empty texts, incomplete plural groups. */
function englishProblems(tree: unknown): string[] {
  const english = flatten(tree);
  const problems: string[] = [];
  for (const [key, text] of english) {
    if (typeof text !== 'string') problems.push(`"${key}" is not text`);
    else if (!text.trim()) problems.push(`"${key}" is empty`);
  }
  for (const [base, group] of pluralGroups(english)) {
    for (const form of pluralCategories(SOURCE_LANGUAGE, group.ordinal)) {
      if (!group.englishForms.has(form)) problems.push(`missing key: ${base}_${form}`);
    }
  }
  return problems;
}

function readJson(path: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (!existsSync(path)) return { ok: false, problem: 'the file is missing' };
  try {
    return { ok: true, value: JSON.parse(readFileSync(path, 'utf8')) };
  } catch (error) {
    return { ok: false, problem: `the file does not parse: ${(error as Error).message}` };
  }
}

const jsonFiles = (language: string) =>
  existsSync(join(LOCALES_DIR, language))
    ? readdirSync(join(LOCALES_DIR, language))
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
const ENGLISH_FILES = jsonFiles(SOURCE_LANGUAGE);

describe('locale files', () => {
  it('has English files to check against: the kiosk, the dashboard and the built-in survey', () => {
    expect(ENGLISH_FILES).toEqual(
      expect.arrayContaining(['app.json', 'admin.json', 'survey.library-service-quality.json']),
    );
  });

  it.each(ENGLISH_FILES)(
    'English %s parses, with no empty text and every English plural form',
    (file) => {
      const english = readJson(join(LOCALES_DIR, SOURCE_LANGUAGE, file));
      expect(english.ok ? englishProblems(english.value) : [english.problem]).toEqual([]);
    },
  );

  it.each(ENGLISH_FILES.flatMap((file) => TRANSLATED.map((language) => [file, language] as const)))(
    '%s in %s has every key, plural form and placeholder English has, and nothing else',
    (file, language) => {
      const english = readJson(join(LOCALES_DIR, SOURCE_LANGUAGE, file));
      const translation = readJson(join(LOCALES_DIR, language, file));
      if (!english.ok) throw new Error(`en/${file}: ${english.problem}`);
      const problems = translation.ok
        ? localeProblems(english.value, translation.value, language)
        : [translation.problem];
      expect(problems, `${language}/${file}:\n${problems.join('\n')}`).toEqual([]);
    },
  );

  it.each(TRANSLATED)('%s has no file English lacks', (language) => {
    expect(jsonFiles(language).filter((file) => !ENGLISH_FILES.includes(file))).toEqual([]);
  });
});

/**
 * The cardinal plural forms of each language, as its translators know them. Keyed by
 * Language, so a new language fails `tsc -b` until its forms are written here.
 */
const PLURAL_FORMS: Record<Language, string[]> = {
  en: ['one', 'other'],
  hu: ['one', 'other'],
  ru: ['few', 'many', 'one', 'other'],
  sl: ['few', 'one', 'other', 'two'],
  lt: ['few', 'many', 'one', 'other'],
};

describe('the plural forms each language needs', () => {
  // Guards the check above: a Node without full ICU would report fewer forms and pass anything.
  it.each(LANGUAGES.map((language) => [language, PLURAL_FORMS[language]] as const))(
    '%s: %j',
    (language, forms) => {
      expect(pluralCategories(language, false).sort()).toEqual(forms);
    },
  );
});

describe('localeProblems, the check itself', () => {
  const english = {
    title: 'Hello {{name}}',
    idle: {
      countdown_one: 'Closing in {{count}} second',
      countdown_other: 'Closing in {{count}} seconds',
    },
  };
  const slovenian = {
    title: 'Pozdravljeni, {{name}}',
    idle: {
      countdown_one: 'Zapiranje čez {{count}} sekundo',
      countdown_two: 'Zapiranje čez {{count}} sekundi',
      countdown_few: 'Zapiranje čez {{count}} sekunde',
      countdown_other: 'Zapiranje čez {{count}} sekund',
    },
  };

  it('finds nothing wrong with a complete translation', () => {
    expect(localeProblems(english, slovenian, 'sl')).toEqual([]);
  });

  it.each<[string, Language, unknown, string]>([
    ['a missing key', 'sl', { ...slovenian, title: undefined }, 'missing keys: title'],
    [
      'a plural form the language needs and English lacks',
      'sl',
      { ...slovenian, idle: { ...slovenian.idle, countdown_two: undefined } },
      'missing keys: idle.countdown_two',
    ],
    [
      'Russian with only the English forms',
      'ru',
      {
        title: 'Здравствуйте, {{name}}',
        idle: { countdown_one: '{{count}} секунда', countdown_other: '{{count}} секунд' },
      },
      'missing keys: idle.countdown_few, idle.countdown_many',
    ],
    ['an empty text', 'sl', { ...slovenian, title: ' ' }, '"title" is empty'],
    ['a text that is a number', 'sl', { ...slovenian, title: 3 }, '"title" is not text'],
    [
      'a missing placeholder',
      'sl',
      { ...slovenian, title: 'Pozdravljeni' },
      '"title" lacks {{name}}',
    ],
    [
      'a count missing where "one" also means 101',
      'sl',
      { ...slovenian, idle: { ...slovenian.idle, countdown_one: 'Zapiranje čez eno sekundo' } },
      '"idle.countdown_one" lacks {{count}}',
    ],
    [
      'a placeholder English does not have',
      'sl',
      { ...slovenian, title: 'Pozdravljeni, {{user}} {{name}}' },
      '"title" uses {{user}}, which English does not',
    ],
    [
      'a key English does not have',
      'sl',
      { ...slovenian, subtitle: 'Podnaslov' },
      'keys English does not have: subtitle',
    ],
    [
      'a plural form the language never uses',
      'sl',
      { ...slovenian, idle: { ...slovenian.idle, countdown_many: 'x {{count}}' } },
      'keys English does not have: idle.countdown_many',
    ],
  ])('reports %s', (_name, language, translation, problem) => {
    const asReadFromFile = JSON.parse(JSON.stringify(translation));
    expect(localeProblems(english, asReadFromFile, language)).toContain(problem);
  });

  it('lets Hungarian say "one second" without the number, since its "one" is only 1', () => {
    const hungarian = {
      title: 'Üdvözöljük, {{name}}',
      idle: {
        countdown_one: 'Egy másodperc múlva bezár',
        countdown_other: '{{count}} másodperc múlva bezár',
      },
    };
    expect(localeProblems(english, hungarian, 'hu')).toEqual([]);
  });

  it('allows the "_zero" form i18next uses for 0 in any language', () => {
    const withZero = { ...slovenian, idle: { ...slovenian.idle, countdown_zero: 'Zapiranje' } };
    expect(localeProblems(english, withZero, 'sl')).toEqual([]);
  });
});
