/**
 * The responses within a results filter, one page at a time, in id order: what the CSV and
 * XLSX exports write row by row. A page is read by keyset (id > the last one), so memory
 * holds one page whatever the export's size, and no connection is held between pages: on
 * SQLite, Kysely's driver has a single connection, and a cursor open for the length of a
 * download would stop every other query (ingest included) until it ended.
 */
import { type SqlBool, sql } from 'kysely';
import type { Storage } from './database';
import { type CollectedResponse, fromRow } from './responses';
import { type ResultsQuery, sliceConditions } from './results';
import type { BranchScope } from './scope';

/** A streamed response with the day it counts on (null: not counted yet). */
export interface StreamedResponse {
  response: CollectedResponse;
  answeredDay: string | null;
}

/** Responses per read. */
export const STREAM_PAGE_SIZE = 1000;

/**
 * Every response within the filter and scope, in id order. The period is the day answered;
 * a response not counted yet (answered_day null, before the start-up backfill) is left out
 * only when a period is given.
 */
export async function* streamResponses(
  storage: Storage,
  query: ResultsQuery,
  scope: BranchScope,
  pageSize = STREAM_PAGE_SIZE,
): AsyncGenerator<StreamedResponse> {
  const conditions = sliceConditions(query, scope);
  if (query.from) conditions.push(sql`${sql.ref('answered_day')} >= ${query.from}`);
  if (query.to) conditions.push(sql`${sql.ref('answered_day')} <= ${query.to}`);
  let after: string | null = null;
  for (;;) {
    let page = storage.db
      .selectFrom('responses')
      .selectAll()
      .where(sql<SqlBool>`${sql.join(conditions, sql` and `)}`)
      .orderBy('id')
      .limit(pageSize);
    if (after !== null) page = page.where('id', '>', after);
    const rows = await page.execute();
    for (const row of rows) yield { response: fromRow(row), answeredDay: row.answered_day };
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = last.id;
  }
}
