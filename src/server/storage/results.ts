/**
 * The results as the dashboard reads them: sums over the rollup tables (results-fill.ts),
 * never over the responses. A period is read as its whole months from the month rows and
 * its partial months at the edges from the day rows. Every query takes a BranchScope and
 * applies it in SQL.
 */
import { type Expression, type SqlBool, sql } from 'kysely';
import { assertNever } from '../../shared/assert-never';
import type { TrendInterval } from '../../shared/contract/results';
import type { QuestionCounts } from '../../shared/results/counts';
import {
  isoWeekStart,
  monthOf,
  monthStart,
  type Span,
  splitPeriod,
} from '../../shared/results/days';
import type { Storage } from './database';
import { type BranchScope, branchesInScope } from './scope';

/** What every results query filters by; unset means all. Days are YYYY-MM-DD, inclusive. */
export interface ResultsQuery {
  surveyId: string;
  from?: string | undefined;
  to?: string | undefined;
  branches?: readonly string[] | undefined;
  channels?: readonly string[] | undefined;
  locales?: readonly string[] | undefined;
  /** true: complete responses only; false: incomplete only. */
  completed?: boolean | undefined;
  /** Responses made at these places (a response's location); unset: anywhere, or nowhere. */
  places?: readonly string[] | undefined;
  /** Suspect responses (answered implausibly fast) are left out unless this is true. */
  includeSuspect?: boolean | undefined;
}

export interface ResponseCounts {
  responses: number;
  completed: number;
}

export interface TrendPoint extends ResponseCounts {
  /** The day, the Monday of the ISO week, or the first day of the month. */
  start: string;
}

type Rollup = 'answers' | 'responses';
type Period = 'day' | 'month';
/** Columns a sum may be grouped by; 'period' is the row's day or month. */
type GroupColumn =
  | 'question_id'
  | 'item'
  | 'value'
  | 'branch_id'
  | 'completed'
  | 'location'
  | 'suspect'
  | 'period';

const TABLES = {
  answers: { day: 'result_answer_days', month: 'result_answer_months' },
  responses: { day: 'result_response_days', month: 'result_response_months' },
} as const;

/** One read of a rollup table: its period column within one span. */
interface RollupRead {
  period: Period;
  span: Span;
}

function spanCondition(column: Period, span: Span): Expression<SqlBool> {
  const parts = [
    ...(span.from === null ? [] : [sql`${sql.ref(column)} >= ${span.from}`]),
    ...(span.to === null ? [] : [sql`${sql.ref(column)} <= ${span.to}`]),
  ];
  return parts.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/**
 * The reads a period needs: month rows for whole months, day rows for each edge. One read
 * per span, not spans joined with OR: SQLite answers an OR of two key ranges by collecting
 * the keys of both and looking each up again, thirty times slower than two range scans.
 */
function periodReads(query: ResultsQuery, byDay: boolean): RollupRead[] {
  if (byDay) return [{ period: 'day', span: { from: query.from ?? null, to: query.to ?? null } }];
  const parts = splitPeriod(query.from, query.to);
  return [
    ...(parts.months ? [{ period: 'month' as const, span: parts.months }] : []),
    ...parts.days.map((span) => ({ period: 'day' as const, span })),
  ];
}

/** The filters and the scope as conditions on a rollup or comments row. */
export function sliceConditions(query: ResultsQuery, scope: BranchScope): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [sql`${sql.ref('survey_id')} = ${query.surveyId}`];
  const inList = (column: string, values: readonly (string | number)[]) =>
    sql<SqlBool>`${sql.ref(column)} in (${sql.join(values)})`;
  const branches = branchesInScope(scope, query.branches);
  if (branches) conditions.push(inList('branch_id', branches));
  if (query.channels?.length) conditions.push(inList('channel', query.channels));
  if (query.locales?.length) conditions.push(inList('locale', query.locales));
  if (query.completed !== undefined)
    conditions.push(sql`${sql.ref('completed')} = ${query.completed ? 1 : 0}`);
  if (query.places?.length) conditions.push(inList('location', query.places));
  if (!query.includeSuspect) conditions.push(sql`${sql.ref('suspect')} = 0`);
  return conditions;
}

