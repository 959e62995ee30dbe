/**
 * A public link's first screen as the collector writes it into the page: the language,
 * the survey's texts, escaping of what staff typed, the closed and unknown links, and a
 * Content-Security-Policy that allows exactly the page's inline style and script.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/app.json';
import hu from '../../../locales/hu/app.json';
import lt from '../../../locales/lt/app.json';
import ru from '../../../locales/ru/app.json';
import sl from '../../../locales/sl/app.json';
import { EARLY_START_SCRIPT } from '../../app/phone/early-start';
import { acceptedLanguage } from './app-shell';
import { CONTENT_POLICY, contentPolicy } from './content-policy';
import { type LinkFirstScreen, renderFirstScreen } from './first-screen';
import { phoneAssetsReader, phoneBuild, phoneChunks, withFirstScreen } from './static-app';

const APP = { en, hu, ru, sl, lt };
/** The page as written in the repository, before Vite adds the entry and its preloads. */
const INDEX_HTML = readFileSync(new URL('../../../index.html', import.meta.url), 'utf8');

const OPEN: LinkFirstScreen = {
  kind: 'open',
  survey: {
    title: 'title',
    translations: {
      en: { title: 'How is your library doing?', intro: 'Tell us how we serve you.' },
      hu: { title: 'Milyen a könyvtára?', intro: 'Mondja el, hogyan szolgáljuk ki.' },
      // Russian has no title of its own: English stands in, as i18next's fallback does.
      ru: { intro: 'Расскажите нам.' },
    },
  },
};

const BUILT =
  '<!doctype html><html lang="en"><head><title>Library survey</title>' +
  '<link rel="stylesheet" crossorigin href="/assets/index-abc.css"></head>' +
  '<body><div id="app"></div></body></html>';
const CSS = '.welcome-title{font-size:2rem}';

