/**
 * The results as other programs and the network office read them, through the running
 * collector: branch staff never see another branch in any reply or export, suppressed
 * slices stay suppressed, and the exports read back with real CSV and XLSX parsers.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeviceList } from '../../src/shared/contract/admin';
import { apiPath, ENDPOINTS } from '../../src/shared/contract/endpoints';
import type {
  CommentsPage,
  ResultsOverview,
  ResultsSummary,
} from '../../src/shared/contract/results';
import { DEFAULT_SURVEY_ID } from '../../src/surveys';
import { type RunningCollector, startCollector } from './support/collector';
import { mean, netPromoterScore, SEED_BRANCHES, seedResults } from './support/results-seed';
import { addStaff, type StaffClient, signIn } from './support/staff-session';

const [EAST, WEST, NORTH] = SEED_BRANCHES as [
  (typeof SEED_BRANCHES)[0],
  (typeof SEED_BRANCHES)[0],
  (typeof SEED_BRANCHES)[0],
];
const responsesOf = (b: typeof EAST) => b.ratings.length + b.incomplete;
const TOTAL = SEED_BRANCHES.reduce((sum, b) => sum + responsesOf(b), 0);

const q = (params: Record<string, string>) =>
  `?${new URLSearchParams({ survey: DEFAULT_SURVEY_ID, ...params })}`;
const summaryPath = (params: Record<string, string> = {}) =>
  `${apiPath(ENDPOINTS.resultsSummary)}${q(params)}`;

describe('the results API and exports', () => {
  let collector: RunningCollector;
  let admin: StaffClient;
  let eastStaff: StaffClient;

  beforeAll(async () => {
    collector = await startCollector();
    await seedResults(collector);
    await addStaff(collector, 'director@library.example', 'admin');
    await addStaff(collector, 'east@library.example', 'branch', EAST.id);
    admin = await signIn(collector, 'director@library.example');
    eastStaff = await signIn(collector, 'east@library.example');
    return () => collector.dispose();
  });

  it('gives a network administrator every branch, and the figures of the seeded answers', async () => {
    const summary = await admin.json<ResultsSummary>(summaryPath());
    expect(summary.responses).toBe(TOTAL);
    const overall = summary.questions.find((x) => x.id === 'overall-satisfaction');
    const all = SEED_BRANCHES.flatMap((b) => b.ratings);
    expect(overall?.n).toBe(all.length);
    expect(overall?.mean?.value).toBeCloseTo(mean(all), 10);

    const east = await admin.json<ResultsSummary>(summaryPath({ branch: EAST.id }));
    const recommend = east.questions.find((x) => x.id === 'recommend');
    expect(recommend?.nps?.value).toBeCloseTo(netPromoterScore(EAST.recommend), 10);
  });

  it('withholds a branch with fewer than five responses in the overview', async () => {
    const overview = await admin.json<ResultsOverview>(
      `${apiPath(ENDPOINTS.resultsOverview)}${q({})}`,
    );
    const north = overview.branches.find((b) => b.branchId === NORTH.id);
    expect(north).toMatchObject({ tooFew: true, rating: null, nps: null });
    const west = overview.branches.find((b) => b.branchId === WEST.id);
    expect(west?.rating?.value).toBeCloseTo(mean(WEST.ratings), 10);
    expect(west?.rating?.fewAnswers).toBe(true);
  });

  it('keeps branch staff to their own branch in every reply', async () => {
    const summary = await eastStaff.json<ResultsSummary>(summaryPath());
    expect(summary.filter.branches).toEqual([EAST.id]);
    expect(summary.responses).toBe(responsesOf(EAST));

    const overview = await eastStaff.json<ResultsOverview>(
      `${apiPath(ENDPOINTS.resultsOverview)}${q({})}`,
    );
    expect(overview.branches.map((b) => b.branchId)).toEqual([EAST.id]);

    const comments = await eastStaff.json<CommentsPage>(`${apiPath(ENDPOINTS.comments)}${q({})}`);
    expect(comments.total).toBeGreaterThan(0);
    expect(new Set(comments.comments.map((c) => c.branchId))).toEqual(new Set([EAST.id]));

    const devices = await eastStaff.json<DeviceList>(apiPath(ENDPOINTS.devices));
    expect(new Set(devices.devices.map((d) => d.branchId))).toEqual(new Set([EAST.id]));
  });

  it.each([
    ['the summary', () => summaryPath({ branch: WEST.id })],
    ['the overview', () => `${apiPath(ENDPOINTS.resultsOverview)}${q({ branch: WEST.id })}`],
    ['the comments', () => `${apiPath(ENDPOINTS.comments)}${q({ branch: WEST.id })}`],
    ['the CSV export', () => `${apiPath(ENDPOINTS.exportCsv)}${q({ branch: WEST.id })}`],
    ['the XLSX export', () => `${apiPath(ENDPOINTS.exportXlsx)}${q({ branch: WEST.id })}`],
  ])('answers branch staff 404 when they ask %s for another branch', async (_, path) => {
    const res = await eastStaff.call(path());
    expect(res.status).toBe(404);
  });

  it('refuses changes to branch staff and to requests without a session', async () => {
    const devices = await admin.json<DeviceList>(apiPath(ENDPOINTS.devices));
    const west = devices.devices.find((d) => d.branchId === WEST.id);
    const revoke = apiPath(ENDPOINTS.revokeDevice, { id: west?.id ?? '' });
    expect((await eastStaff.call(revoke, { method: 'POST' })).status).toBe(403);
    expect((await fetch(`${collector.url}${summaryPath()}`)).status).toBe(401);
  });

  it('exports branch staff only their branch, as CSV with a BOM that a parser reads back', async () => {
    const res = await eastStaff.call(`${apiPath(ENDPOINTS.exportCsv)}${q({ lang: 'hu' })}`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(responsesOf(EAST));
    expect(new Set(rows.map((r) => r.branch_id))).toEqual(new Set([EAST.id]));
    // What a patron typed never becomes a formula in a spreadsheet.
    const typed = rows.map((r) => r['one-improvement'] ?? '').find((t) => t.includes('HYPERLINK'));
    expect(typed?.startsWith("'")).toBe(true);
  });

  it('exports every branch to an administrator as a workbook with its codebook', async () => {
    const res = await admin.call(`${apiPath(ENDPOINTS.exportXlsx)}${q({ lang: 'ru' })}`);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const [responses, codebook] = workbook.worksheets;
    // One header row, then one row per response.
    expect(responses?.actualRowCount).toBe(TOTAL + 1);
    expect(codebook?.actualRowCount).toBeGreaterThan(20);
    const texts: string[] = [];
    codebook?.eachRow((row) => {
      texts.push(row.values?.toString() ?? '');
    });
    // The codebook speaks the language asked for.
    expect(texts.join(' ')).toMatch(/[А-Яа-я]/);
  });
});
