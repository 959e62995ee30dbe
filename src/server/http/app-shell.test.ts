import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/languages';
import { acceptedLanguage, localizeShell, SHELL_TEXTS } from './app-shell';

const INDEX_HTML = readFileSync(new URL('../../../index.html', import.meta.url), 'utf8');

describe('the language a page request accepts', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['hu', 'hu'],
    ['sl-SI,sl;q=0.9,en;q=0.8', 'sl'],
    ['de-DE,de;q=0.9,ru;q=0.5', 'ru'],
    ['de, sl;q=0.8, hu;q=0.9', 'hu'],
    ['lt;q=0.5, en;q=0.5', 'lt'],
    ['hu;q=0, en', 'en'],
    ['LT', 'lt'],
    ['*', undefined],
    ['de, fr;q=0.5', undefined],
    ['ru;q=abc, sl;q=0.1', 'sl'],
    [';;,,;q=', undefined],
  ])('%j is %s', (header, language) => {
    expect(acceptedLanguage(header)).toBe(language);
  });
});

describe('the app page in a language', () => {
  it.each(LANGUAGES.map((language) => [language]))(
    'has %s as its language, title and only no-script text',
    (language) => {
      const html = localizeShell(INDEX_HTML, language);
      expect(html).toContain(`<html lang="${language}">`);
      expect(html).toContain(`<title>${SHELL_TEXTS[language].appName}</title>`);
      const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(html)?.[1] ?? '';
      expect(noscript).toBe(`<p>${SHELL_TEXTS[language].noScript}</p>`);
      // The rest of the page is the page as built.
      expect(html).toContain('<script type="module" src="/src/app/main.tsx"></script>');
    },
  );
});

describe('index.html as built, for a request in no known language and the offline copy', () => {
  it('is English, with the title the kiosk uses', () => {
    expect(INDEX_HTML).toContain('<html lang="en">');
    expect(INDEX_HTML).toContain(`<title>${SHELL_TEXTS.en.appName}</title>`);
  });

  it('says it needs JavaScript in all five languages, each marked with its own', () => {
    const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(INDEX_HTML)?.[1] ?? '';
    const paragraphs = [...noscript.matchAll(/<p lang="([a-z]+)">([^<]*)<\/p>/g)].map(
      ([, language, text]) => [language, text],
    );
    expect(paragraphs).toEqual(
      LANGUAGES.map((language) => [language, SHELL_TEXTS[language].noScript]),
    );
  });
});
