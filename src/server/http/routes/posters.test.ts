/**
 * The poster routes through app.request(): the page, its policy, its languages and its
 * escaping; the QR files; unknown and closed links. The link storage is a map; the survey
 * texts are the built-in package's, and storedSurvey() is checked on both databases.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, testDialects } from '../../../../test/fixtures/test-databases';
import { posterPath, publicLinkPath } from '../../../shared/contract/public-link';
import { flattenTranslations } from '../../../shared/contract/translations';
import { LANGUAGES, type Language } from '../../../shared/languages';
import { builtInPackages } from '../../../surveys/packages';
import { POSTER_TEXTS } from '../../posters/poster-texts';
import { prepareCollector } from '../../startup';
import { insertSurveyPackage } from '../../storage';
import { SECURITY_HEADERS } from '../app';
import {
  type PosterLink,
  type PosterSurvey,
  posterRoutes,
  storedSurvey,
  surveyTitles,
} from './posters';

const BASE_URL = 'https://survey.library.example';
const OPEN = 'Qm7Kx2Zb9R00Wv8Ny3Hs6Jd5O0o1lI-_';
const CLOSED = 'Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0P_';
const HOSTILE = 'Hh1Gg2Ff3Ee4Dd5Cc6Bb7Aa8Zz9Yy0X-';
const ATTACK = `<script>alert("x")</script><img src=x onerror=alert(1)>&amp;'"`;

const builtIn = (() => {
  const [first] = builtInPackages();
  if (!first) throw new Error('no built-in survey');
  return first;
})();
const BUILT_IN: PosterSurvey = { title: builtIn.title, translations: builtIn.translations };

const link = (token: string, changes: Partial<PosterLink> = {}): PosterLink => ({
  token,
  branch: { id: 'east', name: 'East library' },
  survey: { id: builtIn.id, version: builtIn.version },
  state: 'open',
  ...changes,
});

const LINKS = new Map<string, PosterLink>([
  [OPEN, link(OPEN)],
  [CLOSED, link(CLOSED, { state: 'closed' })],
  [
    HOSTILE,
    link(HOSTILE, { branch: { id: 'east', name: ATTACK }, survey: { id: 'hostile', version: 1 } }),
  ],
]);

/** A package someone imported whose title, in every language, is markup. */
const HOSTILE_SURVEY: PosterSurvey = {
  title: 'title',
  translations: Object.fromEntries(LANGUAGES.map((l) => [l, { title: `${ATTACK} ${l}` }])),
};

const titleIn = (language: Language) =>
  flattenTranslations(builtIn.translations[language] ?? {}).get(builtIn.title) ?? '';

/** Text as it stands in the page's HTML: hono's escaping of & < > " '. */
const escaped = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

function app() {
  const looked: string[] = [];
  const routes = posterRoutes({
    lookup: async (token) => {
      looked.push(token);
      return LINKS.get(token);
    },
    survey: async (id) =>
      id === 'hostile' ? HOSTILE_SURVEY : id === builtIn.id ? BUILT_IN : undefined,
    baseUrl: BASE_URL,
  });
  return { routes, looked };
}