function hashOf(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('a public link’s first screen', () => {
  it.each([
    ['hu-HU,hu;q=0.9,en;q=0.8', 'hu'],
    ['de-DE, sl;q=0.8, ru;q=0.9', 'ru'],
    ['lt', 'lt'],
    ['sl-SI', 'sl'],
    ['en-GB', 'en'],
  ] as const)('speaks the language Accept-Language “%s” chooses: %s', (header, language) => {
    expect(acceptedLanguage(header)).toBe(language);
    const { markup } = renderFirstScreen(OPEN, language);
    expect(markup).toContain(APP[language].welcome.start);
    expect(markup).toContain(APP[language].welcome.privacy);
    expect(markup).toContain(`aria-label="${APP[language].language.choose}"`);
    // The picker shows the chosen language pressed, the others not (nor high contrast).
    expect(markup).toContain(`lang="${language}" aria-pressed="true"`);
    expect(markup.match(/aria-pressed="true"/g)).toHaveLength(1);
  });

  it('shows the survey’s title and introduction in the language, else in English', () => {
    expect(renderFirstScreen(OPEN, 'hu').markup).toContain(
      '<h1 class="welcome-title">Milyen a könyvtára?</h1>',
    );
    const russian = renderFirstScreen(OPEN, 'ru').markup;
    expect(russian).toContain('<h1 class="welcome-title">How is your library doing?</h1>');
    expect(russian).toContain('<p class="welcome-intro">Расскажите нам.</p>');
    // No Slovenian texts at all: the English ones.
    expect(renderFirstScreen(OPEN, 'sl').markup).toContain('Tell us how we serve you.');
  });

  it('escapes a hostile title and introduction: they stay text', () => {
    const hostile = '<img src=x onerror="alert(1)"></h1><script>alert(2)</script>&amp;$&$1';
    const { markup } = renderFirstScreen(
      {
        kind: 'open',
        survey: { title: 'title', translations: { en: { title: hostile, intro: hostile } } },
      },
      'en',
    );
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain('<script');
    expect(markup).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;>');
    expect(markup).toContain('&amp;amp;$&amp;$1');
    // Written into the page, "$&" and "$1" are not read as replacement patterns.
    const page = withFirstScreen(BUILT, { markup, script: '' }, CSS);
    expect(page?.html).toContain(`<div id="app">${markup}</div>`);
    expect(page?.html.match(/<script/g) ?? []).toHaveLength(0);
  });

  it.each([
    ['closed', 'en'],
    ['closed', 'lt'],
    ['invalid', 'hu'],
  ] as const)('for a %s link is the polite notice (%s), with nothing to tap', (kind, language) => {
    const { markup, script } = renderFirstScreen({ kind }, language);
    expect(markup).toContain(`data-notice="${kind}"`);
    expect(markup).toContain(`<h1>${APP[language].phone[kind].title}</h1>`);
    expect(markup).not.toContain('<button');
    expect(script).toBe('');
  });

  it('marks Start for the early-tap script, which comes after the screen', () => {
    const screen = renderFirstScreen(OPEN, 'en');
    expect(screen.script).toBe(EARLY_START_SCRIPT);
    expect(screen.markup).toMatch(
      /<button type="button" class="button button-primary button-large" data-early-start>/,
    );
    const page = withFirstScreen(BUILT, screen, CSS);
    expect(page?.html).toContain(
      `<div id="app">${screen.markup}</div><script>${EARLY_START_SCRIPT}</script>`,
    );
  });

  it('inlines the stylesheet in place of its link, and the policy allows exactly that and the script', () => {
    const screen = renderFirstScreen(OPEN, 'en');
    const page = withFirstScreen(BUILT, screen, CSS);
    if (!page) throw new Error('the built page has an app element');
    expect(page.html).not.toContain('rel="stylesheet"');
    const style = /<style>([\s\S]*?)<\/style>/.exec(page.html)?.[1];
    const script = /<script>([\s\S]*?)<\/script>/.exec(page.html)?.[1];
    expect(style).toBe(CSS);
    expect(script).toBe(EARLY_START_SCRIPT);
    const policy = directives(page.csp);
    expect(policy.get('style-src')).toEqual(["'self'", hashOf(style ?? '')]);
    expect(policy.get('script-src')).toEqual(["'self'", hashOf(script ?? '')]);
    expect(page.csp).not.toContain('unsafe');
    // Every other directive as the app's policy has it.
    const plain = directives(contentPolicy());
    for (const [name, sources] of plain) {
      if (name !== 'style-src' && name !== 'script-src') expect(policy.get(name)).toEqual(sources);
    }
    expect(plain.size).toBe(Object.keys(CONTENT_POLICY).length);
  });

  it('writes the phone’s first API replies as a data block nothing in them can end', () => {
    const hostile = '</script><script>alert(1)</script>';
    const replies = { '/api/v1/public/links/abc': { body: { title: hostile } } };
    const page = withFirstScreen(BUILT, { ...renderFirstScreen(OPEN, 'en'), replies }, CSS);
    const block = /<script type="application\/json" id="page-replies">([\s\S]*?)<\/script>/.exec(
      page?.html ?? '',
    )?.[1];
    expect(JSON.parse(block ?? '')).toEqual(replies);
    expect(block).not.toContain('<');
    // Not run, so not in the policy: only the early-start script is.
    expect(directives(page?.csp ?? '').get('script-src')).toEqual([
      "'self'",
      hashOf(EARLY_START_SCRIPT),
    ]);
  });

  it('leaves a page without its app element alone', () => {
    expect(withFirstScreen('<!doctype html><p>other</p>', renderFirstScreen(OPEN, 'en'), CSS)).toBe(
      undefined,
    );
  });
});

describe('the phone’s chunks named for modulepreload', () => {
  const MANIFEST = {
    'index.html': { file: 'assets/index-abc.js', imports: ['_shared-x.js'] },
    'src/app/phone/boot.tsx': {
      file: 'assets/boot-1.js',
      imports: ['index.html', 'src/app/sync/index.ts'],
    },
    'src/app/sync/index.ts': {
      file: 'assets/sync-2.js',
      imports: ['_response-file-3.js', 'index.html'],
    },
    '_response-file-3.js': {
      file: 'assets/response-file-3.js',
      imports: ['src/app/phone/boot.tsx'],
    },
    '_shared-x.js': { file: 'assets/shared-x.js' },
  };

  it('are the phone’s chunk and what it imports, never the entry, each once', () => {
    expect(phoneChunks(MANIFEST)).toEqual([
      '/assets/boot-1.js',
      '/assets/sync-2.js',
      '/assets/response-file-3.js',
    ]);
  });

  it('are none for a manifest that is not one', () => {
    expect(phoneChunks(undefined)).toEqual([]);
    expect(phoneChunks({ 'src/app/phone/boot.tsx': { file: 42 } })).toEqual([]);
    expect(phoneChunks({ 'src/app/phone/boot.tsx': { file: '../../etc/passwd' } })).toEqual([]);
  });

  it('go into the page’s head', () => {
    const page = withFirstScreen(BUILT, renderFirstScreen(OPEN, 'en'), CSS, phoneChunks(MANIFEST));
    expect(page?.html).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/boot-1.js"><link rel="modulepreload" crossorigin href="/assets/sync-2.js"><link rel="modulepreload" crossorigin href="/assets/response-file-3.js"></head>',
    );
  });
});

