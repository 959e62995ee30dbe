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
    ['en', true],
    ['hu', true],
    ['ru', true],
    ['sl', true],
    ['lt', true],
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
  it('has the five languages, English first as the source', () => {
    expect(LANGUAGES).toEqual(['en', 'hu', 'ru', 'sl', 'lt']);
    expect(SOURCE_LANGUAGE).toBe('en');
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
