import { renderToString } from 'preact-render-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../shared/languages';
import { DEFAULT_SURVEY_ID } from '../../surveys';
import { LanguageProvider } from '../i18n/context';
import { prepareLanguage } from '../i18n/i18n';
import { SentKeptNotice } from './SentKeptNotice';

function render(language: Language, days: number): string {
  return renderToString(
    <LanguageProvider language={language} surveyId={DEFAULT_SURVEY_ID}>
      <SentKeptNotice days={days} />
    </LanguageProvider>,
  );
}

beforeAll(async () => {
  for (const language of LANGUAGES) await prepareLanguage(language, DEFAULT_SURVEY_ID);
});

describe('how long staff are told sent answers stay', () => {
  it.each<[Language, number, string]>([
    ['en', 1, '1 day after'],
    ['en', 2, '2 days after'],
    ['en', 7, '7 days after'],
    ['hu', 1, '1 nappal'],
    ['hu', 5, '5 nappal'],
    ['ru', 1, 'через 1 день'],
    ['ru', 2, 'через 2 дня'],
    ['ru', 5, 'через 5 дней'],
    ['sl', 1, 'izbrišejo 1 dan po'],
    ['sl', 2, 'izbrišejo 2 dneva po'],
    ['sl', 3, 'izbrišejo 3 dni po'],
    ['sl', 5, 'izbrišejo 5 dni po'],
    ['lt', 1, 'praėjus 1 dienai'],
    ['lt', 2, 'praėjus 2 dienoms'],
    ['lt', 7, 'praėjus 7 dienoms'],
  ])('%s, %i days: "%s"', (language, days, words) => {
    expect(render(language, days)).toContain(words);
  });

  it.each(LANGUAGES)('%s: with 0 days, says they are deleted once received', (language) => {
    const html = render(language, 0);
    expect(html).toContain('data-testid="sent-kept"');
    expect(html).not.toMatch(/\b0\b/);
    expect(html).not.toContain('staff.outbox');
  });
});