type GroupRow = Record<GroupColumn, string> & { n: number };

/** The rollups' key after the survey (0004, 0010): a GROUP BY in this order follows the key. */
const KEY_ORDER: readonly GroupColumn[] = [
  'question_id',
  'period',
  'item',
  'value',
  'branch_id',
  'completed',
  'location',
  'suspect',
];

/**
 * Sums n over a rollup within the filter, grouped by the given columns. Each read also
 * groups by its period, and lists the columns in the key's order: the groups then come in
 * the order the key range is read, and are summed as they come (SQLite says no "TEMP
 * B-TREE FOR GROUP BY"; PostgreSQL needs no sort or hash). The periods are added up here.
 */
async function sumRollup(
  storage: Storage,
  rollup: Rollup,
  query: ResultsQuery,
  scope: BranchScope,
  groupBy: readonly GroupColumn[],
  options: { questionIds?: readonly string[]; byDay?: boolean } = {},
): Promise<GroupRow[]> {
  const sums = new Map<string, GroupRow>();
  // PostgreSQL sums a bigint into a numeric; a row's n fits an integer, whose sum is a
  // bigint, added up faster.
  const n = storage.dialect === 'postgres' ? sql`${sql.ref('n')}::integer` : sql.ref('n');
  const grouped = KEY_ORDER.filter((c) => c === 'period' || groupBy.includes(c));
  const reads = periodReads(query, options.byDay ?? false);
  const results = await Promise.all(
    reads.map(async (read) => {
      const conditions = [...sliceConditions(query, scope), spanCondition(read.period, read.span)];
      if (options.questionIds)
        conditions.push(sql`${sql.ref('question_id')} in (${sql.join(options.questionIds)})`);
      const columns = grouped.map((c) => sql.ref(c === 'period' ? read.period : c));
      const selected = grouped.map((c, i) => sql`${columns[i]} as ${sql.ref(c)}`);
      const { rows } = await sql<Record<string, unknown>>`select ${sql.join([
        ...selected,
        sql`sum(${n}) as ${sql.ref('n')}`,
      ])} from ${sql.table(TABLES[rollup][read.period])} where ${sql.join(
        conditions,
        sql` and `,
      )} group by ${sql.join(columns)}`.execute(storage.db);
      return rows;
    }),
  );
  for (const rows of results)
    for (const row of rows) {
      const groups = groupBy.map((c) => String(row[c]));
      const key = groups.join('\0');
      const sum = sums.get(key);
      if (sum) sum.n += Number(row.n);
      else
        sums.set(key, {
          ...(Object.fromEntries(groupBy.map((c, i) => [c, groups[i]])) as Record<
            GroupColumn,
            string
          >),
          n: Number(row.n ?? 0),
        });
    }
  return [...sums.values()];
}

function countsOf(rows: readonly GroupRow[]): ResponseCounts {
  let responses = 0;
  let completed = 0;
  for (const row of rows) {
    responses += row.n;
    if (row.completed === '1') completed += row.n;
  }
  return { responses, completed };
}

/** Responses, and complete responses, within the filter. */
export async function responseCounts(
  storage: Storage,
  query: ResultsQuery,
  scope: BranchScope,
): Promise<ResponseCounts> {
  return countsOf(await sumRollup(storage, 'responses', query, scope, ['completed']));
}

/** Responses per branch within the filter (branches without any are left out). */
export async function responseCountsByBranch(
  storage: Storage,
  query: ResultsQuery,
  scope: BranchScope,
): Promise<Map<string, ResponseCounts>> {
  const rows = await sumRollup(storage, 'responses', query, scope, ['branch_id', 'completed']);
  const byBranch = new Map<string, GroupRow[]>();
  for (const row of rows)
    byBranch.set(row.branch_id, [...(byBranch.get(row.branch_id) ?? []), row]);
  return new Map(
    [...byBranch].sort(([a], [b]) => (a < b ? -1 : 1)).map(([b, r]) => [b, countsOf(r)]),
  );
}

function intervalStart(interval: TrendInterval, period: string): string {
  // A month row's period is YYYY-MM; a day row's YYYY-MM-DD.
  if (period.length === 7) return monthStart(period);
  switch (interval) {
    case 'day':
      return period;
    case 'week':
      return isoWeekStart(period);
    case 'month':
      return monthStart(monthOf(period));
    default:
      return assertNever(interval, 'trend interval');
  }
}

