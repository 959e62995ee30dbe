import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../../locales/en/app.json';
import survey from '../../../locales/en/survey.library-service-quality.json';
import hu from '../../../locales/hu/app.json';
import lt from '../../../locales/lt/app.json';
import { startTestCollector, type TestCollector } from '../../../test/fixtures/collector';
import { testDialects } from '../../../test/fixtures/test-databases';
import { EARLY_START_SCRIPT } from '../../app/phone/early-start';
import { revokePublicLink } from '../storage';
import { contentPolicy, sha256Source } from './content-policy';
import { staticRoutes as serveStatic } from './static-app';

const INDEX_HTML =
  '<!doctype html><html lang="en"><title>Library survey</title><div id="app"></div><noscript><p lang="en">Needs JavaScript.</p><p lang="hu">JavaScript kell.</p></noscript></html>';
const ADMIN_HTML = '<!doctype html><title>Library survey: results</title><div id="admin"></div>';
const BUILD_MANIFEST = '{"index.html":{"file":"assets/index-abc123.js"}}';
/** A token as the contract writes them: 32 characters of base64url. */
const LINK_TOKEN = 'Ab3_-xYz0123456789abcdefGHIJKLmn';
/** The test package's title, in English for every language (fixtures/survey-package.ts). */
const SURVEY_TITLE = survey.title;
const APP_JS = `console.log(${JSON.stringify('library '.repeat(500))});`;

// The static side does not touch the database: SQLite is enough.
const sqlite = testDialects.find((d) => d.name === 'sqlite');

