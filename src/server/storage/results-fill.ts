/**
 * Counting responses into the results rollups: each response adds its tally (one per
 * answer key, shared/results/tally.ts) to the day and month rows of its slice, one to the
 * response rows, and its free texts to comments. It runs in the transaction that stores the
 * response (ingest) or sets its answered_day (the backfill), so a response is counted
 * exactly when its answered_day is set, and only once.
 */
import type { SurveyStructure } from '../../shared/contract/survey-package';
import { answeredDay, monthOf } from '../../shared/results/days';
import { tallyResponse } from '../../shared/results/tally';
import type { Storage } from './database';
import type { CollectedResponse } from './responses';
import type { CommentsTable } from './schema';
import { surveyStructures, surveyVersionKey } from './survey-packages';

/** What counting needs besides the responses. */
export interface CountingContext {
  /** TIME_ZONE: the zone of the day answered. */
  timeZone: string;
  /** Structures by surveyVersionKey, when the caller has them; others are loaded. */
  structures?: ReadonlyMap<string, SurveyStructure>;
}

/** Rows per INSERT: 10 parameters each, far below SQLite's 32766 and PostgreSQL's 65535. */
const ROWS_PER_UPSERT = 1000;
/** Comments per INSERT: 12 parameters each. */
const COMMENTS_PER_INSERT = 500;

/** The day a stored response counts on. */
export function responseAnsweredDay(
  response: Pick<CollectedResponse, 'submittedAt' | 'clockOffsetMs'>,
  timeZone: string,
): string {
  return answeredDay(response.submittedAt, response.clockOffsetMs, timeZone);
}

/** Sums per key; keys are tuples joined with NUL, which no id or value contains. */
class Sums {
  readonly #n = new Map<string, number>();
  add(parts: readonly (string | number)[], n = 1): void {
    const key = parts.join('\0');
    this.#n.set(key, (this.#n.get(key) ?? 0) + n);
  }
  /** In key order: every transaction locks rollup rows in the same order (no deadlock). */
  sorted(): [string[], number][] {
    return [...this.#n]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, n]) => [key.split('\0'), n]);
  }
}

/** The rollup rows and comments a set of responses adds. */
export interface ResultsDelta {
  answerDays: Sums;
  answerMonths: Sums;
  responseDays: Sums;
  responseMonths: Sums;
  comments: CommentsTable[];
}

export function emptyDelta(): ResultsDelta {
  return {
    answerDays: new Sums(),
    answerMonths: new Sums(),
    responseDays: new Sums(),
    responseMonths: new Sums(),
    comments: [],
  };
}

/** The first rating question: the headline a comment is shown beside. */
function headlineRatingId(structure: SurveyStructure): string | undefined {
  return structure.questions.find((q) => q.type === 'rating')?.id;
}

/** Adds one response, answered on `day`, to a delta. */
export function addToDelta(
  delta: ResultsDelta,
  response: CollectedResponse,
  structure: SurveyStructure,
  day: string,
): void {
  const month = monthOf(day);
  const completed = response.completed ? 1 : 0;
  const slice = [response.branchId, response.channel, response.locale, completed] as const;
  delta.responseDays.add([response.surveyId, day, ...slice]);
  delta.responseMonths.add([response.surveyId, month, ...slice]);
  const tally = tallyResponse(structure.questions, response.answers, response.completed);
  for (const { questionId, item, value } of tally.keys) {
    delta.answerDays.add([response.surveyId, questionId, day, item, value, ...slice]);
    delta.answerMonths.add([response.surveyId, questionId, month, item, value, ...slice]);
  }
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
    });
  }
}

/** How comments and searches are compared: lower case, composed (é is one character). */
export function foldForSearch(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

const SLICE_COLUMNS = ['branch_id', 'channel', 'locale', 'completed'] as const;

function sliceOf(parts: string[]) {
  const [branch_id = '', channel = '', locale = '', completed = '0'] = parts;
  return { branch_id, channel, locale, completed: Number(completed) };
}

async function upsertInChunks<R>(
  rows: R[],
  write: (chunk: R[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_UPSERT)
    await write(rows.slice(start, start + ROWS_PER_UPSERT));
}

/** Adds a delta to the rollups and stores its comments. Inside a transaction. */
export async function writeDelta(tx: Storage, delta: ResultsDelta): Promise<void> {
  const db = tx.db;
  for (const [table, period] of [
    ['result_answer_days', 'day'],
    ['result_answer_months', 'month'],
  ] as const) {
    const sums = period === 'day' ? delta.answerDays : delta.answerMonths;
    const rows = sums
      .sorted()
      .map(([[survey_id = '', question_id = '', at = '', item = '', value = '', ...slice], n]) => ({
        survey_id,
        question_id,
        [period]: at,
        item,
        value,
        ...sliceOf(slice),
        n,
      }));
    await upsertInChunks(rows, (chunk) =>
      db
        .insertInto(table)
        // The period column is named by `period`; both tables have exactly these columns.
        .values(chunk as never)
        .onConflict((oc) =>
          oc
            .columns([
              'survey_id',
              'question_id',
              period as never,
              'item',
              'value',
              ...SLICE_COLUMNS,
            ])
            .doUpdateSet((eb) => ({ n: eb(eb.ref(`${table}.n`), '+', eb.ref('excluded.n')) })),
        )
        .execute(),
    );
  }
  for (const [table, period] of [
    ['result_response_days', 'day'],
    ['result_response_months', 'month'],
  ] as const) {
    const sums = period === 'day' ? delta.responseDays : delta.responseMonths;
    const rows = sums.sorted().map(([[survey_id = '', at = '', ...slice], n]) => ({
      survey_id,
      [period]: at,
      ...sliceOf(slice),
      n,
    }));
    await upsertInChunks(rows, (chunk) =>
      db
        .insertInto(table)
        .values(chunk as never)
        .onConflict((oc) =>
          oc
            .columns(['survey_id', period as never, ...SLICE_COLUMNS])
            .doUpdateSet((eb) => ({ n: eb(eb.ref(`${table}.n`), '+', eb.ref('excluded.n')) })),
        )
        .execute(),
    );
  }
  for (let start = 0; start < delta.comments.length; start += COMMENTS_PER_INSERT) {
    await db
      .insertInto('comments')
      .values(delta.comments.slice(start, start + COMMENTS_PER_INSERT))
      .onConflict((oc) => oc.columns(['response_id', 'question_id']).doNothing())
      .execute();
  }
}

/** The structures of the responses' survey versions: the caller's, else loaded. */
export async function structuresFor(
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
 * Counts responses that were just stored with their answered_day (or just given one).
 * Inside the transaction that did so.
 */
export async function addToResults(
  tx: Storage,
  responses: readonly { response: CollectedResponse; day: string }[],
  structures: ReadonlyMap<string, SurveyStructure>,
): Promise<void> {
  if (responses.length === 0) return;
  const delta = emptyDelta();
  for (const { response, day } of responses) {
    const structure = structures.get(surveyVersionKey(response.surveyId, response.surveyVersion));
    // A stored response's version is always stored (a foreign key says so).
    if (!structure)
      throw new Error(`no structure for ${response.surveyId} v${response.surveyVersion}`);
    addToDelta(delta, response, structure, day);
  }
  await writeDelta(tx, delta);
}
