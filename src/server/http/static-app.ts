/**
 * Serves the PWA from STATIC_DIR: hashed files under /assets/ are cached for a year, the
 * rest (index.html, sw.js, manifest) is revalidated every time so an update reaches the
 * kiosks. /admin/ and every page path under it get admin.html, the librarians' dashboard;
 * any other page path gets index.html: each app is a single page. A public link's page,
 * /s/<token>, is the app too (the phone starts there); nothing else under /s/ is a page. Nothing
 * under a dot-folder (/.vite/) and no dot-file is served. The app's pages come in the
 * visitor's language where Accept-Language names one of the five (app-shell.ts); the file
 * /index.html itself, which the service worker precaches, is always the page as built.
 *
 * A public link's page also carries its first screen (first-screen.tsx), given a way to
 * look the link up: the welcome screen (or the closed or unknown link's notice) written
 * into the page, the stylesheet inlined in place of its link, and the small script that
 * keeps an early tap on Start. Where the build has the phone's own entry (its own build,
 * config/phone-build.ts), the page names it instead of the kiosk's, with none of the
 * kiosk's preloads: a phone downloads and runs the phone's code alone. The page's
 * Content-Security-Policy allows exactly that style and script by their hashes
 * (content-policy.ts). Without JavaScript the page shows
 * the same screen, and the no-script text still says what is missing.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { PAGE_REPLIES_ID } from '../../app/phone/page-replies';
import { safeParseInput } from '../../shared/contract/parse';
import { LINK_TOKEN_PATTERN } from '../../shared/contract/public-link';
import { LANGUAGES, type Language, SOURCE_LANGUAGE } from '../../shared/languages';
import { acceptedLanguage, localizeShell, shellReader } from './app-shell';
import { contentPolicy } from './content-policy';
import { apiErrorBody } from './errors';
import type { LinkFirstScreen, RenderedFirstScreen } from './first-screen';

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
const PUBLIC_LINK_PAGE = new RegExp(`^/s/(${LINK_TOKEN_PATTERN.source.slice(1, -1)})/?$`);
/** The build's stylesheet link in index.html (Vite writes one for the entry's CSS). */
const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*? href="(\/assets\/[\w.-]+\.css)"[^>]*>/;
/** A chunk of the build (the kiosk's, or the phone's under assets/phone/), as the page may name it. */
const CHUNK_PATH = /^\/assets\/(phone\/)?[\w.-]+\.js$/;
/** The phone's own chunk in the kiosk build's manifest (main.tsx imports it on /s/). */
const PHONE_CHUNK = 'src/app/phone/boot.tsx';
/** The kiosk's entry script in index.html, and the chunks Vite names there for modulepreload. */
const KIOSK_ENTRY_SCRIPT =
  /<script type="module" crossorigin src="\/assets\/[\w.-]+\.js"><\/script>/;
const KIOSK_PRELOADS = /<link rel="modulepreload" crossorigin href="\/assets\/[\w.-]+\.js">\s*/g;
/**
 * The kiosk's kept welcome screen (public/welcome-snapshot.js), which a phone never paints,
 * with the comment before it.
 */
const KIOSK_WELCOME_SNAPSHOT =
  /(<!--(?:(?!-->)[\s\S])*?-->\s*)?<script src="\/welcome-snapshot\.js"><\/script>\s*/;
/** The phone's own build and its entry (config/phone-build.ts). */
const PHONE_MANIFEST = '.vite/phone-manifest.json';
const PHONE_ENTRY = 'src/app/phone/main.tsx';
/** What this file reads of Vite's build manifests (the kiosk's, and the phone's). */
const BuildManifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    isEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
  }),
);
type BuildManifest = z.infer<typeof BuildManifestSchema>;

/**
 * The files of the chunks `keys` name and of every chunk they import statically, each
 * once, in the order first met; `skip` (an entry the page loads anyway) is left out, and
 * what it imports is not followed through it.
 */
