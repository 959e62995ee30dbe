/**
 * GET /s/:token/poster (`?size=a4|a6`, `?lang=` the language printed first), /s/:token/qr.svg
 * and /s/:token/qr.png: the printable poster of a public link and its QR code as files.
 * Pages, not API: an unknown token is a 404 page and a closed link's poster a 410 page
 * saying so, in the staff member's language (Accept-Language, else English).
 *
 * The integrator brings the link's storage (`lookup`) and the survey packages (`survey`,
 * see storedSurvey), and the address people reach the collector at (`baseUrl`:
 * publicBaseUrl(config)), which is what the code holds: a poster printed from a laptop on
 * the staff network must still lead a phone on the library's Wi-Fi to the public address.
 */
import { type Context, Hono } from 'hono';
import { languageDetector } from 'hono/language';
import { z } from 'zod';
import { safeParseInput } from '../../../shared/contract/parse';
import {
  LinkTokenSchema,
  type PublicLink,
  posterPath,
  publicLinkPath,
} from '../../../shared/contract/public-link';
import { flattenTranslations, type TranslationTree } from '../../../shared/contract/translations';
import { isLanguage, LANGUAGES, type Language, SOURCE_LANGUAGE } from '../../../shared/languages';
import {
  closedPage,
  type HtmlPage,
  notFoundPage,
  POSTER_SIZES,
  posterPage,
} from '../../posters/poster-page';
import { POSTER_TEXTS } from '../../posters/poster-texts';
import { qrPng, qrSvg } from '../../posters/qr-code';
import { findSurveyPackage, type Storage } from '../../storage';
import { queryValues } from '../query';

/** The downloaded SVG's own size: a code that fills a third of an A4 page. */
const QR_FILE_SIDE = '80mm';

/** What the poster needs to know of a link. */
export type PosterLink = Pick<PublicLink, 'token' | 'branch' | 'survey' | 'state'>;

/** A survey package's title key and texts. */
export interface PosterSurvey {
  title: string;
  translations: Partial<Record<Language, TranslationTree>>;
}

export interface PosterDeps {
  /** The link a token names, open or closed; undefined when there is none. */
  lookup: (token: string) => Promise<PosterLink | undefined>;
  /** The survey's package at the link's version; undefined when the collector lacks it. */
  survey: (surveyId: string, version: number) => Promise<PosterSurvey | undefined>;
  /**
   * PUBLIC_URL: the origin the printed code and address name. Without it, the origin the
   * poster was asked for, the address staff reached the collector at.
   */
  baseUrl: string | undefined;
}

/** The survey packages the collector stores: the link's version, else the latest. */
export function storedSurvey(storage: Storage): PosterDeps['survey'] {
  return async (surveyId, version) => {
    const pkg =
      (await findSurveyPackage(storage, surveyId, version)) ??
      (await findSurveyPackage(storage, surveyId));
    return pkg && { title: pkg.structure.title, translations: pkg.translations };
  };
}

/** A size or language the page does not offer is the default, not an error: it is a page. */
const PosterQuerySchema = z.object({
  size: z.enum(POSTER_SIZES).catch('a4'),
  lang: z.enum(LANGUAGES).optional().catch(undefined),
});

type Variables = { language: string };

/** The survey's title in every language: its own, else English, else the poster's generic one. */
export function surveyTitles(survey: PosterSurvey | undefined): Record<Language, string> {
  const titleIn = (language: Language) => {
    const tree = survey?.translations[language];
    return tree && survey ? flattenTranslations(tree).get(survey.title)?.trim() : undefined;
  };
  const english = titleIn(SOURCE_LANGUAGE);
  return Object.fromEntries(
    LANGUAGES.map((l) => [l, titleIn(l) || english || POSTER_TEXTS[l].poster.fallbackTitle]),
  ) as Record<Language, string>;
}

