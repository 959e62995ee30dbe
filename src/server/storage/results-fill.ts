/**
 * Counting responses into the results rollups: each response adds its tally (one per
 * answer key, shared/results/tally.ts) to the day and month rows of its slice, one to the
 * response rows, and its free texts to comments. It runs in the transaction that stores the
 * response (ingest) or sets its answered_day (the backfill), so a response is counted
 * exactly when its answered_day is set, and only once. Quarantine (quarantine.ts) takes a
 * response's counts away again, in the transaction that moves it out of `responses`.
 */

import { type RawBuilder, sql, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import type { SurveyStructure } from '../../shared/contract/survey-package';
import { answeredDay, monthOf } from '../../shared/results/days';
import { type TallyKey, tallyResponse } from '../../shared/results/tally';
import { everyColumn, insertRows, jsonInsert } from './bulk-insert';
import type { Storage } from './database';
import type { CollectedResponse } from './responses';
import type { CommentsTable, Database } from './schema';
import { surveyStructures, surveyVersionKey } from './survey-packages';

/** What counting needs besides the responses. */
export interface CountingContext {
  /** TIME_ZONE: the zone of the day answered. */
  timeZone: string;
  /** Structures by surveyVersionKey, when the caller has them; others are loaded. */
  structures?: ReadonlyMap<string, SurveyStructure>;
}

/** Rows per INSERT: 12 parameters each, far below SQLite's 32766 and PostgreSQL's 65535. */
const ROWS_PER_UPSERT = 1000;
/** Comments per INSERT on SQLite: 14 parameters each. */
const COMMENTS_PER_INSERT = 500;

/** The day a stored response counts on. */
export function responseAnsweredDay(
  response: Pick<CollectedResponse, 'submittedAt' | 'clockOffsetMs'>,
  timeZone: string,
): string {
  return answeredDay(response.submittedAt, response.clockOffsetMs, timeZone);
}

/**
 * Counts per slice (survey, day, branch, channel, locale, completed, location, suspect), and
 * within a slice per
 * answer key (question, item, value). Keys are tuples joined with NUL, which no id, day or
 * value contains. Two levels, because a batch has few slices and many answer keys: adding a
 * response costs one short key per answer, and month sums are made from the day sums.
 */
class SliceSums {
  /** slice → answer key → n. */
  readonly answers = new Map<string, Map<string, number>>();
  /** slice → responses. */
  readonly responses = new Map<string, number>();
  /**
   * Each answer key's text, made once: question → item → value → key. A batch has few
   * keys and repeats them in every response; looking up the parts is cheaper than joining
   * them into a new text per answer.
   */
  readonly #keys = new Map<string, Map<string, Map<string, string>>>();

  #key(questionId: string, item: string, value: string): string {
    let items = this.#keys.get(questionId);
    if (!items) {
      items = new Map();
      this.#keys.set(questionId, items);
    }
    let values = items.get(item);
    if (!values) {
      values = new Map();
      items.set(item, values);
    }
    let key = values.get(value);
    if (key === undefined) {
      key = `${questionId}\0${item}\0${value}`;
      values.set(value, key);
    }
    return key;
  }

  addResponse(slice: string, answerKeys: readonly TallyKey[]): void {
    this.responses.set(slice, (this.responses.get(slice) ?? 0) + 1);
    let sums = this.answers.get(slice);
    if (!sums) {
      sums = new Map();
      this.answers.set(slice, sums);
    }
    for (const { questionId, item, value } of answerKeys) {
      const key = this.#key(questionId, item, value);
      sums.set(key, (sums.get(key) ?? 0) + 1);
    }
  }
}

/** Every column of a comment, as addToDelta fills them. */
const COMMENT_COLUMNS = everyColumn<CommentsTable>()([
  'response_id',
  'question_id',
  'kind',
  'text',
  'folded',
  'survey_id',
  'branch_id',
  'channel',
  'locale',
  'completed',
  'answered_day',
  'headline_rating',
  'location',
  'suspect',
]);