describe('the phone’s own entry in the page', () => {
  const KIOSK_PAGE =
    '<!doctype html><html lang="en"><head><title>Library survey</title>' +
    '<script type="module" crossorigin src="/assets/index-abc.js"></script>\n' +
    '    <link rel="modulepreload" crossorigin href="/assets/shared-x.js">\n' +
    '    <link rel="stylesheet" crossorigin href="/assets/index-abc.css">\n' +
    '    <link rel="modulepreload" crossorigin href="/assets/app-en.js">\n' +
    '  </head><body><!-- the app --><div id="app"></div>\n' +
    "    <!-- the kiosk's kept welcome screen -->\n" +
    '    <script src="/welcome-snapshot.js"></script>\n' +
    '    <noscript><p>JavaScript</p></noscript></body></html>';
  const PHONE_MANIFEST = {
    'src/app/phone/main.tsx': {
      file: 'assets/phone/main-1.js',
      isEntry: true,
      imports: ['_vendor-2.js'],
      dynamicImports: ['locales/hu/app.json'],
    },
    '_vendor-2.js': { file: 'assets/vendor-2.js', imports: ['src/app/phone/main.tsx'] },
    'locales/en/app.json': { file: 'assets/app-en.js', isDynamicEntry: true },
    'locales/hu/app.json': { file: 'assets/app-hu.js', isDynamicEntry: true },
  };

  it('is read from the phone build’s manifest: the entry, what it imports, each language’s texts', () => {
    expect(phoneBuild(PHONE_MANIFEST)).toEqual({
      entry: '/assets/phone/main-1.js',
      imports: ['/assets/vendor-2.js'],
      texts: { en: '/assets/app-en.js', hu: '/assets/app-hu.js' },
    });
  });

  it('is none without a phone build, or with a manifest that is not one', () => {
    expect(phoneBuild(undefined)).toBe(undefined);
    expect(phoneBuild({ 'src/app/phone/main.tsx': { file: 42 } })).toBe(undefined);
    expect(phoneBuild({ 'src/app/phone/main.tsx': { file: 'assets/main.js' } })).toBe(undefined);
    expect(
      phoneBuild({ 'src/app/phone/main.tsx': { file: '../../etc/passwd', isEntry: true } }),
    ).toBe(undefined);
  });

  it('replaces the kiosk’s entry and its preloads, keeping the stylesheet inline', () => {
    const page = withFirstScreen(
      KIOSK_PAGE,
      renderFirstScreen(OPEN, 'en'),
      CSS,
      ['/assets/vendor-2.js', '/assets/app-en.js'],
      '/assets/phone/main-1.js',
    );
    const html = page?.html ?? '';
    expect(html).toContain(
      '<script type="module" crossorigin src="/assets/phone/main-1.js"></script>',
    );
    expect(html).not.toContain('/assets/index-abc.js');
    expect(html).not.toContain('/assets/shared-x.js');
    expect(html).not.toContain('welcome-snapshot.js');
    expect(html).not.toContain('kept welcome screen');
    expect(html).toContain('<!-- the app -->');
    expect(html).toContain('<noscript><p>JavaScript</p></noscript>');
    expect(html).toContain(`<style>${CSS}</style>`);
    expect(html.match(/rel="modulepreload"/g)).toHaveLength(2);
    expect(html).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/vendor-2.js"><link rel="modulepreload" crossorigin href="/assets/app-en.js"></head>',
    );
  });

  it('leaves out the kiosk’s early script of index.html as written, with its comment', () => {
    // Vite writes the entry and its preloads into the head; the body stays as written.
    const built = INDEX_HTML.replace(
      '</head>',
      '<script type="module" crossorigin src="/assets/index-abc.js"></script></head>',
    );
    expect(built).toContain('src="/welcome-snapshot.js"');
    const html =
      withFirstScreen(built, renderFirstScreen(OPEN, 'en'), CSS, [], '/assets/phone/main-1.js')
        ?.html ?? '';
    expect(html).toContain('src="/assets/phone/main-1.js"');
    expect(html).not.toContain('welcome-snapshot');
    expect(html).toContain('<noscript>');
  });

  it('leaves the kiosk’s entry, without its early script, for an entry that is not a chunk of the build', () => {
    const page = withFirstScreen(
      KIOSK_PAGE,
      renderFirstScreen(OPEN, 'en'),
      CSS,
      [],
      'https://example.com/x.js',
    );
    expect(page?.html).toContain('src="/assets/index-abc.js"');
    expect(page?.html).not.toContain('welcome-snapshot.js');
    expect(page?.html).not.toContain('example.com');
    // Without the phone's build at all, the same.
    const kioskEntry = withFirstScreen(KIOSK_PAGE, renderFirstScreen(OPEN, 'en'), CSS)?.html;
    expect(kioskEntry).toContain('src="/assets/index-abc.js"');
    expect(kioskEntry).not.toContain('welcome-snapshot.js');
  });
});