function staticImports(chunks: BuildManifest, keys: readonly string[], skip: string): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = chunks[key];
    if (key === skip || !chunk) return;
    const href = `/${chunk.file}`;
    if (files.has(href)) return;
    files.add(href);
    for (const next of chunk.imports ?? []) visit(next);
  };
  for (const key of keys) visit(key);
  return [...files].filter((href) => CHUNK_PATH.test(href));
}
/** The app's element, empty as built. */
const APP_ELEMENT = '<div id="app"></div>';
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

/**
 * The page with a first screen in its app element, the stylesheet inline in place of its
 * link, the phone's chunks named for modulepreload, and the policy that allows the inline
 * style and script; undefined when the page is not as the build writes it (no empty app
 * element). Every replacement is a function: nothing in the markup is read as a
 * replacement pattern.
 */
export function withFirstScreen(
  html: string,
  screen: RenderedFirstScreen,
  css: string | undefined,
  preloads: readonly string[] = [],
  entry?: string,
): { html: string; csp: string } | undefined {
  if (!html.includes(APP_ELEMENT)) return undefined;
  const styles: string[] = [];
  // Never the kiosk's kept welcome screen's script: the page's parser would wait for it,
  // to do nothing on a public link.
  let page = html.replace(KIOSK_WELCOME_SNAPSHOT, '');
  // The phone's own entry in place of the kiosk's, and none of the kiosk's chunks.
  if (entry !== undefined && CHUNK_PATH.test(entry) && KIOSK_ENTRY_SCRIPT.test(page)) {
    page = page
      .replace(
        KIOSK_ENTRY_SCRIPT,
        () => `<script type="module" crossorigin src="${entry}"></script>`,
      )
      .replace(KIOSK_PRELOADS, '');
  }
  if (css !== undefined && STYLESHEET_LINK.test(page)) {
    page = page.replace(STYLESHEET_LINK, () => `<style>${css}</style>`);
    styles.push(css);
  }
  const links = preloads
    .filter((href) => CHUNK_PATH.test(href))
    .map((href) => `<link rel="modulepreload" crossorigin href="${href}">`)
    .join('');
  if (links) page = page.replace('</head>', () => `${links}</head>`);
  const script = screen.script ? `<script>${screen.script}</script>` : '';
  // A data block, never run (so no policy applies to it); "<" escaped so no text in it,
  // the survey's titles included, can end the element.
  const replies = screen.replies
    ? `<script type="application/json" id="${PAGE_REPLIES_ID}">${JSON.stringify(screen.replies).replaceAll('<', '\\u003c')}</script>`
    : '';
  page = page.replace(APP_ELEMENT, () => `<div id="app">${screen.markup}</div>${script}${replies}`);
  return {
    html: page,
    csp: contentPolicy({ scripts: screen.script ? [screen.script] : [], styles }),
  };
}

/** What the build has for the phone's page, beside index.html. */
export interface PhoneAssets {
  /** The stylesheet index.html links, to be inlined. */
  css: string | undefined;
  /** The phone's chunk and the chunks it imports (not the entry), to be preloaded. */
  preloads: string[];
  /** The phone's own build, when there is one: used instead of `preloads`. */
  phone: PhoneBuild | undefined;
}

/** The phone's own build (config/phone-build.ts): its entry, and what to preload with it. */
export interface PhoneBuild {
  entry: string;
  /** The chunks the entry imports, each once. */
  imports: string[];
  /** Each language's app texts, which the phone imports once it knows its language. */
  texts: Partial<Record<Language, string>>;
}

/** The phone's build from its manifest; undefined when there is none or not as written. */
export function phoneBuild(manifest: unknown): PhoneBuild | undefined {
  const parsed = safeParseInput(BuildManifestSchema, manifest);
  if (!parsed.success) return undefined;
  const chunks = parsed.data;
  const entry = chunks[PHONE_ENTRY];
  if (!entry?.isEntry || !CHUNK_PATH.test(`/${entry.file}`)) return undefined;
  const texts: Partial<Record<Language, string>> = {};
  for (const language of LANGUAGES) {
    const file = chunks[`locales/${language}/app.json`]?.file;
    if (file && CHUNK_PATH.test(`/${file}`)) texts[language] = `/${file}`;
  }
  return {
    entry: `/${entry.file}`,
    imports: staticImports(chunks, entry.imports ?? [], PHONE_ENTRY),
    texts,
  };
}