/** The rollup rows and comments a set of responses adds. */
export interface ResultsDelta {
  sums: SliceSums;
  comments: CommentsTable[];
}

/** A delta of no responses, for resultsDelta to add to. */
export function emptyDelta(): ResultsDelta {
  return { sums: new SliceSums(), comments: [] };
}

/** The first rating question: the headline a comment is shown beside. */
function headlineRatingId(structure: SurveyStructure): string | undefined {
  return structure.questions.find((q) => q.type === 'rating')?.id;
}

/** Adds one response, answered on `day`, to a delta. */
function addToDelta(
  delta: ResultsDelta,
  response: CollectedResponse,
  structure: SurveyStructure,
  day: string,
): void {
  const completed = response.completed ? 1 : 0;
  const location = sliceLocation(response.location);
  const suspect = response.suspect ? 1 : 0;
  const slice = [
    response.surveyId,
    day,
    response.branchId,
    response.channel,
    response.locale,
    completed,
    location,
    suspect,
  ].join('\0');
  const tally = tallyResponse(structure.questions, response.answers, response.completed);
  delta.sums.addResponse(slice, tally.keys);
  const headlineId = headlineRatingId(structure);
  const headline = headlineId === undefined ? undefined : response.answers[headlineId];
  for (const comment of tally.comments) {
    // PostgreSQL text cannot hold NUL; the answer itself keeps it (JSON escapes it).
    const text = comment.text.replaceAll('\0', '\uFFFD');
    delta.comments.push({
      response_id: response.id,
      question_id: comment.questionId,
      kind: comment.kind,
      text,
      folded: foldForSearch(text),
      survey_id: response.surveyId,
      branch_id: response.branchId,
      channel: response.channel,
      locale: response.locale,
      completed,
      answered_day: day,
      headline_rating: typeof headline === 'number' ? headline : null,
      location,
      suspect,
    });
  }
}

/**
 * A response's place as a slice: '' for none, so that it can be part of a key. The contract
 * refuses NUL (a control character), which the slice keys are joined with. A lone surrogate
 * half (no UTF-8 holds one) is U+FFFD, as either database stores it: two places that differ
 * only there are one slice, and one row of a batch's upsert, not two rows of one key.
 */
export function sliceLocation(location: string | null | undefined): string {
  return (location ?? '').toWellFormed();
}

/** How comments and searches are compared: lower case, composed (é is one character). */
export function foldForSearch(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

const SLICE_COLUMNS = [
  'branch_id',
  'channel',
  'locale',
  'completed',
  'location',
  'suspect',
] as const;

interface SliceRow {
  survey_id: string;
  branch_id: string;
  channel: string;
  locale: string;
  completed: number;
  location: string;
  suspect: number;
  n: number;
}

/** Parts of a slice key: survey, period, then the SLICE_COLUMNS. */
const SLICE_PARTS = 2 + SLICE_COLUMNS.length;

/** Rows of one rollup: sums by key, each key split back into its columns. */
type Sums = Map<string, number>;

function addTo(sums: Sums, key: string, n: number): void {
  sums.set(key, (sums.get(key) ?? 0) + n);
}

/** In key order: every transaction locks rollup rows in the same order (no deadlock; see ROLLUPS). */
function sortedEntries(sums: Sums): [string[], number][] {
  return [...sums]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, n]) => [key.split('\0'), n]);
}

/** The four rollups' sums: keys are (survey, period, slice…[, question, item, value]). */
function rollupSums(delta: ResultsDelta) {
  const answerDays: Sums = new Map();
  const answerMonths: Sums = new Map();
  const responseDays: Sums = new Map();
  const responseMonths: Sums = new Map();
  for (const [slice, n] of delta.sums.responses) {
    const [survey = '', day = '', ...rest] = slice.split('\0');
    const tail = rest.join('\0');
    addTo(responseDays, slice, n);
    addTo(responseMonths, `${survey}\0${monthOf(day)}\0${tail}`, n);
    for (const [answer, count] of delta.sums.answers.get(slice) ?? []) {
      addTo(answerDays, `${slice}\0${answer}`, count);
      addTo(answerMonths, `${survey}\0${monthOf(day)}\0${tail}\0${answer}`, count);
    }
  }
  return { answerDays, answerMonths, responseDays, responseMonths };
}

