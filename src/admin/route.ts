/**
 * Where the dashboard is: the hash holds the page and its query, `#/overview?survey=…&from=…`,
 * so a view can be bookmarked, shared and reloaded as it was, and the collector serves one
 * file for every path under /admin/. `#setup=<token>` is the first administrator's link.
 */

export const PAGES = [
  'overview',
  'questions',
  'compare',
  'comments',
  'devices',
  'surveys',
  'posters',
  'exports',
] as const;
export type Page = (typeof PAGES)[number];

export type Route =
  | { page: Page; query: URLSearchParams }
  | { page: 'setup'; token: string; query: URLSearchParams };

const DEFAULT_PAGE: Page = 'overview';

function isPage(value: string): value is Page {
  return (PAGES as readonly string[]).includes(value);
}

/** Reads a location hash; anything unknown is the overview. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  if (raw.startsWith('setup=')) {
    return {
      page: 'setup',
      token: decodeURIComponent(raw.slice('setup='.length)),
      query: new URLSearchParams(),
    };
  }
  const [path = '', search = ''] = raw.replace(/^\//, '').split('?', 2);
  return { page: isPage(path) ? path : DEFAULT_PAGE, query: new URLSearchParams(search) };
}

/** The hash of a page with a query; empty values are left out. */
export function routeHash(page: Page, query: URLSearchParams = new URLSearchParams()): string {
  const kept = new URLSearchParams();
  for (const [key, value] of query) if (value !== '') kept.append(key, value);
  const search = kept.toString();
  return `#/${page}${search ? `?${search}` : ''}`;
}
