/**
 * The worker's static routes (the Service Worker Static Routing API, `addRoutes` at
 * install): the browser answers the page and the app's own files from the caches itself,
 * without starting the worker or running its fetch handler. A kiosk opened in the morning
 * finds its worker stopped (the browser stops an idle one); the page then waited for the
 * worker to start before its HTML, and each file its first frame needs waited for the
 * worker's fetch handler.
 *
 * Every route names one file exactly, as the precache holds it: a file named with a hash
 * (the build's `assets/`) under its own address in the precache; a file without one
 * (index.html, the early scripts, the icons) under an address with its revision, which a
 * request never carries, so a copy of it is kept under its plain path in a cache of this
 * version's own (`shellCacheName`), and the page again under `/` for the kiosk's
 * navigation. A route whose cache lacks the file goes to the network, not to the worker,
 * so nothing is routed that the caches may not hold: other paths, a query string, the
 * phone's files (not precached) and the API all reach the fetch handler as before.
 * Where there is no `addRoutes` or URLPattern, or the browser refuses the rules, the fetch
 * handler answers everything, as before.
 */
import type { PrecacheEntry } from 'workbox-precaching';

/** A rule as `InstallEvent.addRoutes` takes it (not in TypeScript's WebWorker library). */
export interface RouterRule {
  condition: { urlPattern: unknown; requestMode?: 'navigate' } | { or: { urlPattern: unknown }[] };
  source: { cacheName: string };
}

/** The URLPattern constructor, as the worker's global has it. */
export type UrlPatternConstructor = new (init: {
  pathname: string;
  search: string;
  baseURL: string;
}) => unknown;

/** A precached file without a hash in its name: where the shell cache keeps its copy. */
export interface ShellFile {
  /** As the manifest names it, for matchPrecache. */
  url: string;
  /** The plain paths it is kept under: its own, and `/` for the page. */
  paths: string[];
}

/** The page the worker answers navigations with. */
export const APP_PAGE = 'index.html';

function entries(manifest: readonly (PrecacheEntry | string)[]): PrecacheEntry[] {
  return manifest.map((entry) =>
    typeof entry === 'string' ? { url: entry, revision: null } : entry,
  );
}

/** A manifest URL's path: the manifest names files relative to the worker, at the root. */
function pathOf(url: string): string {
  return new URL(url, 'https://app.invalid/').pathname;
}

/** A path as a URLPattern pathname that matches it alone: its syntax characters escaped. */
export function exactPathname(path: string): string {
  return path.replace(/[:*?+(){}\\]/g, '\\$&');
}

/**
 * Files the routes may name: the specification refuses 1024 conditions or more in all, each
 * `or` counted too (three here, besides the files).
 */
export const MAX_CONDITIONS = 1000;

/** The files the shell cache holds, each under its plain path (the page under `/` too). */
export function shellFiles(manifest: readonly (PrecacheEntry | string)[]): ShellFile[] {
  return entries(manifest)
    .filter((entry) => entry.revision != null)
    .map((entry) => {
      const path = pathOf(entry.url);
      return { url: entry.url, paths: entry.url === APP_PAGE ? [path, '/'] : [path] };
    });
}

/**
 * The shell cache of this manifest: named by every file and revision in it, so a new
 * version keeps its copies beside the active one's until it takes over.
 */
export function shellCacheName(manifest: readonly (PrecacheEntry | string)[]): string {
  // FNV-1a over the files and their revisions, in the manifest's order.
  let hash = 0x811c9dc5;
  for (const { url, revision } of entries(manifest)) {
    for (const char of `${url}\n${revision ?? ''}\n`) {
      hash ^= char.charCodeAt(0);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return `${SHELL_CACHE_PREFIX}${hash.toString(16).padStart(8, '0')}`;
}

export const SHELL_CACHE_PREFIX = 'app-shell-';

/**
 * The rules: a navigation to `/` from the shell cache, each hashed file from the precache,
 * each other file from the shell cache; every path exact, same origin, no query string.
 */
export function staticRoutes(
  manifest: readonly (PrecacheEntry | string)[],
  caches: { precache: string; shell: string },
  origin: string,
  URLPattern: UrlPatternConstructor,
): RouterRule[] {
  const exact = (path: string) => ({
    urlPattern: new URLPattern({ pathname: exactPathname(path), search: '', baseURL: origin }),
  });
  const hashed = entries(manifest).filter((entry) => entry.revision == null);
  const shell = shellFiles(manifest);
  const rules: RouterRule[] = [];
  if (shell.some((file) => file.url === APP_PAGE)) {
    rules.push({
      condition: { ...exact('/'), requestMode: 'navigate' },
      source: { cacheName: caches.shell },
    });
  }
  if (hashed.length > 0) {
    rules.push({
      condition: { or: [...new Set(hashed.map((entry) => pathOf(entry.url)))].map(exact) },
      source: { cacheName: caches.precache },
    });
  }
  const files = [...new Set(shell.flatMap((file) => file.paths.filter((path) => path !== '/')))];
  if (files.length > 0) {
    rules.push({ condition: { or: files.map(exact) }, source: { cacheName: caches.shell } });
  }
  // Past the limit the browser would refuse them all; the fetch handler answers instead.
  const conditions = rules.reduce(
    (sum, { condition }) => sum + ('or' in condition ? condition.or.length : 1),
    0,
  );
  return conditions > MAX_CONDITIONS ? [] : rules;
}