function sliceRow(parts: string[], n: number): SliceRow & { period: string } {
  const [
    survey_id = '',
    period = '',
    branch_id = '',
    channel = '',
    locale = '',
    completed = '0',
    location = '',
    suspect = '0',
  ] = parts;
  return {
    survey_id,
    period,
    branch_id,
    channel,
    locale,
    completed: Number(completed),
    location,
    suspect: Number(suspect),
    n,
  };
}

async function upsertInChunks<R>(
  rows: R[],
  write: (chunk: R[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_UPSERT)
    await write(rows.slice(start, start + ROWS_PER_UPSERT));
}

/** Key rows per DELETE of emptied rollup rows: an OR of this many keys stays shallow in SQLite. */
const KEYS_PER_DELETE = 200;

/**
 * An UPDATE of rows that only the writing transaction's batch has (its own devices' rows,
 * which it locked first), made with the transaction's `db` (ownRowUpdate): writeDelta runs
 * it before the rollups, on PostgreSQL as a part of their one statement.
 */
export interface OwnRowUpdate {
  execute(): Promise<unknown>;
  /** The update as a WITH part: where `after` holds (when given), returning a row per row. */
  part(after: RawBuilder<boolean> | undefined): RawBuilder<unknown>;
}

export function ownRowUpdate<Table extends keyof Database>(
  update: UpdateQueryBuilder<Database, Table, Table, UpdateResult>,
): OwnRowUpdate {
  return {
    execute: () => update.execute(),
    part: (after) => {
      const ordered = after ? update.where(after) : update;
      return sql`${ordered.returning(sql<number>`1`.as('one'))}`;
    },
  };
}

/**
 * Adds a delta to the rollups and stores its comments; with sign -1, takes the delta's
 * counts away instead and drops the rollup rows it leaves at 0 (its comments are the
 * caller's to delete). `first` runs before either. Inside a transaction.
 */
export async function writeDelta(
  tx: Storage,
  delta: ResultsDelta,
  sign: 1 | -1 = 1,
  first: readonly OwnRowUpdate[] = [],
): Promise<void> {
  if (tx.dialect === 'postgres' && sign > 0) return addDeltaInOneStatement(tx, delta, first);
  for (const update of first) await update.execute();
  const sums = rollupSums(delta);
  for (const rollup of ROLLUPS) {
    const rows = rollupRows(rollup, sums, sign);
    await upsertInChunks(rows, (chunk) =>
      tx.db
        .insertInto(rollup.table)
        // The period column is named by `period`; each table has exactly these columns.
        .values(chunk as never)
        .onConflict((oc) =>
          oc.columns(rollup.keys as never).doUpdateSet((eb) => ({
            n: eb(eb.ref(`${rollup.table}.n`), '+', eb.ref('excluded.n')),
          })),
        )
        .execute(),
    );
    if (sign < 0) await deleteEmptied(tx, rollup.table, rows);
  }
  if (sign < 0) return;
  for (let start = 0; start < delta.comments.length; start += COMMENTS_PER_INSERT) {
    await insertRows(
      tx,
      'comments',
      COMMENT_COLUMNS,
      delta.comments.slice(start, start + COMMENTS_PER_INSERT) as unknown as Record<
        string,
        unknown
      >[],
      COMMENTS_CONFLICT,
    );
  }
}

/** A comment stored already (the same response and question) is left as it is. */
const COMMENTS_CONFLICT = 'on conflict (response_id, question_id) do nothing';

/**
 * The four rollups, in the order every transaction writes them (and so takes their rows'
 * locks): each with its period column and its key, the columns its upsert conflicts on.
 */
const ROLLUPS = [
  {
    table: 'result_answer_days',
    sums: 'answerDays',
    period: 'day',
    keys: ['survey_id', 'question_id', 'day', 'item', 'value', ...SLICE_COLUMNS],
  },
  {
    table: 'result_answer_months',
    sums: 'answerMonths',
    period: 'month',
    keys: ['survey_id', 'question_id', 'month', 'item', 'value', ...SLICE_COLUMNS],
  },
  {
    table: 'result_response_days',
    sums: 'responseDays',
    period: 'day',
    keys: ['survey_id', 'day', ...SLICE_COLUMNS],
  },
  {
    table: 'result_response_months',
    sums: 'responseMonths',
    period: 'month',
    keys: ['survey_id', 'month', ...SLICE_COLUMNS],
  },
] as const satisfies readonly {
  table: RollupTable;
  sums: keyof ReturnType<typeof rollupSums>;
  period: 'day' | 'month';
  keys: readonly string[];
}[];

/** A rollup's rows from the sums, in key order, counts times `sign`. */
function rollupRows(
  rollup: (typeof ROLLUPS)[number],
  sums: ReturnType<typeof rollupSums>,
  sign: 1 | -1,
): Record<string, string | number>[] {
  const answers = rollup.sums === 'answerDays' || rollup.sums === 'answerMonths';
  return sortedEntries(sums[rollup.sums]).map(([parts, n]) => {
    const { period: at, ...row } = sliceRow(parts, n * sign);
    if (!answers) return { ...row, [rollup.period]: at };
    const [question_id = '', item = '', value = ''] = parts.slice(SLICE_PARTS);
    return { ...row, [rollup.period]: at, question_id, item, value };
  });
}

/**
 * writeDelta's addition on PostgreSQL: the updates of the batch's own rows (`first`), the
 * comments' insert and the four rollups' upserts as one statement, each a data-modifying
 * WITH part (the inserts fed one JSON parameter each, bulk-insert.ts), so a batch waits
 * for one round trip instead of seven. The parts write different tables, and each upsert's
 * rows have distinct keys (they are sums by key), so no row is written twice. Every
 * transaction must take rollup rows in one order (the tables in ROLLUPS' order, by key
 * within a table), or an ingest and a quarantine (which subtracts table by table) on the
 * same branch and day deadlock; but PostgreSQL leaves unsaid in what order it runs WITH
 * parts that nothing reads (it runs them last first). So each part reads the count of the
 * one before it before its own rows (an always true condition), and the statement reads
 * the last: the parts run in the order listed. The rollups go last, so their rows, which
 * every kiosk of the branch adds to, are held from their upsert to the commit for as short
 * a time as may be.
 */
async function addDeltaInOneStatement(
  tx: Storage,
  delta: ResultsDelta,
  first: readonly OwnRowUpdate[],
): Promise<void> {
  const sums = rollupSums(delta);
  /** A part, given the condition that orders it after the one before (none for the first). */
  const parts: ((after: RawBuilder<boolean> | undefined) => RawBuilder<unknown>)[] = [];
  for (const update of first) parts.push((after) => update.part(after));
  const insert = (
    table: string,
    columns: readonly string[],
    rows: readonly Record<string, unknown>[],
    tail: RawBuilder<unknown>,
  ) =>
    parts.push((after) =>
      jsonInsert(
        table,
        columns,
        rows,
        sql`${after ? sql`where ${after}` : sql``} ${tail} returning 1`,
      ),
    );
  // Comments first: no other batch writes them (each is of a response of this batch), so
  // they are written before the rollup rows that other kiosks of the branch wait for.
  if (delta.comments.length > 0) {
    insert(
      'comments',
      COMMENT_COLUMNS,
      delta.comments as unknown as Record<string, unknown>[],
      sql.raw(COMMENTS_CONFLICT),
    );
  }
  for (const rollup of ROLLUPS) {
    const rows = rollupRows(rollup, sums, 1);
    const [firstRow] = rows;
    if (!firstRow) continue;
    const keys = sql.join(rollup.keys.map((key) => sql.ref(key)));
    const n = sql.ref(`${rollup.table}.n`);
    insert(
      rollup.table,
      Object.keys(firstRow),
      rows,
      sql`on conflict (${keys}) do update set n = ${n} + excluded.n`,
    );
  }
  if (parts.length === 0) return;
  const name = (index: number) => sql.raw(`w${index}`);
  const withParts = parts.map((part, index) => {
    const after =
      index === 0 ? undefined : sql<boolean>`(select count(*) from ${name(index - 1)}) >= 0`;
    return sql`${name(index)} as (${part(after)})`;
  });
  const last = name(parts.length - 1);
  await sql`with ${sql.join(withParts, sql`, `)} select count(*) from ${last}`.execute(tx.db);
}

type RollupTable =
  | 'result_answer_days'
  | 'result_answer_months'
  | 'result_response_days'
  | 'result_response_months';

/** Drops the rows of these keys that a subtraction left at 0: a slice with no responses. */
async function deleteEmptied(
  tx: Storage,
  table: RollupTable,
  rows: readonly Record<string, string | number>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += KEYS_PER_DELETE) {
    const keys = rows.slice(start, start + KEYS_PER_DELETE).map(({ n: _n, ...key }) => key);
    await tx.db
      .deleteFrom(table)
      .where((eb) =>
        eb.and([
          eb('n', '<=', 0),
          eb.or(
            keys.map((key) =>
              eb.and(
                Object.entries(key).map(([column, value]) =>
                  eb(column as never, '=', value as never),
                ),
              ),
            ),
          ),
        ]),
      )
      .execute();
  }
}

