import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  collectedResponse,
  PATRON_TEXTS,
  responseWith,
} from '../../../../test/fixtures/export-rows';
import { SURVEY_ID } from '../../../../test/fixtures/survey-package';
import { type TestDatabase, testDialects } from '../../../../test/fixtures/test-databases';
import { ApiErrorSchema } from '../../../shared/contract/api-error';
import { apiPath, ENDPOINTS } from '../../../shared/contract/endpoints';
import type { ResultsFilter } from '../../../shared/contract/results';
import { builtInPackageVersions } from '../../../surveys/packages';
import type { ExportRow } from '../../results/export/columns';
import { prepareCollector } from '../../startup';
import type { CollectedResponse } from '../../storage';
import { ALL_BRANCHES, type BranchScope, branchesInScope } from '../../storage/scope';
import { ApiProblem, problemReply, unauthorized } from '../errors';
import { type ExportAuth, exportRoutes, type ScopeVariables } from './export';

const NOW = new Date('2026-11-21T08:00:00.000Z');
const STAFF_HEADER = 'x-test-staff';

/** Stands in for staff sign-in: a request with the header reads every branch. */
const auth: ExportAuth = async (c, next) => {
  if (c.req.header(STAFF_HEADER) !== 'yes') throw unauthorized('sign in as staff');
  c.set('scope', ALL_BRANCHES);
  await next();
};

interface Stored {
  response: CollectedResponse;
  day: string;
}

/** The results storage's part, in memory: a filter within a scope, as an async generator. */
function rowsOf(stored: readonly Stored[], asked: { filter?: ResultsFilter; scope?: BranchScope }) {
  return async function* rows(
    filter: ResultsFilter,
    scope: BranchScope,
  ): AsyncGenerator<ExportRow> {
    asked.filter = filter;
    asked.scope = scope;
    const branches = branchesInScope(scope, filter.branch);
    for (const { response, day } of stored) {
      if (response.surveyId !== filter.survey) continue;
      if (branches && !branches.includes(response.branchId)) continue;
      if ((filter.from && day < filter.from) || (filter.to && day > filter.to)) continue;
      yield { response, answeredDay: day };
    }
  };
}

const STORED: Stored[] = [
  { response: responseWith('hu', PATRON_TEXTS.hu), day: '2026-11-02' },
  { response: responseWith('lt', PATRON_TEXTS.lt), day: '2026-11-15' },
  { response: collectedResponse({ branchId: 'east', locale: 'ru' }), day: '2026-11-20' },
  { response: responseWith('sl', '=HYPERLINK("http://example.invalid")'), day: '2026-12-01' },
];

describe.each(testDialects)('exports on $name', (dialect) => {
  let database: TestDatabase;
  let app: Pick<Hono, 'request'>;
  let asked: { filter?: ResultsFilter; scope?: BranchScope };

  beforeEach(async () => {
    database = await dialect.create({ migrated: false });
    await prepareCollector(database.storage, {
      packages: builtInPackageVersions(),
      enrollmentCodeTtlHours: 72,
      now: NOW,
      timeZone: 'UTC',
    });
    asked = {};
    const routes = exportRoutes(
      { storage: database.storage, now: () => NOW, logError: () => {} },
      auth,
      rowsOf(STORED, asked),
    );
    app = new Hono<{ Variables: ScopeVariables }>().route('/api/v1', routes).onError((error, c) => {
      if (error instanceof ApiProblem) return problemReply(c, error);
      throw error;
    });
  });
  afterEach(() => database.drop());

  const get = (
    path: string,
    query: string,
    headers: Record<string, string> = { [STAFF_HEADER]: 'yes' },
  ) => app.request(`${path}?${query}`, { headers });

  it('answers the responses as a CSV download named after the survey and the days', async () => {
    const res = await get(
      apiPath(ENDPOINTS.exportCsv),
      `survey=${SURVEY_ID}&from=2026-11-01&to=2026-11-30`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="${SURVEY_ID}_2026-11-01_2026-11-30.csv"; ` +
        `filename*=UTF-8''How%20is%20your%20library%20doing%20${'2026-11-01_2026-11-30'}.csv`,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.answered_day)).toEqual(['2026-11-02', '2026-11-15', '2026-11-20']);
    expect(records.map((r) => r['one-improvement']).slice(0, 2)).toEqual([
      PATRON_TEXTS.hu,
      PATRON_TEXTS.lt,
    ]);
    expect(asked.scope).toEqual(ALL_BRANCHES);
  });

  it('passes the results filters to the source, without the language', async () => {
    const res = await get(
      apiPath(ENDPOINTS.exportCsv),
      `survey=${SURVEY_ID}&branch=east&branch=main&channel=kiosk,qr&completed=true&place=Stop,%20north&place=School&lang=sl`,
    );
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    expect(asked.filter).toEqual({
      survey: SURVEY_ID,
      branch: ['east', 'main'],
      channel: ['kiosk', 'qr'],
      completed: true,
      place: ['Stop, north', 'School'],
      suspect: 'exclude',
    });
  });

  it('answers a workbook with the codebook in the chosen language, and a title-named file', async () => {
    const res = await get(apiPath(ENDPOINTS.exportXlsx), `survey=${SURVEY_ID}&lang=ru`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toContain(`filename="${SURVEY_ID}_all-days_ru.xlsx"`);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('Оцените работу библиотеки all-days_ru.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(workbook.getWorksheet('responses')?.rowCount).toBe(STORED.length + 1);
    expect(workbook.getWorksheet('codebook')?.getCell('A1').value).toBe(
      'Кодовая книга: Оцените работу библиотеки',
    );
    expect(workbook.created).toEqual(NOW);
  });

  it('answers the codebook as CSV in the chosen language', async () => {
    const res = await get(apiPath(ENDPOINTS.exportCodebook), `survey=${SURVEY_ID}&lang=lt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(
      `filename="${SURVEY_ID}_all-days_codebook_lt.csv"`,
    );
    const records = parse(Buffer.from(await res.arrayBuffer()), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(records.find((r) => r.column === 'completed' && r.value === '1')?.label).toBe('Taip');
  });

  it.each([
    ['no survey', 'lang=en', 'survey'],
    ['an unknown language', `survey=${SURVEY_ID}&lang=de`, 'lang'],
    ['a day that is not a day', `survey=${SURVEY_ID}&from=2026-13-01`, 'from'],
    ['from after to', `survey=${SURVEY_ID}&from=2026-12-01&to=2026-11-01`, 'from'],
    ['an unknown channel', `survey=${SURVEY_ID}&channel=fax`, 'channel.0'],
  ])('answers 400 for %s, naming the parameter', async (_, query, path) => {
    const res = await get(apiPath(ENDPOINTS.exportCsv), query);
    expect(res.status).toBe(400);
    expect(ApiErrorSchema.parse(await res.json()).error).toMatchObject({
      code: 'bad-request',
      path,
    });
    expect(asked.filter).toBeUndefined();
  });

  it('answers 404 for a survey the collector does not have', async () => {
    const res = await get(apiPath(ENDPOINTS.exportXlsx), 'survey=no-such-survey');
    expect(res.status).toBe(404);
  });

  it('answers 401 to a request that is not signed in, before reading anything', async () => {
    const res = await get(apiPath(ENDPOINTS.exportCsv), `survey=${SURVEY_ID}`, {});
    expect(res.status).toBe(401);
    expect(asked.filter).toBeUndefined();
  });
});