async function page(path: string, headers: Record<string, string> = {}) {
  const reply = await app().routes.request(path, { headers });
  return { reply, html: await reply.text() };
}

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the poster page', () => {
  it('is at posterPath(token), names the link in its code and its address, and is not cached', async () => {
    const { reply, html } = await page(posterPath(OPEN));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain(`aria-label="QR code for ${BASE_URL}${publicLinkPath(OPEN)}"`);
    // The address under the code: the token in groups of four, each zero struck through.
    expect(html).toContain(`${BASE_URL}/s/<wbr><span class="token"><span>Qm7K</span>`);
    expect(html).toContain('<span>9R<span class="zero">0</span><span class="zero">0</span></span>');
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html).toContain('<h1 class="title">How is your library doing?</h1>');
  });

  it('prints the title and the invitation in all five languages, each marked with its language', async () => {
    const { html } = await page(posterPath(OPEN));
    for (const language of LANGUAGES) {
      expect(titleIn(language)).not.toBe('');
      expect(html).toContain(escaped(titleIn(language)));
      expect(html).toContain(escaped(POSTER_TEXTS[language].poster.invitation));
      expect(html).toContain(`<div lang="${language}">`);
    }
  });

  it('allows its own style and script by their hashes, and nothing else', async () => {
    const { reply, html } = await page(posterPath(OPEN));
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(scripts).toHaveLength(1);
    expect(reply.headers.get('content-security-policy')).toBe(
      [
        "default-src 'none'",
        `style-src ${hashOf(style)}`,
        `script-src ${hashOf(scripts[0] ?? '')}`,
        "img-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
    expect(style).toContain('@page { size: A4; margin: 0; }');
    expect(html).not.toMatch(/ style=| on[a-z]+=/);
  });

  it("keeps its own policy under the collector's security headers, and gets the others", async () => {
    const own = await page(posterPath(OPEN));
    const collector = new Hono().use(SECURITY_HEADERS).route('/', app().routes);
    const reply = await collector.request(posterPath(OPEN));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-security-policy')).toBe(
      own.reply.headers.get('content-security-policy'),
    );
    expect(reply.headers.get('x-frame-options')).toBe('DENY');
    expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('escapes a survey title and a branch name that hold markup', async () => {
    const { reply, html } = await page(`${posterPath(HOSTILE)}?size=a6`);
    expect(reply.status).toBe(200);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('alert("x")</script>');
    expect(html.match(/<script>/g)).toHaveLength(1);
    for (const language of LANGUAGES) expect(html).toContain(escaped(`${ATTACK} ${language}`));
    expect(html).toContain(`<p class="branch">${escaped(ATTACK)}</p>`);
    expect(html).toContain(`<title>Poster: ${escaped(`${ATTACK} en`)}</title>`);
  });

  it.each([
    ['hu-HU,hu;q=0.9,en;q=0.5', 'hu'],
    ['ru', 'ru'],
    ['de-AT, sl;q=0.8, lt;q=0.9', 'lt'],
    ['lt-LT', 'lt'],
    ['de-DE,fr;q=0.8', 'en'],
    ['', 'en'],
  ] as const)(
    'speaks to staff asking for "%s" in %s, and prints that language first',
    async (accept, language) => {
      const { html } = await page(posterPath(OPEN), accept ? { 'accept-language': accept } : {});
      const t = POSTER_TEXTS[language].toolbar;
      expect(html).toContain(`<html lang="${language}">`);
      expect(html).toContain(`<button type="button" id="print">${escaped(t.print)}</button>`);
      expect(html).toContain(escaped(t.a4Help));
      expect(html).toContain(`<h1 class="title">${escaped(titleIn(language))}</h1>`);
    },
  );

  it('prints the language ?lang= names first, whatever the staff member reads', async () => {
    const { html } = await page(`${posterPath(OPEN)}?lang=sl`, { 'accept-language': 'hu' });
    expect(html).toContain(`<h1 class="title">${escaped(titleIn('sl'))}</h1>`);
    expect(html).toContain(escaped(POSTER_TEXTS.hu.toolbar.print));
    expect(html).toContain(`href="${posterPath(OPEN)}?size=a6&amp;lang=sl"`);
    expect(html).toContain(`href="${posterPath(OPEN)}?size=a4&amp;lang=lt" lang="lt"`);
  });

  it('lays out two table tents, four faces with a code each, for ?size=a6, and A4 for anything else', async () => {
    const tents = await page(`${posterPath(OPEN)}?size=a6`);
    expect(tents.html.match(/<section class="panel tent upside-down">/g)).toHaveLength(2);
    expect(tents.html.match(/<section class="panel tent">/g)).toHaveLength(2);
    expect(tents.html.match(/<svg /g)).toHaveLength(4);
    expect(tents.html).toContain(escaped(POSTER_TEXTS.en.toolbar.a6Help));
    for (const size of ['a5', 'A6', '']) {
      const { reply, html } = await page(`${posterPath(OPEN)}?size=${size}`);
      expect(reply.status).toBe(200);
      expect(html).toContain('<section class="panel poster">');
    }
  });

  it('links to the QR files and to the other size and languages', async () => {
    const { html } = await page(posterPath(OPEN));
    expect(html).toContain(`<a href="${publicLinkPath(OPEN)}/qr.svg" download>SVG</a>`);
    expect(html).toContain(`<a href="${publicLinkPath(OPEN)}/qr.png" download>PNG</a>`);
    expect(html).toContain(`href="${posterPath(OPEN)}?size=a4&amp;lang=en" aria-current="page"`);
    expect(html).toContain(`href="${posterPath(OPEN)}?size=a6&amp;lang=en">`);
  });
});

describe('the QR files', () => {
  it('gives the PNG as an attachment named after branch, survey and token, decoding to the link', async () => {
    const reply = await app().routes.request(`${publicLinkPath(OPEN)}/qr.png`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('image/png');
    expect(reply.headers.get('content-disposition')).toBe(
      `attachment; filename="qr_east_${builtIn.id}_Qm7Kx2.png"`,
    );
    const image = PNG.sync.read(Buffer.from(await reply.arrayBuffer()));
    expect(image.width).toBeGreaterThanOrEqual(1024);
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(decoded?.data).toBe(`${BASE_URL}/s/${OPEN}`);
  });

  it('gives the SVG as an 80 mm attachment', async () => {
    const reply = await app().routes.request(`${publicLinkPath(OPEN)}/qr.svg`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(reply.headers.get('content-disposition')).toBe(
      `attachment; filename="qr_east_${builtIn.id}_Qm7Kx2.svg"`,
    );
    expect(reply.headers.get('content-security-policy')).toBe("default-src 'none'");
    const svg = await reply.text();
    expect(svg).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg width="80mm" height="80mm" /,
    );
  });
});

describe('a link that cannot have a poster', () => {
  it.each(['poster', 'qr.svg', 'qr.png'])(
    'answers /%s of an unknown token with a 404 page',
    async (file) => {
      const unknown = 'Aa0Bb1Cc2Dd3Ee4Ff5Gg6Hh7Ii8Jj9Kk';
      const { routes, looked } = app();
      const reply = await routes.request(`${publicLinkPath(unknown)}/${file}`, {
        headers: { 'accept-language': 'ru' },
      });
      expect(reply.status).toBe(404);
      expect(looked).toEqual([unknown]);
      const html = await reply.text();
      expect(html).toContain(`<h1>${escaped(POSTER_TEXTS.ru.notFound.heading)}</h1>`);
      expect(html).not.toContain('<script');
    },
  );

  it("leaves the phone's own page at /s/<token> to whatever serves it", async () => {
    const { routes, looked } = app();
    const reply = await routes.request(publicLinkPath(OPEN), {
      headers: { 'accept-language': 'hu' },
    });
    expect(reply.status).toBe(404);
    expect(await reply.text()).toBe('404 Not Found');
    expect(reply.headers.get('set-cookie')).toBeNull();
    expect(looked).toEqual([]);
  });

  it('does not look up what is not a token at all', async () => {
    const { routes, looked } = app();
    for (const token of ['short', `${OPEN}x`, 'Qm7Kx2Zb9R00Wv8Ny3Hs6Jd5O0o1lI.%']) {
      const reply = await routes.request(`/s/${encodeURIComponent(token)}/poster`);
      expect(reply.status).toBe(404);
    }
    expect(looked).toEqual([]);
  });

  it.each(['poster', 'qr.svg', 'qr.png'])(
    'answers /%s of a closed link with a page that says so, and no code',
    async (file) => {
      const reply = await app().routes.request(`${publicLinkPath(CLOSED)}/${file}`, {
        headers: { 'accept-language': 'sl' },
      });
      expect(reply.status).toBe(410);
      expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await reply.text();
      expect(html).toContain(`<h1>${escaped(POSTER_TEXTS.sl.closed.heading)}</h1>`);
      expect(html).toContain(escaped(titleIn('sl')));
      expect(html).not.toContain('<svg');
      expect(html).not.toContain(CLOSED);
    },
  );
});

describe('the survey titles', () => {
  it('falls back to English for a language without a title, and to a generic title without a package', () => {
    const titles = surveyTitles({
      title: 'title',
      translations: { en: { title: 'Tell us' }, hu: { title: ' ' } },
    });
    expect(titles).toEqual({
      en: 'Tell us',
      hu: 'Tell us',
      ru: 'Tell us',
      sl: 'Tell us',
      lt: 'Tell us',
    });
    const generic = surveyTitles(undefined);
    for (const language of LANGUAGES) {
      expect(generic[language]).toBe(POSTER_TEXTS[language].poster.fallbackTitle);
    }
  });
});

describe.each(testDialects)('storedSurvey on $name', (dialect) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await dialect.create({ migrated: false });
    await prepareCollector(database.storage, {
      packages: builtInPackages(),
      enrollmentCodeTtlHours: 72,
      now: new Date('2026-11-21T08:00:00.000Z'),
      timeZone: 'UTC',
    });
  });

  afterEach(async () => {
    await database.drop();
  });

  it("reads the link's version, else the latest, and nothing for a survey the collector lacks", async () => {
    const { translations: _, ...structure } = builtIn;
    const next = builtIn.version + 1;
    const renamed = {
      ...builtIn.translations,
      en: { ...builtIn.translations.en, title: 'The next version' },
    };
    await insertSurveyPackage(
      database.storage,
      { structure: { ...structure, version: next }, translations: renamed, etag: '"next"' },
      '2026-11-21T08:00:00.000Z',
    );
    const survey = storedSurvey(database.storage);
    expect(surveyTitles(await survey(builtIn.id, builtIn.version)).en).toBe(titleIn('en'));
    expect(surveyTitles(await survey(builtIn.id, next)).en).toBe('The next version');
    expect(surveyTitles(await survey(builtIn.id, 70)).en).toBe('The next version');
    expect(await survey('no-such-survey', 1)).toBeUndefined();
  });
});