/** The structures of the responses' survey versions: the caller's, else loaded. */
async function structuresFor(
  storage: Storage,
  responses: readonly Pick<CollectedResponse, 'surveyId' | 'surveyVersion'>[],
  known: ReadonlyMap<string, SurveyStructure> = new Map(),
): Promise<ReadonlyMap<string, SurveyStructure>> {
  const missing = new Set(
    responses
      .filter((r) => !known.has(surveyVersionKey(r.surveyId, r.surveyVersion)))
      .map((r) => r.surveyId),
  );
  if (missing.size === 0) return known;
  const loaded = await surveyStructures(storage, [...missing]);
  return new Map([...known, ...loaded]);
}

/**
 * The delta of responses about to be counted: their rollup sums and comments, added to
 * `delta` when one is given (several pages made into one delta). The structures are the
 * caller's, else loaded.
 */
export async function resultsDelta(
  storage: Storage,
  responses: readonly { response: CollectedResponse; day: string }[],
  known?: ReadonlyMap<string, SurveyStructure>,
  delta: ResultsDelta = emptyDelta(),
): Promise<ResultsDelta> {
  if (responses.length === 0) return delta;
  const structures = await structuresFor(
    storage,
    responses.map(({ response }) => response),
    known,
  );
  for (const { response, day } of responses) {
    const structure = structures.get(surveyVersionKey(response.surveyId, response.surveyVersion));
    // A stored response's version is always stored (a foreign key says so).
    if (!structure)
      throw new Error(`no structure for ${response.surveyId} v${response.surveyVersion}`);
    addToDelta(delta, response, structure, day);
  }
  return delta;
}

/**
 * Counts responses that were just stored with their answered_day (or just given one).
 * Inside the transaction that did so.
 */
export async function addToResults(
  tx: Storage,
  responses: readonly { response: CollectedResponse; day: string }[],
  known?: ReadonlyMap<string, SurveyStructure>,
): Promise<void> {
  if (responses.length === 0) return;
  await writeDelta(tx, await resultsDelta(tx, responses, known));
}