/** The QR files' name: branch, survey and the token's start, so two links' codes differ. */
function fileName(link: PosterLink, extension: string): string {
  const safe = (part: string) => part.replace(/[^A-Za-z0-9-]/g, '');
  return `qr_${safe(link.branch.id)}_${safe(link.survey.id)}_${safe(link.token.slice(0, 6))}.${extension}`;
}

function htmlReply(c: Context, page: HtmlPage, status: 200 | 404 | 410): Response {
  c.header('Content-Security-Policy', page.csp);
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Content-Type-Options', 'nosniff');
  return c.html(page.html, status);
}

export function posterRoutes({
  lookup,
  survey,
  baseUrl,
}: PosterDeps): Hono<{ Variables: Variables }> {
  const staffLanguage = (c: Context<{ Variables: Variables }>): Language => {
    const detected = c.get('language');
    return isLanguage(detected) ? detected : SOURCE_LANGUAGE;
  };

  /** The link, or a reply: 404 for a token that names none, 410 once it is closed. */
  async function openLink(
    c: Context<{ Variables: Variables }>,
  ): Promise<{ link: PosterLink; url: string } | { reply: Response }> {
    const staff = staffLanguage(c);
    const token = safeParseInput(LinkTokenSchema, c.req.param('token'));
    const link = token.success ? await lookup(token.data) : undefined;
    if (!link) return { reply: htmlReply(c, notFoundPage(staff), 404) };
    if (link.state !== 'open') {
      const title = surveyTitles(await survey(link.survey.id, link.survey.version))[staff];
      return {
        reply: htmlReply(c, closedPage({ staff, branchName: link.branch.name, title }), 410),
      };
    }
    return { link, url: `${baseUrl ?? new URL(c.req.url).origin}${publicLinkPath(link.token)}` };
  }

  function download(c: Context, link: PosterLink, contentType: string, extension: string) {
    c.header('Content-Type', contentType);
    c.header('Content-Disposition', `attachment; filename="${fileName(link, extension)}"`);
    c.header('Content-Security-Policy', "default-src 'none'");
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
  }

  // On these routes only: the phone's own page under /s/<token> is not theirs to touch.
  const language = languageDetector({
    supportedLanguages: [...LANGUAGES],
    fallbackLanguage: SOURCE_LANGUAGE,
    order: ['header'],
    caches: false,
  });

  return new Hono<{ Variables: Variables }>()
    .get('/s/:token/poster', language, async (c) => {
      const found = await openLink(c);
      if ('reply' in found) return found.reply;
      const { link, url } = found;
      const parsed = safeParseInput(PosterQuerySchema, queryValues(c));
      const query = parsed.success ? parsed.data : { size: 'a4' as const, lang: undefined };
      const staff = staffLanguage(c);
      const base = publicLinkPath(link.token);
      const page = posterPage({
        url,
        token: link.token,
        branchName: link.branch.name,
        titles: surveyTitles(await survey(link.survey.id, link.survey.version)),
        lead: query.lang ?? staff,
        staff,
        size: query.size,
        qrSvg: await qrSvg(url),
        paths: { poster: posterPath(link.token), svg: `${base}/qr.svg`, png: `${base}/qr.png` },
      });
      return htmlReply(c, page, 200);
    })
    .get('/s/:token/qr.svg', language, async (c) => {
      const found = await openLink(c);
      if ('reply' in found) return found.reply;
      download(c, found.link, 'image/svg+xml; charset=utf-8', 'svg');
      return c.body(
        `<?xml version="1.0" encoding="UTF-8"?>\n${await qrSvg(found.url, QR_FILE_SIDE)}\n`,
      );
    })
    .get('/s/:token/qr.png', language, async (c) => {
      const found = await openLink(c);
      if ('reply' in found) return found.reply;
      download(c, found.link, 'image/png', 'png');
      return c.body(new Uint8Array(await qrPng(found.url)));
    });
}
