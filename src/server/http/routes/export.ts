/**
 * GET /export/responses.csv, /export/responses.xlsx and /export/codebook.csv (staff): the
 * raw data of a survey under the results filters, values as codes, and its codebook in the
 * language `lang=` names (English unless asked). Downloads stream as the rows are read.
 * The columns are the questions of every version of the survey (results/survey-history.ts),
 * each row saying the version it answered, so one file holds a year that spans two versions.
 *
 * The integrator brings who may read what: `auth` signs the staff member in and leaves
 * their branch scope on the context, and `rows` reads the responses of a filter within a
 * scope (the results storage applies both in SQL).
 */
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { ENDPOINTS } from '../../../shared/contract/endpoints';
import { safeParseInput } from '../../../shared/contract/parse';
import { ExportQuerySchema, type ResultsFilter } from '../../../shared/contract/results';
import { flattenTranslations } from '../../../shared/contract/translations';
import { type Language, SOURCE_LANGUAGE } from '../../../shared/languages';
import { buildCodebook } from '../../results/export/codebook';
import { type ExportRow, exportColumns } from '../../results/export/columns';
import {
  CSV_CONTENT_TYPE,
  codebookCsv,
  responsesCsv,
  toWebStream,
} from '../../results/export/csv-export';
import { responsesXlsx, XLSX_CONTENT_TYPE } from '../../results/export/xlsx-export';
import { resultsQuery } from '../../results/query';
import { type SurveyHistory, surveyHistory } from '../../results/survey-history';
import type { StoredSurveyPackage } from '../../storage';
import type { BranchScope } from '../../storage/scope';
import type { ResolvedDeps } from '../deps';
import { badRequest, firstIssue, notFound } from '../errors';
import { queryValues } from '../query';

/** What the integrator's authentication leaves on the context: the branches one may read. */
export type ScopeVariables = { scope: BranchScope };

/** Signs a staff member in (or answers 401) and sets `scope`. */
export type ExportAuth = MiddlewareHandler<{ Variables: ScopeVariables }>;

/** The responses a filter selects within a scope, each with its answered day, in order. */
export type ExportRowSource = (
  filter: ResultsFilter,
  scope: BranchScope,
) => AsyncIterable<ExportRow>;

interface ExportQuery {
  filter: ResultsFilter;
  language: Language;
}

function exportQuery(c: Context): ExportQuery {
  const parsed = safeParseInput(ExportQuerySchema, queryValues(c));
  if (!parsed.success) {
    const { path, message } = firstIssue(parsed.error);
    throw badRequest(`${path ?? 'the query'}: ${message}`, path);
  }
  const { lang, ...filter } = parsed.data;
  return { filter, language: lang };
}

/** The days a filter covers, for a file name: 2026-01-01_2026-03-31, from-…, to-…, all-days. */
function dayRange({ from, to }: ResultsFilter): string {
  if (from && to) return `${from}_${to}`;
  if (from) return `from-${from}`;
  if (to) return `to-${to}`;
  return 'all-days';
}

/** What a file system refuses in a name (Windows is the strictest), and control characters. */
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\p{Cc}]/gu;

/** The survey's title in the language, fit for a file name; the survey id when it has none. */
function titleForFileName(pkg: StoredSurveyPackage, language: Language): string {
  const title = [language, SOURCE_LANGUAGE]
    .map((l) => pkg.translations[l])
    .map((tree) => (tree ? flattenTranslations(tree).get(pkg.structure.title) : undefined))
    .find((text) => text?.trim());
  const safe = (title ?? '').replace(UNSAFE_IN_FILE_NAME, '').replace(/\s+/g, ' ').trim();
  return safe.slice(0, 80).trim() || pkg.structure.id;
}

/** RFC 5987 ext-value characters: what encodeURIComponent leaves, less ' ( ) *. */
function rfc5987(text: string): string {
  return encodeURIComponent(text).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Content-Disposition for a download: an ASCII name from the survey id for every client,
 * and the survey's title in the language (RFC 5987 filename*) for those that read it.
 */
export function attachmentHeader(
  pkg: StoredSurveyPackage,
  filter: ResultsFilter,
  suffix: string,
  extension: string,
  language: Language,
): string {
  const range = dayRange(filter);
  const ascii = `${pkg.structure.id}_${range}${suffix}.${extension}`;
  const titled = `${titleForFileName(pkg, language)} ${range}${suffix}.${extension}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(titled)}`;
}

/** The codebook names a retired question in the texts of the versions that asked it. */
const codebookSource = (history: SurveyHistory) => ({
  title: history.latest.structure.title,
  translations: history.translations,
});

/** Reports a failure of the source (the download then breaks off) before passing it on. */
async function* reported(
  rows: AsyncIterable<ExportRow>,
  logError: (error: unknown) => void,
): AsyncGenerator<ExportRow> {
  try {
    yield* rows;
  } catch (error) {
    logError(error);
    throw error;
  }
}

export function exportRoutes(
  { storage, now, logError }: Pick<ResolvedDeps, 'storage' | 'now' | 'logError'>,
  auth: ExportAuth,
  rows: ExportRowSource,
): Hono<{ Variables: ScopeVariables }> {
  async function prepare(c: Context<{ Variables: ScopeVariables }>) {
    const { filter, language } = exportQuery(c);
    // Branch staff asking for another branch are told there is no such thing.
    if (!resultsQuery(filter, c.get('scope'))) throw notFound('no such branch');
    const history = await surveyHistory(storage, filter.survey);
    if (!history) throw notFound(`there is no survey "${filter.survey}"`);
    const pkg = history.latest;
    const columns = exportColumns(history.structure);
    const source = () => reported(rows(filter, c.get('scope')), logError);
    const download = (contentType: string, disposition: string) => {
      c.header('Content-Type', contentType);
      c.header('Content-Disposition', disposition);
      c.header('Cache-Control', 'no-store');
    };
    return { filter, language, pkg, history, columns, source, download };
  }

  const { exportCsv, exportXlsx, exportCodebook } = ENDPOINTS;
  return new Hono<{ Variables: ScopeVariables }>()
    .on(exportCsv.method, exportCsv.path, auth, async (c) => {
      const { filter, language, pkg, columns, source, download } = await prepare(c);
      download(CSV_CONTENT_TYPE, attachmentHeader(pkg, filter, '', 'csv', language));
      return c.body(toWebStream(responsesCsv(columns, source())));
    })
    .on(exportXlsx.method, exportXlsx.path, auth, async (c) => {
      const { filter, language, pkg, history, columns, source, download } = await prepare(c);
      const codebook = buildCodebook(columns, codebookSource(history), language);
      download(XLSX_CONTENT_TYPE, attachmentHeader(pkg, filter, `_${language}`, 'xlsx', language));
      return c.body(toWebStream(responsesXlsx(columns, source(), codebook, now())));
    })
    .on(exportCodebook.method, exportCodebook.path, auth, async (c) => {
      const { filter, language, pkg, history, columns, download } = await prepare(c);
      const codebook = buildCodebook(columns, codebookSource(history), language);
      download(
        CSV_CONTENT_TYPE,
        attachmentHeader(pkg, filter, `_codebook_${language}`, 'csv', language),
      );
      return c.body(toWebStream(codebookCsv(codebook)));
    });
}
