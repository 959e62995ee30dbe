/**
 * What a device sent, per day it arrived, and taking it out of the results (a stolen
 * token's junk, a test device left in a branch): the responses move from `responses` to
 * `quarantined_responses` in one transaction that also takes their counts out of the
 * rollups and deletes their comments (and those comments' tags). Nothing that reads
 * `responses` (results, comments, exports, version counts) sees them after that, and a
 * device that sends one again is answered as for any stored response (ingest looks here
 * too), never counted again.
 */
import type { Selectable } from 'kysely';
import { inTransaction, type Storage } from './database';
import { type CollectedResponse, forgetDayCounts, fromRow, lockDevice } from './responses';
import { emptyDelta, type ResultsDelta, resultsDelta, writeDelta } from './results-fill';
import type { ResponsesTable } from './schema';

/** Responses moved per read, within the one transaction. */
const QUARANTINE_PAGE_SIZE = 500;

/** Received times of one device's responses from an instant on, ISO UTC, in time order. */
export async function deviceReceivedSpan(
  storage: Storage,
  deviceId: string,
  table: 'responses' | 'quarantined_responses',
  since: string,
): Promise<{ first: string; last: string } | undefined> {
  const row = await storage.db
    .selectFrom(table)
    .select((eb) => [eb.fn.min('received_at').as('first'), eb.fn.max('received_at').as('last')])
    .where('device_id', '=', deviceId)
    .where('received_at', '>=', since)
    .executeTakeFirst();
  return row?.first && row.last ? { first: row.first, last: row.last } : undefined;
}

export interface QuarantineRequest {
  deviceId: string;
  /** Responses received at or after this instant (ISO UTC) are taken out. */
  since: string;
  /** When (ISO UTC), for the record. */
  at: string;
  /** Keep only ids and content hashes, not the responses (CLI: --delete). */
  erase: boolean;
}

export interface QuarantineOutcome {
  /** Responses taken out of the results now. */
  moved: number;
  /** Quarantined responses whose content was deleted now (those moved included). */
  erased: number;
}

/**
 * Adds the counts of stored rows to `delta`, the counts a quarantine takes out of the
 * rollups once its pages are read. Its comments are left out: the caller deletes them.
 */
async function addCounts(
  tx: Storage,
  rows: readonly Selectable<ResponsesTable>[],
  delta: ResultsDelta,
): Promise<void> {
  const counted = rows
    .filter((row) => row.answered_day !== null)
    .map((row) => ({ response: fromRow(row), day: row.answered_day ?? '' }));
  await resultsDelta(tx, counted, undefined, delta);
  delta.comments.length = 0;
}

/** The stored row as quarantine keeps it: the response and the day it was counted on. */
function keptContent(row: Selectable<ResponsesTable>): string {
  const kept: CollectedResponse & { answeredDay: string | null } = {
    ...fromRow(row),
    answeredDay: row.answered_day,
  };
  return JSON.stringify(kept);
}

/**
 * Moves a device's responses received from `since` on out of the results, all in one
 * transaction with their counts and comments; with `erase`, keeps only their ids and
 * hashes, and erases what earlier quarantines of that span kept too.
 */
export async function quarantineDeviceResponses(
  storage: Storage,
  request: QuarantineRequest,
): Promise<QuarantineOutcome> {
  return inTransaction(storage, async (tx) => {
    // Waits for a batch of this device being stored, and holds the next one back.
    await lockDevice(tx, request.deviceId);
    // The daily quota's counts of the days it takes responses out of are counted again.
    await forgetDayCounts(tx, request.deviceId, request.since);
    let moved = 0;
    // The counts of every page are taken out at once, after the last page: writeDelta takes
    // the rollups' rows table by table, in the one order ingest takes them too. Page by page,
    // a second page would go back to a table after the first had held rows of the next,
    // and could deadlock with a kiosk's batch of the same branch and day.
    const counts = emptyDelta();
    for (;;) {
      let page = tx.db
        .selectFrom('responses')
        .selectAll()
        .where('device_id', '=', request.deviceId)
        .where('received_at', '>=', request.since)
        .orderBy('id')
        .limit(QUARANTINE_PAGE_SIZE);
      if (tx.dialect === 'postgres') page = page.forUpdate();
      const rows = await page.execute();
      if (rows.length === 0) break;
      const ids = rows.map((row) => row.id);
      await addCounts(tx, rows, counts);
      await tx.db.deleteFrom('comment_tags').where('response_id', 'in', ids).execute();
      await tx.db.deleteFrom('comments').where('response_id', 'in', ids).execute();
      await tx.db
        .insertInto('quarantined_responses')
        .values(
          rows.map((row) => ({
            id: row.id,
            device_id: row.device_id,
            received_at: row.received_at,
            content_hash: row.content_hash,
            quarantined_at: request.at,
            response: request.erase ? null : keptContent(row),
          })),
        )
        .execute();
      await tx.db.deleteFrom('responses').where('id', 'in', ids).execute();
      moved += rows.length;
    }
    await writeDelta(tx, counts, -1);
    let erased = request.erase ? moved : 0;
    if (request.erase) {
      const result = await tx.db
        .updateTable('quarantined_responses')
        .set({ response: null })
        .where('device_id', '=', request.deviceId)
        .where('received_at', '>=', request.since)
        .where('response', 'is not', null)
        .executeTakeFirst();
      erased += Number(result.numUpdatedRows);
    }
    return { moved, erased };
  });
}
