/**
 * The worker's static routes: each names one file exactly, in the cache that holds it under
 * that address. The browser's use of them is seen in test/e2e/kiosk-offline.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_CONDITIONS,
  type RouterRule,
  SHELL_CACHE_PREFIX,
  shellCacheName,
  shellFiles,
  staticRoutes,
  type UrlPatternConstructor,
} from './static-routes';

const ORIGIN = 'https://survey.library.example';
const MANIFEST = [
  { url: 'index.html', revision: 'a1' },
  { url: 'welcome-snapshot.js', revision: 'b2' },
  { url: 'icons/icon-192.png', revision: 'c3' },
  { url: 'icons/icon-192.png', revision: 'c3' },
  { url: 'assets/index-Bk1LrAwe.js', revision: null },
  { url: 'assets/index-pYEzSWHU.css', revision: null },
  'assets/app-CiL7Qw9K.js',
];
const CACHES = { precache: 'workbox-precache-v2', shell: 'app-shell-x' };

/** Node's URLPattern (Node 24; Node 22 has none), as the worker's global has it. */
const URL_PATTERN = (globalThis as unknown as { URLPattern?: UrlPatternConstructor }).URLPattern;

type Pattern = { test(url: string): boolean };

/** The cache a request for `url` is answered from, or undefined when no rule takes it. */
function routed(rules: RouterRule[], url: string, mode = 'no-cors'): string | undefined {
  const matches = (urlPattern: unknown) => (urlPattern as Pattern).test(url);
  const rule = rules.find(({ condition }) =>
    'or' in condition
      ? condition.or.some(({ urlPattern }) => matches(urlPattern))
      : matches(condition.urlPattern) && (!condition.requestMode || condition.requestMode === mode),
  );
  return rule?.source.cacheName;
}

describe('the shell cache', () => {
  it('keeps each file without a hash under its plain path, the page under / too', () => {
    expect(shellFiles(MANIFEST)).toEqual([
      { url: 'index.html', paths: ['/index.html', '/'] },
      { url: 'welcome-snapshot.js', paths: ['/welcome-snapshot.js'] },
      { url: 'icons/icon-192.png', paths: ['/icons/icon-192.png'] },
      { url: 'icons/icon-192.png', paths: ['/icons/icon-192.png'] },
    ]);
  });

  it('is named by the files and their revisions: a new version gets a cache of its own', () => {
    const name = shellCacheName(MANIFEST);
    expect(name.startsWith(SHELL_CACHE_PREFIX)).toBe(true);
    expect(shellCacheName([...MANIFEST])).toBe(name);
    const changed = MANIFEST.map((entry) =>
      typeof entry !== 'string' && entry.url === 'welcome-snapshot.js'
        ? { ...entry, revision: 'b3' }
        : entry,
    );
    expect(shellCacheName(changed)).not.toBe(name);
    expect(shellCacheName([...MANIFEST, 'assets/new-X.js'])).not.toBe(name);
  });
});

describe.runIf(URL_PATTERN)('the static routes', () => {
  const Pattern = URL_PATTERN as UrlPatternConstructor;
  const rules = staticRoutes(MANIFEST, CACHES, ORIGIN, Pattern);

  it('answer the kiosk’s page, and each precached file, from the cache that holds it', () => {
    expect(routed(rules, `${ORIGIN}/`, 'navigate')).toBe(CACHES.shell);
    expect(routed(rules, `${ORIGIN}/index.html`)).toBe(CACHES.shell);
    expect(routed(rules, `${ORIGIN}/welcome-snapshot.js`)).toBe(CACHES.shell);
    expect(routed(rules, `${ORIGIN}/icons/icon-192.png`)).toBe(CACHES.shell);
    expect(routed(rules, `${ORIGIN}/assets/index-Bk1LrAwe.js`)).toBe(CACHES.precache);
    expect(routed(rules, `${ORIGIN}/assets/index-pYEzSWHU.css`)).toBe(CACHES.precache);
    expect(routed(rules, `${ORIGIN}/assets/app-CiL7Qw9K.js`)).toBe(CACHES.precache);
  });

  it('leave to the worker what the caches may not hold under that address', () => {
    for (const url of [
      // The page under another path, or with a query: the worker's navigation route.
      `${ORIGIN}/s/abcdefghijklmnopqrstuvwxyz012345`,
      `${ORIGIN}/index.html?kiosk=1`,
      `${ORIGIN}/welcome-snapshot.js?v=2`,
      // Files not precached: the phone's, another build's, the API, the dashboard.
      `${ORIGIN}/assets/phone/main-1.js`,
      `${ORIGIN}/assets/index-OLD.js`,
      `${ORIGIN}/api/v1/device/config`,
      `${ORIGIN}/admin/`,
      // The same path on another origin.
      'https://cdn.example/assets/index-Bk1LrAwe.js',
    ]) {
      expect(routed(rules, url, url.endsWith('/') ? 'navigate' : 'no-cors'), url).toBe(undefined);
    }
    // The page with a query string, and `/` other than as a navigation (a fetch of it).
    expect(routed(rules, `${ORIGIN}/?kiosk=1`, 'navigate')).toBe(undefined);
    expect(routed(rules, `${ORIGIN}/`)).toBe(undefined);
  });

  it('take a file’s name as it is, characters of the pattern syntax included', () => {
    const odd = staticRoutes(
      ['assets/a(1)+b-X.js', { url: 'icons/{x}:y*.png', revision: 'd4' }],
      CACHES,
      ORIGIN,
      Pattern,
    );
    expect(routed(odd, `${ORIGIN}/assets/a(1)+b-X.js`)).toBe(CACHES.precache);
    expect(routed(odd, `${ORIGIN}/assets/a1b-X.js`)).toBe(undefined);
    expect(routed(odd, `${ORIGIN}/icons/%7Bx%7D:y*.png`)).toBe(CACHES.shell);
    expect(routed(odd, `${ORIGIN}/icons/y.png`)).toBe(undefined);
  });

  it('are none past the number of conditions a browser takes', () => {
    const many = Array.from({ length: MAX_CONDITIONS }, (_, i) => `assets/chunk-${i}.js`);
    expect(staticRoutes(many.slice(1), CACHES, ORIGIN, Pattern)).toHaveLength(1);
    expect(staticRoutes([...many, 'assets/one-more.js'], CACHES, ORIGIN, Pattern)).toEqual([]);
  });

  it('name each path once', () => {
    const paths = rules.flatMap(({ condition }) =>
      'or' in condition ? condition.or.map(({ urlPattern }) => urlPattern) : [condition.urlPattern],
    );
    const pathnames = paths.map((pattern) => (pattern as { pathname: string }).pathname);
    expect(pathnames).toEqual([...new Set(pathnames)]);
  });

  it('are none for a manifest without files', () => {
    expect(staticRoutes([], CACHES, ORIGIN, Pattern)).toEqual([]);
  });
});