describe('the phone page’s assets', () => {
  it('are read again when the phone’s build changed and index.html did not', async () => {
    const staticDir = mkdtempSync(join(tmpdir(), 'phone-assets-'));
    try {
      mkdirSync(join(staticDir, '.vite'));
      const manifestPath = join(staticDir, '.vite', 'phone-manifest.json');
      const writeBuild = (entry: string, mtimeSeconds: number) => {
        writeFileSync(
          manifestPath,
          JSON.stringify({ 'src/app/phone/main.tsx': { file: entry, isEntry: true } }),
        );
        // Set, not waited for: two writes within one clock tick would share their mtime.
        utimesSync(manifestPath, mtimeSeconds, mtimeSeconds);
      };
      const read = phoneAssetsReader(staticDir);
      const html = '<!doctype html><div id="app"></div>';
      expect((await read(html)).phone).toBe(undefined);
      writeBuild('assets/phone/main-1.js', 1_800_000_000);
      expect((await read(html)).phone?.entry).toBe('/assets/phone/main-1.js');
      writeBuild('assets/phone/main-2.js', 1_800_000_060);
      expect((await read(html)).phone?.entry).toBe('/assets/phone/main-2.js');
    } finally {
      rmSync(staticDir, { recursive: true, force: true });
    }
  });
});
