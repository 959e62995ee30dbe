import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/languages';
import { LanguageProvider } from '../context';
import { adminT, switchLanguage } from '../i18n';
import { AskedInMark, AskedInNote, askedInText } from './AskedIn';

const MARKS: [Language, string, string, string][] = [
  ['en', 'asked until version 1', 'asked from version 2', 'asked in versions 2–3'],
  ['hu', '1. verzióig kérdeztük', '2. verziótól kérdezzük', '2–3. verzióban kérdeztük'],
  ['ru', 'задавался до версии 1 включительно', 'задаётся с версии 2', 'задавался в версиях 2–3'],
  [
    'sl',
    'zastavljeno do vključno različice 1',
    'zastavljeno od različice 2',
    'zastavljeno v različicah 2–3',
  ],
  ['lt', 'klausta iki versijos 1 imtinai', 'klausiama nuo versijos 2', 'klausta versijose 2–3'],
];

describe('the mark of a question not asked in every version', () => {
  it.each(MARKS)('%s: says which versions asked it', async (language, until, from, between) => {
    await switchLanguage(language);
    const t = adminT(language);
    expect(askedInText(t, { from: null, until: 1 })).toBe(until);
    expect(askedInText(t, { from: 2, until: null })).toBe(from);
    expect(askedInText(t, { from: 2, until: 3 })).toBe(between);
  });

  it('is nothing for a question every version asked', async () => {
    await switchLanguage('en');
    const t = adminT('en');
    expect(askedInText(t, undefined)).toBe('');
    expect(askedInText(t, { from: null, until: null })).toBe('');
    const html = renderToString(
      <LanguageProvider language="en" setLanguage={() => {}}>
        <h2>
          Wi-Fi
          <AskedInMark asked={undefined} />
        </h2>
        <AskedInNote asked={undefined} />
      </LanguageProvider>,
    );
    expect(html).toBe('<h2>Wi-Fi</h2>');
  });

  it('stands beside the question as words, with a note on what its figures count', async () => {
    await switchLanguage('en');
    const html = renderToString(
      <LanguageProvider language="en" setLanguage={() => {}}>
        <h2>
          Computers and Wi-Fi
          <AskedInMark asked={{ from: null, until: 1 }} />
        </h2>
        <AskedInNote asked={{ from: null, until: 1 }} />
      </LanguageProvider>,
    );
    expect(html).toContain('<span class="badge">asked until version 1</span>');
    expect(html).toContain(adminT('en')('results.versions.onlySome'));
  });
});
