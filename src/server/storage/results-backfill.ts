/**
 * Counts the responses stored before the results rollups existed (answered_day null), in
 * pages, each page in its own transaction: an interrupted start leaves whole pages counted
 * and the next start goes on from there. Several collectors starting over one PostgreSQL
 * take disjoint pages (FOR UPDATE SKIP LOCKED), so no response is counted twice.
 */
import { inTransaction, type Storage } from './database';
import { fromRow } from './responses';
import { addToResults, responseAnsweredDay } from './results-fill';

/** Responses per page: one transaction of a few seconds at most on a small machine. */
export const BACKFILL_PAGE_SIZE = 500;

/** Counts one page of uncounted responses; returns how many it counted (0: none left). */
export async function countUncountedPage(
  storage: Storage,
  timeZone: string,
  pageSize = BACKFILL_PAGE_SIZE,
): Promise<number> {
  return inTransaction(storage, async (tx) => {
    let query = tx.db
      .selectFrom('responses')
      .selectAll()
      .where('answered_day', 'is', null)
      .orderBy('id')
      .limit(pageSize);
    if (tx.dialect === 'postgres') query = query.forUpdate().skipLocked();
    const rows = await query.execute();
    if (rows.length === 0) return 0;
    const counted = rows.map(fromRow).map((response) => ({
      response,
      day: responseAnsweredDay(response, timeZone),
    }));
    const idsByDay = new Map<string, string[]>();
    for (const { response, day } of counted)
      idsByDay.set(day, [...(idsByDay.get(day) ?? []), response.id]);
    for (const [day, ids] of idsByDay) {
      await tx.db
        .updateTable('responses')
        .set({ answered_day: day })
        .where('id', 'in', ids)
        .execute();
    }
    await addToResults(tx, counted);
    return rows.length;
  });
}

/** Counts every uncounted response, page by page; returns how many it counted. */
export async function backfillResults(
  storage: Storage,
  timeZone: string,
  pageSize = BACKFILL_PAGE_SIZE,
): Promise<number> {
  let total = 0;
  for (;;) {
    const counted = await countUncountedPage(storage, timeZone, pageSize);
    if (counted === 0) return total;
    total += counted;
  }
}