/**
 * The phone's chunk and everything it imports statically, as the build's manifest lists
 * them (the entry itself is loaded by the page anyway): main.tsx imports it only after the
 * entry script has arrived and run, which on mobile data is a second wait for the network.
 */
export function phoneChunks(manifest: unknown): string[] {
  const parsed = safeParseInput(BuildManifestSchema, manifest);
  return parsed.success ? staticImports(parsed.data, [PHONE_CHUNK], 'index.html') : [];
}

/**
 * The phone's page's assets, read again only when index.html or the phone's manifest
 * changed: a build that changes only the phone's code leaves index.html as it was.
 */
export function phoneAssetsReader(staticDir: string): (html: string) => Promise<PhoneAssets> {
  let cached:
    | { html: string; phoneManifestMs: number | undefined; assets: PhoneAssets }
    | undefined;
  return async (html) => {
    const phoneManifestMs = await stat(join(staticDir, PHONE_MANIFEST)).then(
      (found) => found.mtimeMs,
      () => undefined,
    );
    if (cached?.html !== html || cached.phoneManifestMs !== phoneManifestMs) {
      const href = STYLESHEET_LINK.exec(html)?.[1];
      const css = href
        ? await readFile(join(staticDir, href), 'utf8').catch(() => undefined)
        : undefined;
      const readJson = (path: string) =>
        readFile(join(staticDir, path), 'utf8')
          .then((text) => JSON.parse(text) as unknown)
          .catch(() => undefined);
      const manifest = await readJson(join('.vite', 'manifest.json'));
      cached = {
        html,
        phoneManifestMs,
        assets: {
          // Text that could close the element early is not inlined (the build writes none).
          css: css?.toLowerCase().includes('</style') ? undefined : css,
          preloads: phoneChunks(manifest),
          phone: phoneBuild(await readJson(PHONE_MANIFEST)),
        },
      };
    }
    return cached.assets;
  };
}

export interface StaticOptions {
  /** What the collector knows of a public link, for its page's first screen. */
  linkScreen?: (token: string) => Promise<LinkFirstScreen | undefined>;
  /** Told when a first screen could not be written (the page is served without it). */
  logError?: (error: unknown) => void;
}

export function staticRoutes(staticDir: string, options: StaticOptions = {}): Hono {
  const app = new Hono();
  const shell = shellReader(join(staticDir, 'index.html'));
  const phoneAssets = phoneAssetsReader(staticDir);
  /** `built` is index.html as built: what the phone's assets are read by, in any language. */
  const firstScreen = async (built: string, html: string, token: string, language: Language) => {
    if (!options.linkScreen) return undefined;
    try {
      const link = await options.linkScreen(token);
      if (!link) return undefined;
      const { renderFirstScreen } = await import('./first-screen');
      const { css, preloads, phone } = await phoneAssets(built);
      const rendered = renderFirstScreen(link, language);
      if (!phone) return withFirstScreen(html, rendered, css, preloads);
      const texts = phone.texts[language];
      return withFirstScreen(
        html,
        rendered,
        css,
        [...phone.imports, ...(texts ? [texts] : [])],
        phone.entry,
      );
    } catch (error) {
      options.logError?.(error);
      return undefined;
    }
  };
  const appPage = async (c: Context): Promise<Response> => {
    const built = await shell();
    const language = acceptedLanguage(c.req.header('accept-language'));
    c.header('Vary', 'Accept-Language');
    const html = language ? localizeShell(built, language) : built;
    const token = PUBLIC_LINK_PAGE.exec(c.req.path)?.[1];
    // The app starts in the phone's language, else English (phone/language.ts).
    const page = token && (await firstScreen(built, html, token, language ?? SOURCE_LANGUAGE));
    // A link's page without its first screen (an unknown link, no such survey, a failure)
    // still goes without the kiosk's early script.
    if (!page) return c.html(token ? html.replace(KIOSK_WELCOME_SNAPSHOT, '') : html);
    c.header('Content-Security-Policy', page.csp);
    return c.html(page.html);
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
