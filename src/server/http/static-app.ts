/**
 * Serves the PWA from STATIC_DIR: hashed files under /assets/ are cached for a year, the
 * rest (index.html, sw.js, manifest) is revalidated every time so an update reaches the
 * kiosks. /admin/ and every page path under it get admin.html, the librarians' dashboard;
 * any other page path gets index.html: each app is a single page. A public link's page,
 * /s/<token>, is the app too (the phone starts there); nothing else under /s/ is a page. Nothing
 * under a dot-folder (/.vite/) and no dot-file is served. The app's pages come in the
 * visitor's language where Accept-Language names one of the five (app-shell.ts); the file
 * /index.html itself, which the service worker precaches, is always the page as built.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { LINK_TOKEN_PATTERN } from '../../shared/contract/public-link';
import { acceptedLanguage, localizeShell, shellReader } from './app-shell';
import { apiErrorBody } from './errors';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** Paths that name a file; a missing file is a 404, never the page (it would be cached as JS). */
const FILE_PATH = /(^\/assets\/)|(\.[a-z0-9]+$)/i;
/** The dashboard's page paths: /admin, /admin/, /admin/anything. */
const ADMIN_PAGE = /^\/admin(\/|$)/;
const ADMIN_HTML = 'admin.html';
/** Everything under /s/, the public links' pages. */
const PUBLIC_PAGES = /^\/s(\/|$)/;
/** The one page there: a link's own, /s/<token>, the token as the contract writes it. */
const PUBLIC_LINK_PAGE = new RegExp(`^/s/${LINK_TOKEN_PATTERN.source.slice(1, -1)}/?$`);
/**
 * A path with a part that starts with a dot, written plainly or percent-encoded: the build's
 * own files (/.vite/manifest.json lists every file and chunk of the app), editor and tool
 * folders, dot-files. None of it is the app, so none of it is served.
 */
const DOT_PART = /(^|\/|%2f)(\.|%2e)/i;

function notBuilt(c: Context): Response {
  const message =
    'The app is not built yet: run `npm run build` (npm start does it for you), then reload.';
  c.header('Cache-Control', 'no-store');
  c.header('Retry-After', '30');
  if (c.req.header('accept')?.includes('text/html')) {
    return c.html(
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>Library survey: not built</title><h1>The app is not built yet</h1><p>Run <code>npm run build</code> (or <code>npm start</code>, which builds what is missing), then reload this page.</p></html>`,
      503,
    );
  }
  return c.json(apiErrorBody('internal', message), 503);
}

export function staticRoutes(staticDir: string): Hono {
  const app = new Hono();
  const shell = shellReader(join(staticDir, 'index.html'));
  const appPage = async (c: Context): Promise<Response> => {
    const html = await shell();
    const language = acceptedLanguage(c.req.header('accept-language'));
    c.header('Vary', 'Accept-Language');
    return c.html(language ? localizeShell(html, language) : html);
  };
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    if (!existsSync(join(staticDir, 'index.html'))) return notBuilt(c);
    if (DOT_PART.test(c.req.path) || DOT_PART.test(new URL(c.req.url).pathname)) {
      return c.text('Not found', 404);
    }
    await next();
    if (c.res.status < 400) {
      c.res.headers.set(
        'Cache-Control',
        c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
      );
    }
  });
  // The start page; serveStatic would answer it with index.html as built.
  app.on(['GET', 'HEAD'], '/', appPage);
  app.on(['GET', 'HEAD'], '*', serveStatic({ root: staticDir }));
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    if (FILE_PATH.test(c.req.path)) return c.text('Not found', 404);
    if (PUBLIC_PAGES.test(c.req.path) && !PUBLIC_LINK_PAGE.test(c.req.path)) {
      return c.text('Not found', 404);
    }
    if (ADMIN_PAGE.test(c.req.path)) {
      if (!existsSync(join(staticDir, ADMIN_HTML))) return notBuilt(c);
      return serveStatic({ root: staticDir, path: ADMIN_HTML })(c, next);
    }
    return appPage(c);
  });
  return app;
}
