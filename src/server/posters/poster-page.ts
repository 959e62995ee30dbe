/**
 * The printable poster of a public link, as one self-contained HTML page: the CSS and the
 * QR code's SVG are inline, so the page prints the same from a browser's cache, a saved
 * file or a PDF, and needs nothing else from the collector.
 *
 * Two sizes, both printed on A4, the paper every library's printer holds:
 * - `a4`: a poster for a wall or a noticeboard, the code 128 mm wide.
 * - `a6`: two table tents on one sheet. Each half of the sheet (105 × 297 mm) is one tent:
 *   cut along the dashed line, fold the half across the dotted line, and it stands on a
 *   desk with an A6 face to each side. The upper face is printed upside down so that both
 *   read upright once folded, and both carry the code, for whoever sits on either side.
 *   A6 card (105 × 148 mm) would need a printer's manual feed and a stand; a sheet of A4
 *   needs scissors.
 *
 * `@page` has no margin: Chrome and Firefox then print no header or footer (the page's
 * address and the date) over the poster. The sheet keeps its own white border, wider than
 * the 5 mm office printers cannot reach.
 *
 * Everything from the survey package or the branch (titles, names) is escaped by hono's
 * `html` template; the only markup passed through unescaped is the CSS and script below
 * and the SVG the QR library drew.
 */
import { createHash } from 'node:crypto';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../shared/languages';
import { fill, POSTER_TEXTS } from './poster-texts';

export const POSTER_SIZES = ['a4', 'a6'] as const;
export type PosterSize = (typeof POSTER_SIZES)[number];

/** A title longer than this is cut: an imported package's title must not push the code off. */
const MAX_TITLE_CHARS = 120;
const MAX_BRANCH_CHARS = 80;

const STYLE = `
@page { size: A4; margin: 0; }
*, *::before, *::after { box-sizing: border-box; }
html {
  background: #d9d6cf; color: #14181f;
  font-family: "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
body { margin: 0; }
.toolbar {
  background: #fff; border-bottom: 1px solid #b9b4aa; padding: 12px 20px;
  display: flex; flex-wrap: wrap; gap: 10px 32px; align-items: center; font-size: 15px;
}
.toolbar button {
  font: inherit; font-weight: 600; padding: 8px 22px; border: 0; border-radius: 6px;
  background: #0b4f6c; color: #fff; cursor: pointer;
}
.toolbar button:focus-visible, .toolbar a:focus-visible { outline: 3px solid #e0a100; outline-offset: 2px; }
.toolbar a { color: #0b4f6c; }
.toolbar a[aria-current] { color: #14181f; font-weight: 700; text-decoration: none; }
.toolbar .group { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; }
.toolbar .help { flex-basis: 100%; margin: 0; color: #4a4f57; font-size: 14px; }
.sheet {
  position: relative; width: 210mm; height: 297mm; margin: 10mm auto; overflow: hidden;
  background: #fff; box-shadow: 0 2px 14px rgb(0 0 0 / 0.25);
}
@media print {
  html { background: #fff; }
  .toolbar { display: none; }
  .sheet { margin: 0; box-shadow: none; }
}
.panel { display: flex; flex-direction: column; align-items: center; text-align: center; overflow: hidden; }
.poster { height: 100%; padding: 16mm 18mm 14mm; }
.branch {
  margin: 0; max-width: 100%; padding-bottom: 2mm; border-bottom: 0.6mm solid #0b4f6c;
  color: #0b4f6c; font-size: 14pt; font-weight: 600; letter-spacing: 0.03em;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.title {
  margin: 9mm 0 3mm; font-size: 32pt; line-height: 1.12; overflow-wrap: anywhere;
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden;
}
.invitation { margin: 0; font-size: 17pt; line-height: 1.3; color: #2b3038; }
.qr { width: 128mm; height: 128mm; margin: 6mm 0 3mm; flex: none; }
.qr svg { display: block; width: 100%; height: 100%; }
.hint { margin: 0 0 1.5mm; font-size: 12pt; color: #4a4f57; }
.url {
  margin: 0; max-width: 100%; overflow-wrap: anywhere; font-size: 13pt;
  font-family: "DejaVu Sans Mono", "Cascadia Mono", Consolas, Menlo, "Liberation Mono", monospace;
  font-variant-numeric: slashed-zero;
}
.token { white-space: nowrap; font-weight: 700; font-size: 16pt; }
.token > span + span { margin-left: 0.3em; }
.zero { position: relative; }
.zero::after {
  content: ""; position: absolute; left: 50%; top: 50%; width: 0.7em; margin-left: -0.35em;
  border-top: 0.1em solid currentColor; transform: rotate(-62deg);
}
.others {
  width: 100%; margin-top: auto; padding-top: 5mm; border-top: 0.3mm solid #b9b4aa;
  display: grid; grid-template-columns: 1fr 1fr; gap: 4mm 10mm; text-align: left;
}
.others div { overflow: hidden; }
.others h2 {
  margin: 0 0 0.8mm; font-size: 12pt; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.others p { margin: 0; font-size: 10pt; color: #2b3038; }
.tents { display: grid; grid-template-columns: 1fr 1fr; grid-template-rows: 1fr 1fr; }
.tents::before, .tents::after { content: ""; position: absolute; }
.tents::before { left: 50%; top: 0; bottom: 0; border-left: 0.3mm dashed #8a857c; }
.tents::after { top: 50%; left: 0; right: 0; border-top: 0.3mm dotted #8a857c; }
.tent { padding: 8mm 9mm 6mm; min-height: 0; }
.upside-down { transform: rotate(180deg); }
.tent .branch { font-size: 8.5pt; padding-bottom: 1mm; border-bottom-width: 0.4mm; }
.tent .title { margin: 3mm 0 1mm; font-size: 14pt; -webkit-line-clamp: 2; }
.tent .invitation { font-size: 8.5pt; }
.tent .qr { width: 66mm; height: 66mm; margin: 2mm 0 1mm; }
.tent .hint { margin-bottom: 0.5mm; font-size: 7pt; }
.tent .url { font-size: 7pt; }
.tent .token { font-size: 9pt; }
.tent .others { grid-template-columns: 1fr; gap: 1mm; padding-top: 1.5mm; }
.tent .others div {
  font-size: 6pt; line-height: 1.3;
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2;
}
.tent .others h2, .tent .others p { display: inline; font-size: 6pt; white-space: normal; }
.tent .others h2::after { content: " · "; font-weight: 400; }
.notice { max-width: 40em; margin: 12vh auto; padding: 0 24px; font-size: 18px; line-height: 1.5; }
.notice .branch { display: inline-block; font-size: 16px; }
.notice h1 { font-size: 28px; line-height: 1.2; margin: 24px 0 8px; }
`;