/** Responses per day, ISO week (its Monday) or month (its first day), oldest first. */
export async function responseTrend(
  storage: Storage,
  query: ResultsQuery,
  scope: BranchScope,
  interval: TrendInterval,
): Promise<TrendPoint[]> {
  // Weeks straddle months, so they are summed from day rows, as days are.
  const rows = await sumRollup(storage, 'responses', query, scope, ['period', 'completed'], {
    byDay: interval !== 'month',
  });
  const points = new Map<string, TrendPoint>();
  for (const row of rows) {
    const start = intervalStart(interval, row.period);
    const point = points.get(start) ?? { start, responses: 0, completed: 0 };
    point.responses += row.n;
    if (row.completed === '1') point.completed += row.n;
    points.set(start, point);
  }
  return [...points.values()].sort((a, b) => (a.start < b.start ? -1 : 1));
}

function addCount(counts: QuestionCounts, item: string, value: string, n: number): void {
  const values = counts[item] ?? {};
  values[value] = (values[value] ?? 0) + n;
  counts[item] = values;
}

/**
 * Counts per (item, value) of each question within the filter (results/counts.ts), for
 * the given questions or every question of the survey. Questions nobody was counted for
 * are left out.
 */
export async function answerCounts(
  storage: Storage,
  query: ResultsQuery,
  scope: BranchScope,
  questionIds?: readonly string[],
): Promise<Map<string, QuestionCounts>> {
  if (questionIds?.length === 0) return new Map();
  const rows = await sumRollup(storage, 'answers', query, scope, ['question_id', 'item', 'value'], {
    ...(questionIds && { questionIds }),
  });
  const byQuestion = new Map<string, QuestionCounts>();
  for (const row of rows) {
    const counts = byQuestion.get(row.question_id) ?? {};
    addCount(counts, row.item, row.value, row.n);
    byQuestion.set(row.question_id, counts);
  }
  return byQuestion;
}

/** The same per branch: branch → question → counts. */
export async function answerCountsByBranch(
  storage: Storage,
  query: ResultsQuery,
  scope: BranchScope,
  questionIds?: readonly string[],
): Promise<Map<string, Map<string, QuestionCounts>>> {
  if (questionIds?.length === 0) return new Map();
  const rows = await sumRollup(
    storage,
    'answers',
    query,
    scope,
    ['branch_id', 'question_id', 'item', 'value'],
    { ...(questionIds && { questionIds }) },
  );
  const byBranch = new Map<string, Map<string, QuestionCounts>>();
  for (const row of rows) {
    const questions = byBranch.get(row.branch_id) ?? new Map<string, QuestionCounts>();
    const counts = questions.get(row.question_id) ?? {};
    addCount(counts, row.item, row.value, row.n);
    questions.set(row.question_id, counts);
    byBranch.set(row.branch_id, questions);
  }
  return byBranch;
}

/**
 * Suspect responses within the filter that the results leave out (none when the filter
 * includes them): the dashboard says how many.
 */
export async function suspectCount(
  storage: Storage,
  query: ResultsQuery,
  scope: BranchScope,
): Promise<number> {
  if (query.includeSuspect) return 0;
  const rows = await sumRollup(storage, 'responses', { ...query, includeSuspect: true }, scope, [
    'suspect',
  ]);
  return rows.filter((row) => row.suspect === '1').reduce((sum, row) => sum + row.n, 0);
}

/**
 * The places responses within the filter were made at, with their counts, most first (the
 * place filter itself is not applied: it lists what may be chosen). Responses without a
 * place are left out.
 */
export async function placeCounts(
  storage: Storage,
  query: ResultsQuery,
  scope: BranchScope,
): Promise<{ place: string; responses: number }[]> {
  const { places: _places, ...unplaced } = query;
  const rows = await sumRollup(storage, 'responses', unplaced, scope, ['location']);
  return rows
    .filter((row) => row.location !== '')
    .map((row) => ({ place: row.location, responses: row.n }))
    .sort((a, b) => b.responses - a.responses || (a.place < b.place ? -1 : 1));
}
