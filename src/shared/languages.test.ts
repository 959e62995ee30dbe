import { describe, expect, it } from 'vitest';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, matchLanguage, SOURCE_LANGUAGE } from './languages';

describe('matchLanguage', () => {
  it.each<[readonly string[], string | undefined]>([
    [['sl-SI'], 'sl'],
    [['en-GB'], 'en'],
    [['hu'], 'hu'],
    [['ru-RU', 'en-US'], 'ru'],
    [['LT-lt'], 'lt'],
    [['de-DE', 'fr'], undefined],
    [['de-DE', 'sl', 'en'], 'sl'],
    [['en-US', 'sl-SI'], 'en'],
    [['zh-Hant-TW', 'hu-HU'], 'hu'],
    [['sr-Latn'], undefined],
    [['slo'], undefined],
    [[''], undefined],
    [[], undefined],
  ])('%j → %s', (preferences, language) => {
    expect(matchLanguage(preferences)).toBe(language);
  });
});

describe('isLanguage', () => {
  it.each<[unknown, boolean]>([
    ...LANGUAGES.map((language) => [language, true] as [unknown, boolean]),
    ['de', false],
    ['EN', false],
    ['sl-SI', false],
    ['', false],
    [undefined, false],
    [7, false],
    [['en'], false],
  ])('%j → %s', (value, language) => {
    expect(isLanguage(value)).toBe(language);
  });
});

describe('the language list', () => {
  it('starts with English, the source every translation is checked against', () => {
    expect(SOURCE_LANGUAGE).toBe('en');
    expect(LANGUAGES[0]).toBe(SOURCE_LANGUAGE);
  });

  it('names its languages in the order they are offered', () => {
    expect(Object.keys(LANGUAGE_NAMES)).toEqual([...LANGUAGES]);
  });

  it('names each language in its own words for the picker', () => {
    expect(LANGUAGE_NAMES).toEqual({
      en: 'English',
      hu: 'Magyar',
      ru: 'Русский',
      sl: 'Slovenščina',
      lt: 'Lietuvių',
    });
  });
});
