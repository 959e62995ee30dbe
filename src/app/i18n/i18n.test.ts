import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../shared/languages';
import { addSurveyTexts, prepareLanguage, translators } from './i18n';

/**
 * "Returning in N seconds", with counts that reach each plural form of each language.
 * Keyed by Language, so a new language fails `tsc -b` until it has its examples.
 */
const SECONDS: Record<Language, [count: number, text: string][]> = {
  en: [
    [1, '1 second'],
    [2, '2 seconds'],
  ],
  hu: [[5, '5 másodperc']],
  ru: [
    [1, '1 секунду'],
    [3, '3 секунды'],
    [5, '5 секунд'],
    [21, '21 секунду'],
  ],
  sl: [
    [1, '1 sekundo'],
    [2, '2 sekundi'],
    [3, '3 sekunde'],
    [5, '5 sekund'],
  ],
  lt: [
    [1, '1 sekundės'],
    [10, '10 sekundžių'],
  ],
};

describe('the app texts', () => {
  it("takes a survey package's texts before anything else has loaded", async () => {
    await addSurveyTexts('from-the-collector', {
      en: { title: 'Quick check' },
      sl: { title: 'Hitro preverjanje' },
    });
    await prepareLanguage('sl', 'from-the-collector');
    expect(translators('sl', 'from-the-collector').ts('title')).toBe('Hitro preverjanje');
  });

  it.each(
    LANGUAGES.flatMap((language) =>
      SECONDS[language].map(([count, text]) => [language, count, text] as const),
    ),
  )(
    'chooses the %s plural form for %i through Intl.PluralRules',
    async (language, count, expected) => {
      await prepareLanguage(language, 'library-service-quality');
      expect(
        translators(language, 'library-service-quality').t('thanks.returning', { count }),
      ).toContain(expected);
    },
  );

  it("formats numbers in the patron's language", async () => {
    await prepareLanguage('ru', 'library-service-quality');
    // Russian groups thousands with a no-break space: 1 500, not 1,500.
    expect(
      translators('ru', 'library-service-quality').t('answer.characters', {
        count: 1500,
        max: 2000,
      }),
    ).toMatch(/1\s500 .* 2\s000/u);
  });
});