/** The only script: the toolbar's Print button. Pinned by its hash in the page's policy. */
const SCRIPT = `document.getElementById('print').addEventListener('click', function () { window.print(); });`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * Nothing loads from anywhere, not even from the collector: the style and the script run
 * only because their hashes are listed, so an injected tag would not.
 */
function policy(withScript: boolean): string {
  return [
    "default-src 'none'",
    `style-src ${sha256(STYLE)}`,
    `script-src ${withScript ? sha256(SCRIPT) : "'none'"}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface HtmlPage {
  html: string;
  /** The Content-Security-Policy the page is written for. */
  csp: string;
}

/** The template's text; it is synchronous, since nothing in these pages is a promise. */
function text(markup: HtmlEscapedString | Promise<HtmlEscapedString>): string {
  if (markup instanceof Promise) throw new Error('a poster page must render synchronously');
  return markup.toString();
}

function clip(value: string, max: number): string {
  const trimmed = value.replace(/\s+/g, ' ').trim();
  const chars = [...trimmed];
  return chars.length <= max
    ? trimmed
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

function page(
  language: Language,
  title: string,
  body: HtmlEscapedString | Promise<HtmlEscapedString>,
  withScript: boolean,
): HtmlPage {
  return {
    html: text(html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
${body}
${withScript ? html`<script>${raw(SCRIPT)}</script>` : ''}
</body>
</html>
`),
    csp: policy(withScript),
  };
}

export interface PosterContent {
  /** The address the code holds: PUBLIC_URL and /s/<token>. */
  url: string;
  token: string;
  branchName: string;
  /** The survey's title in each language. */
  titles: Record<Language, string>;
  /** The language printed first and largest; the others follow, smaller. */
  lead: Language;
  /** The language of the toolbar: the staff member's. */
  staff: Language;
  size: PosterSize;
  /** The QR code as the library drew it (an SVG element with a viewBox). */
  qrSvg: string;
  paths: { poster: string; svg: string; png: string };
}

/**
 * The token in groups of four, so that an eye can keep its place while typing it (the gaps
 * are margins, not spaces: a copied token has none). Each zero is struck through by the
 * page itself, since not every monospace font tells 0 from O; l, 1 and I differ in all of
 * those named in the CSS.
 */
function groupedToken(token: string) {
  const groups = token.match(/.{1,4}/g) ?? [];
  const characters = (group: string) =>
    [...group].map((ch) => (ch === '0' ? html`<span class="zero">0</span>` : ch));
  return html`<span class="token">${groups.map((group) => html`<span>${characters(group)}</span>`)}</span>`;
}

