/**
 * The app's page (index.html) in the visitor's language, as far as the collector can know
 * it: `<html lang>`, `<title>` and the no-script text follow the request's Accept-Language.
 * Without JavaScript nothing else can choose the language, and a phone shows the title in
 * its tab list before the app has started. A request naming none of the five languages
 * gets the page as built: English, with the no-script text in all five, each marked with
 * its own `lang` (the same page the service worker precaches as `/index.html` and serves
 * to every visitor offline, so it must not be one visitor's language).
 *
 * The words come from locales/<language>/app.json (`document`), which the kiosk uses for
 * its tab title too; index.html's fallback is checked against them by app-shell.test.ts.
 */
import { readFile, stat } from 'node:fs/promises';
import en from '../../../locales/en/app.json';
import hu from '../../../locales/hu/app.json';
import lt from '../../../locales/lt/app.json';
import ru from '../../../locales/ru/app.json';
import sl from '../../../locales/sl/app.json';
import { type Language, matchLanguage } from '../../shared/languages';

export const SHELL_TEXTS: Record<Language, { appName: string; noScript: string }> = {
  en: en.document,
  hu: hu.document,
  ru: ru.document,
  sl: sl.document,
  lt: lt.document,
};

/** More than any browser sends; a longer header is read only this far. */
const MAX_HEADER_CHARS = 1000;

/**
 * The first of the five languages the header accepts, by quality (`q`), then by order:
 * `de, sl;q=0.8, hu;q=0.9` is Hungarian, `sl-SI` Slovenian; `q=0` refuses a language.
 * Undefined when it accepts none of them (or there is no header).
 */
export function acceptedLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .slice(0, MAX_HEADER_CHARS)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';').map((p) => p.trim());
      const q = params.find((p) => /^q=/i.test(p));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return matchLanguage(ranked.map((entry) => entry.tag));
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** The page with its language, title and no-script text in `language`. */
export function localizeShell(html: string, language: Language): string {
  const texts = SHELL_TEXTS[language];
  return html
    .replace(/(<html\b[^>]*?\blang=")[^"]*"/i, `$1${language}"`)
    .replace(/<title>[^<]*<\/title>/i, `<title>${escapeHtml(texts.appName)}</title>`)
    .replace(
      /<noscript>[\s\S]*?<\/noscript>/i,
      `<noscript><p>${escapeHtml(texts.noScript)}</p></noscript>`,
    );
}

/**
 * Reads index.html from the build, again only when the file changed (a rebuild while the
 * collector runs), so each page request costs no disk read.
 */
export function shellReader(path: string): () => Promise<string> {
  let cached: { mtimeMs: number; html: string } | undefined;
  return async () => {
    const { mtimeMs } = await stat(path);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: await readFile(path, 'utf8') };
    return cached.html;
  };
}