describe('serving the app', () => {
  let collector: TestCollector;
  const get = (path: string, headers: Record<string, string> = {}) =>
    collector.app.request(path, { headers });

  beforeAll(async () => {
    if (!sqlite) throw new Error('SQLite is always available');
    collector = await startTestCollector(sqlite);
  });
  afterAll(() => collector.close());

  describe('before the app is built', () => {
    it('answers pages with a 503 that says to run npm run build', async () => {
      const page = await get('/', { accept: 'text/html' });
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('npm run build');
      const json = await get('/anything', { accept: 'application/json' });
      expect(json.status).toBe(503);
      expect(await json.json()).toMatchObject({
        error: { message: expect.stringContaining('npm run build') },
      });
    });

    it('still answers the API', async () => {
      expect((await get('/api/v1/health')).status).toBe(200);
    });
  });

  describe('once built', () => {
    beforeAll(() => {
      mkdirSync(join(collector.staticDir, 'assets'));
      writeFileSync(join(collector.staticDir, 'index.html'), INDEX_HTML);
      writeFileSync(join(collector.staticDir, 'admin.html'), ADMIN_HTML);
      writeFileSync(
        join(collector.staticDir, 'sw.js'),
        'self.addEventListener("fetch", () => {});',
      );
      writeFileSync(join(collector.staticDir, 'manifest.webmanifest'), '{"name":"Library survey"}');
      writeFileSync(join(collector.staticDir, 'assets', 'index-abc123.js'), APP_JS);
      // What the build leaves beside the app that is not the app: Vite's manifest, and the like.
      mkdirSync(join(collector.staticDir, '.vite'));
      writeFileSync(join(collector.staticDir, '.vite', 'manifest.json'), BUILD_MANIFEST);
      mkdirSync(join(collector.staticDir, 'assets', '.cache'));
      writeFileSync(join(collector.staticDir, 'assets', '.cache', 'notes.json'), BUILD_MANIFEST);
      writeFileSync(join(collector.staticDir, '.env'), BUILD_MANIFEST);
    });

    it.each([
      ['/.vite/manifest.json'],
      ['/.vite/'],
      ['/.vite'],
      ['/%2evite/manifest.json'],
      ['/%2Evite%2Fmanifest.json'],
      ['/assets/.cache/notes.json'],
      ['/.env'],
      ['/admin/.vite/manifest.json'],
    ])('serves nothing under a dot-folder or dot-file: %s is a 404', async (path) => {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('index-abc123');
    });

    it.each([
      ['/', 'text/html', 'no-cache'],
      ['/index.html', 'text/html', 'no-cache'],
      ['/sw.js', 'text/javascript', 'no-cache'],
      ['/manifest.webmanifest', 'application/manifest+json', 'no-cache'],
      ['/assets/index-abc123.js', 'text/javascript', 'public, max-age=31536000, immutable'],
    ])('serves %s as %s with Cache-Control %s', async (path, type, cacheControl) => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('cache-control')).toBe(cacheControl);
    });

    it.each([['/enroll'], ['/staff/status'], ['/a/b/c']])(
      'answers the page path %s with index.html (the app is a single page)',
      async (path) => {
        const res = await get(path);
        expect(res.status).toBe(200);
        expect(await res.text()).toBe(INDEX_HTML);
        expect(res.headers.get('cache-control')).toBe('no-cache');
      },
    );

    it.each([[`/s/${LINK_TOKEN}`], [`/s/${LINK_TOKEN}/`]])(
      'answers a public link’s page %s with the app, so a phone can start there',
      async (path) => {
        const res = await get(path);
        expect(res.status).toBe(200);
        const html = await res.text();
        // No such link: the app with the notice the phone would show written in.
        expect(html).toContain(
          `<div id="app"><div class="screen phone-notice" data-notice="invalid"><main class="centered"><h1>${en.phone.invalid.title}</h1>`,
        );
        expect(html.replace(/<div id="app">.*?<\/div><\/div>/, '<div id="app"></div>')).toBe(
          INDEX_HTML,
        );
        expect(res.headers.get('cache-control')).toBe('no-cache');
      },
    );

    it('writes an open link’s welcome screen into its page, with Start and the script that keeps an early tap', async () => {
      const token = await collector.link();
      const res = await get(`/s/${token}`, { 'accept-language': 'hu-HU,hu;q=0.9' });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<html lang="hu">');
      expect(html).toContain(`<h1 class="welcome-title">${SURVEY_TITLE}</h1>`);
      expect(html).toContain(`>${hu.welcome.start}</button>`);
      const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
      expect(script).toBe(EARLY_START_SCRIPT);
      // The policy allows that script by its hash, and nothing inline beyond it.
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain(`script-src 'self' ${sha256Source(script)};`);
      expect(csp).toContain("style-src 'self';");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      // The link's state and its package, as the API would answer them.
      const data = /<script type="application\/json" id="page-replies">([\s\S]*?)<\/script>/.exec(
        html,
      )?.[1];
      const replies = JSON.parse(data ?? '{}') as Record<string, { etag?: string; body: unknown }>;
      for (const [path, reply] of Object.entries(replies)) {
        const api = await get(path);
        expect(reply.body).toEqual(await api.json());
        expect(reply.etag).toBe(api.headers.get('etag') ?? undefined);
      }
      expect(Object.keys(replies)).toHaveLength(2);
    });

    it('writes the closed notice into a revoked link’s page', async () => {
      const token = await collector.link();
      await revokePublicLink(collector.database.storage, token, collector.clock.now.toISOString());
      const html = await (await get(`/s/${token}`, { 'accept-language': 'lt' })).text();
      expect(html).toContain(
        `data-notice="closed"><main class="centered"><h1>${lt.phone.closed.title}</h1>`,
      );
      expect(html).not.toContain('<script>');
    });

    it.each([['/'], ['/enroll'], [`/s/${LINK_TOKEN}`]])(
      'answers the page %s in the language Accept-Language names, title and no-script text too',
      async (path) => {
        const res = await get(path, { 'accept-language': 'de-AT, hu;q=0.8, en;q=0.5' });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('text/html');
        expect(res.headers.get('vary')).toContain('Accept-Language');
        expect(res.headers.get('cache-control')).toBe('no-cache');
        const html = await res.text();
        expect(html).toContain('<html lang="hu">');
        expect(html).toContain('<title>Könyvtári felmérés</title>');
        expect(html).toContain(
          '<noscript><p>A kérdőív kitöltéséhez JavaScript szükséges. Kérjük, kapcsolja be a böngésző beállításaiban.</p></noscript>',
        );
      },
    );

    it('answers the page as built for a language it does not have, and /index.html always', async () => {
      expect(await (await get('/', { 'accept-language': 'de, fr;q=0.5' })).text()).toBe(INDEX_HTML);
      // The file the service worker precaches and serves to every visitor offline.
      expect(await (await get('/index.html', { 'accept-language': 'hu' })).text()).toBe(INDEX_HTML);
    });

    it.each([
      ['/s'],
      ['/s/'],
      ['/s/short'],
      [`/s/${LINK_TOKEN}x`],
      [`/s/${LINK_TOKEN}/poster`],
      [`/s/${LINK_TOKEN}/anything/else`],
    ])('answers %s, under /s/ but no link’s page, with 404', async (path) => {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toBe(INDEX_HTML);
    });

    it.each([['/admin'], ['/admin/'], ['/admin/comments'], ['/admin/a/b']])(
      "answers the dashboard's page path %s with admin.html, revalidated",
      async (path) => {
        const res = await get(path);
        expect(res.status).toBe(200);
        expect(await res.text()).toBe(ADMIN_HTML);
        expect(res.headers.get('cache-control')).toBe('no-cache');
      },
    );

    it.each([['/administration'], ['/admins/x']])(
      'answers %s, which only starts like the dashboard, with the kiosk',
      async (path) => {
        expect(await (await get(path)).text()).toBe(INDEX_HTML);
      },
    );

    it.each([['/assets/index-old.js'], ['/missing.png'], ['/admin/missing.js']])(
      'answers the missing file %s with 404, not the page',
      async (path) => {
        const res = await get(path);
        expect(res.status).toBe(404);
        expect(res.headers.get('cache-control') ?? '').not.toContain('immutable');
      },
    );

    it.each([
      ['/..%2f..%2fetc/passwd'],
      ['/%2e%2e/package.json'],
      ['/assets/..%2f..%2findex.html'],
    ])('never serves anything outside STATIC_DIR for %s', async (path) => {
      const res = await get(path);
      const body = await res.text();
      expect(res.status === 404 || body === INDEX_HTML).toBe(true);
      expect(body).not.toContain('root:');
    });

    it('answers other methods outside the API with a JSON 404', async () => {
      const res = await collector.app.request('/index.html', { method: 'POST', body: 'x' });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'not-found' } });
    });

    it('compresses what is worth compressing', async () => {
      const res = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip' });
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(APP_JS);
    });

    it('sends security headers the Preact app can live with', async () => {
      const res = await get('/');
      const csp = res.headers.get('content-security-policy') ?? '';
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "frame-ancestors 'none'",
      ]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      // The policy content-policy.ts writes for pages with inline content, less the hashes.
      expect(csp).toBe(contentPolicy());
    });
  });
});

describe('the kiosk’s early script on a public link’s page', () => {
  it('is left out also when the page goes without its first screen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'link-page-'));
    try {
      // The page as index.html writes it: the script right after the app's element.
      writeFileSync(
        join(dir, 'index.html'),
        '<!doctype html><html lang="en"><title>Library survey</title><div id="app"></div>\n' +
          '<!-- the kiosk’s kept welcome screen -->\n<script src="/welcome-snapshot.js"></script>\n' +
          '<noscript><p>Needs JavaScript.</p></noscript></html>',
      );
      const app = serveStatic(dir, {
        linkScreen: () => Promise.reject(new Error('the database is away')),
        logError: () => {},
      });
      const link = await (await app.request(`/s/${LINK_TOKEN}`)).text();
      expect(link).toContain('<div id="app"></div>');
      expect(link).not.toContain('welcome-snapshot');
      expect(link).toContain('<noscript>');
      // The kiosk's own page keeps it.
      expect(await (await app.request('/')).text()).toContain(
        '<script src="/welcome-snapshot.js"></script>',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