function labelledSvg(svg: string, label: string) {
  const attributes = text(html` role="img" aria-label="${label}"`);
  return raw(svg.replace(/^<svg\b/, `<svg${attributes}`));
}

function panel(content: PosterContent, className: string, qrLabel: string) {
  const { lead, titles } = content;
  const texts = POSTER_TEXTS[lead].poster;
  const prefix = content.url.slice(0, content.url.length - content.token.length);
  const branch = clip(content.branchName, MAX_BRANCH_CHARS);
  return html`<section class="panel ${className}">
${branch ? html`<p class="branch">${branch}</p>` : ''}
<div lang="${lead}">
<h1 class="title">${titles[lead]}</h1>
<p class="invitation">${texts.invitation}</p>
</div>
<div class="qr">${labelledSvg(content.qrSvg, qrLabel)}</div>
<div lang="${lead}">
<p class="hint">${texts.typeAddress}</p>
<p class="url">${prefix}<wbr>${groupedToken(content.token)}</p>
</div>
<div class="others">
${LANGUAGES.filter((l) => l !== lead).map(
  (l) =>
    html`<div lang="${l}"><h2>${titles[l]}</h2><p>${POSTER_TEXTS[l].poster.invitation}</p></div>`,
)}
</div>
</section>`;
}

function sizeQuery(size: PosterSize, lead: Language): string {
  return `?size=${size}&lang=${lead}`;
}

function toolbar(content: PosterContent) {
  const t = POSTER_TEXTS[content.staff].toolbar;
  const current = (on: boolean) => (on ? raw(' aria-current="page"') : '');
  const sizeLink = (size: PosterSize, label: string) =>
    html`<a href="${content.paths.poster}${sizeQuery(size, content.lead)}"${current(content.size === size)}>${label}</a>`;
  return html`<header class="toolbar">
<button type="button" id="print">${t.print}</button>
<span class="group">${t.size} ${sizeLink('a4', t.a4)} ${sizeLink('a6', t.a6)}</span>
<span class="group">${t.language} ${LANGUAGES.map(
    (l) =>
      html`<a href="${content.paths.poster}${sizeQuery(content.size, l)}" lang="${l}"${current(content.lead === l)}>${LANGUAGE_NAMES[l]}</a>`,
  )}</span>
<span class="group">${t.download} <a href="${content.paths.svg}" download>SVG</a> <a href="${content.paths.png}" download>PNG</a></span>
<p class="help">${content.size === 'a4' ? t.a4Help : t.a6Help}</p>
</header>`;
}

/** The poster page: the toolbar on screen, and one sheet of A4 in print. */
export function posterPage(given: PosterContent): HtmlPage {
  const titles = Object.fromEntries(
    LANGUAGES.map((l) => [l, clip(given.titles[l], MAX_TITLE_CHARS)]),
  ) as Record<Language, string>;
  const content = { ...given, titles };
  const t = POSTER_TEXTS[content.staff];
  const qrLabel = fill(t.toolbar.qrLabel, { url: content.url });
  const sheet =
    content.size === 'a4'
      ? html`<main class="sheet">${panel(content, 'poster', qrLabel)}</main>`
      : html`<main class="sheet tents">
${panel(content, 'tent upside-down', qrLabel)}
${panel(content, 'tent upside-down', qrLabel)}
${panel(content, 'tent', qrLabel)}
${panel(content, 'tent', qrLabel)}
</main>`;
  return page(
    content.staff,
    fill(t.page.title, { survey: titles[content.staff] }),
    html`${toolbar(content)}
${sheet}`,
    true,
  );
}

/** What a closed link's poster shows instead of a code, in the staff member's language. */
export function closedPage(args: { staff: Language; branchName: string; title: string }): HtmlPage {
  const t = POSTER_TEXTS[args.staff];
  const branch = clip(args.branchName, MAX_BRANCH_CHARS);
  const title = clip(args.title, MAX_TITLE_CHARS);
  return page(
    args.staff,
    fill(t.page.title, { survey: title }),
    html`<main class="notice">
${branch ? html`<p class="branch">${branch}</p>` : ''}
<h1>${t.closed.heading}</h1>
<p><strong>${title}</strong></p>
<p>${t.closed.body}</p>
</main>`,
    false,
  );
}

/** The page for a token that names no link. */
export function notFoundPage(staff: Language): HtmlPage {
  const t = POSTER_TEXTS[staff].notFound;
  return page(
    staff,
    t.heading,
    html`<main class="notice">
<h1>${t.heading}</h1>
<p>${t.body}</p>
</main>`,
    false,
  );
}
