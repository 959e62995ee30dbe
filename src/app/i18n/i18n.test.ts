import { describe, expect, it } from 'vitest';
import { addSurveyTexts, prepareLanguage, translators } from './i18n';

describe('the app texts', () => {
  it("takes a survey package's texts before anything else has loaded", async () => {
    await addSurveyTexts('from-the-collector', {
      en: { title: 'Quick check' },
      sl: { title: 'Hitro preverjanje' },
    });
    await prepareLanguage('sl', 'from-the-collector');
    expect(translators('sl', 'from-the-collector').ts('title')).toBe('Hitro preverjanje');
  });

  it.each([
    ['en', 1, '1 second'],
    ['en', 2, '2 seconds'],
    ['sl', 1, '1 sekundo'],
    ['sl', 2, '2 sekundi'],
    ['sl', 3, '3 sekunde'],
    ['sl', 5, '5 sekund'],
    ['ru', 1, '1 секунду'],
    ['ru', 3, '3 секунды'],
    ['ru', 5, '5 секунд'],
    ['ru', 21, '21 секунду'],
    ['lt', 1, '1 sekundės'],
    ['lt', 10, '10 sekundžių'],
    ['hu', 5, '5 másodperc'],
  ] as const)(
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
