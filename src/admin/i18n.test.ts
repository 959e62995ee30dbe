import { describe, expect, it } from 'vitest';
import type { Language } from '../shared/languages';
import { adminT, initialLanguage, switchLanguage } from './i18n';

/** "N comments", with counts that reach each plural form of each language. */
const COMMENTS: [Language, number, string][] = [
  ['en', 1, '1 comment'],
  ['en', 2, '2 comments'],
  ['hu', 5, '5 megjegyzés'],
  ['ru', 1, '1 комментарий'],
  ['ru', 3, '3 комментария'],
  ['ru', 5, '5 комментариев'],
  ['ru', 21, '21 комментарий'],
  ['sl', 1, '1 komentar'],
  ['sl', 2, '2 komentarja'],
  ['sl', 3, '3 komentarji'],
  ['sl', 5, '5 komentarjev'],
  ['sl', 102, '102 komentarja'],
  ['lt', 1, '1 komentaras'],
  ['lt', 3, '3 komentarai'],
  ['lt', 10, '10 komentarų'],
  ['lt', 21, '21 komentaras'],
];

describe("the dashboard's texts", () => {
  it.each(COMMENTS)('%s: %i → "%s"', async (language, count, expected) => {
    await switchLanguage(language);
    expect(adminT(language)('comments.count', { count })).toBe(expected);
  });

  it.each<[Language, string]>([
    ['en', '1 – Very poor'],
    ['ru', '1 — Очень плохо'],
    ['hu', '1 – Nagyon rossz'],
  ])('%s: a rating point and its words read "%s"', async (language, expected) => {
    await switchLanguage(language);
    const label = expected.replace(/^1 \S+ /, '');
    expect(adminT(language)('questions.ratingPoint', { point: 1, label })).toBe(expected);
  });

  it("groups thousands as the reader's language does", async () => {
    await switchLanguage('ru');
    expect(adminT('ru')('comments.count', { count: 1500 })).toMatch(/^1\s500 комментари/u);
  });

  it.each<[string | null, string[], Language]>([
    ['sl', ['en-GB'], 'sl'],
    [null, ['hu-HU', 'en'], 'hu'],
    [null, ['de-AT', 'lt'], 'lt'],
    [null, ['de'], 'en'],
    ['xx', ['ru'], 'ru'],
  ])('remembered %j, browser %j → %s', (stored, preferences, expected) => {
    expect(initialLanguage({ getItem: () => stored }, preferences)).toBe(expected);
  });
});
