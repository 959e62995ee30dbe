/**
 * Responses: each stored exactly once, keyed by the id the device made. A batch goes in
 * with ON CONFLICT (id) DO NOTHING in one transaction; what was there already is reported
 * by its content hash, so the caller can tell a duplicate from a conflict.
 */

import type { Insertable, Selectable } from 'kysely';
import type { Answers } from '../../shared/contract/answer';
import { inTransaction, type Storage } from './database';
import { addToResults, type CountingContext, responseAnsweredDay } from './results-fill';
import type { ResponsesTable } from './schema';

/** A response as the collector stored it (the device's copy is the app's DeviceResponse). */
export interface CollectedResponse {
  id: string;
  surveyId: string;
  surveyVersion: number;
  branchId: string;
  deviceId: string;
  deviceSeq: number;
  channel: string;
  locale: string;
  location: string | null;
  startedAt: string;
  submittedAt: string;
  receivedAt: string;
  clockOffsetMs: number | null;
  completed: boolean;
  answers: Answers;
  contentHash: string;
  claimedBranchId: string | null;
}

export interface InsertOutcome {
  /** Ids this call stored. */
  inserted: Set<string>;
  /** Content hashes of the ids that were stored before. */
  existingHashes: Map<string, string>;
}

/** Rows per INSERT statement: far below SQLite's 32766 bound parameters (17 per row). */
const ROWS_PER_INSERT = 250;

function toRow(r: CollectedResponse, answeredDay: string): Insertable<ResponsesTable> {
  return {
    id: r.id,
    survey_id: r.surveyId,
    survey_version: r.surveyVersion,
    branch_id: r.branchId,
    device_id: r.deviceId,
    device_seq: r.deviceSeq,
    channel: r.channel,
    locale: r.locale,
    location: r.location,
    started_at: r.startedAt,
    submitted_at: r.submittedAt,
    received_at: r.receivedAt,
    clock_offset_ms: r.clockOffsetMs,
    completed: r.completed ? 1 : 0,
    answers: JSON.stringify(r.answers),
    content_hash: r.contentHash,
    claimed_branch_id: r.claimedBranchId,
    answered_day: answeredDay,
  };
}

export function fromRow(row: Selectable<ResponsesTable>): CollectedResponse {
  return {
    id: row.id,
    surveyId: row.survey_id,
    surveyVersion: Number(row.survey_version),
    branchId: row.branch_id,
    deviceId: row.device_id,
    deviceSeq: Number(row.device_seq),
    channel: row.channel,
    locale: row.locale,
    location: row.location,
    startedAt: row.started_at,
    submittedAt: row.submitted_at,
    receivedAt: row.received_at,
    clockOffsetMs: row.clock_offset_ms == null ? null : Number(row.clock_offset_ms),
    completed: Number(row.completed) === 1,
    answers: JSON.parse(row.answers) as Answers,
    contentHash: row.content_hash,
    claimedBranchId: row.claimed_branch_id,
  };
}

/**
 * Stores the responses whose id is new, all in one transaction, and reports the hashes of
 * those that were there already. Ids must be unique within the call. The new ones are
 * counted in the results in the same transaction (a duplicate is not counted again).
 */
export async function insertNewResponses(
  storage: Storage,
  responses: readonly CollectedResponse[],
  counting: CountingContext,
): Promise<InsertOutcome> {
  if (responses.length === 0) return { inserted: new Set(), existingHashes: new Map() };
  // Rows are locked in id order, whatever order the batch lists them in: two batches that
  // share ids in opposite orders would otherwise deadlock on PostgreSQL.
  const byId = [...responses]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((response) => ({ response, day: responseAnsweredDay(response, counting.timeZone) }));
  return inTransaction(storage, async (tx) => {
    const inserted = new Set<string>();
    for (let start = 0; start < byId.length; start += ROWS_PER_INSERT) {
      const rows = await tx.db
        .insertInto('responses')
        .values(
          byId
            .slice(start, start + ROWS_PER_INSERT)
            .map(({ response, day }) => toRow(response, day)),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .execute();
      for (const row of rows) inserted.add(row.id);
    }
    const counted = byId.filter(({ response }) => inserted.has(response.id));
    await addToResults(tx, counted, counting.structures);
    const existingIds = responses.map((r) => r.id).filter((id) => !inserted.has(id));
    const existingHashes = new Map<string, string>();
    for (let start = 0; start < existingIds.length; start += ROWS_PER_INSERT) {
      const rows = await tx.db
        .selectFrom('responses')
        .select(['id', 'content_hash'])
        .where('id', 'in', existingIds.slice(start, start + ROWS_PER_INSERT))
        .execute();
      for (const row of rows) existingHashes.set(row.id, row.content_hash);
    }
    return { inserted, existingHashes };
  });
}

export async function findResponse(
  storage: Storage,
  id: string,
): Promise<CollectedResponse | undefined> {
  const row = await storage.db
    .selectFrom('responses')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && fromRow(row);
}

/** Responses in the order they arrived, optionally of one branch. */
export async function listResponses(
  storage: Storage,
  filter: { branchId?: string } = {},
): Promise<CollectedResponse[]> {
  let query = storage.db.selectFrom('responses').selectAll();
  if (filter.branchId) query = query.where('branch_id', '=', filter.branchId);
  const rows = await query.orderBy('received_at').orderBy('id').execute();
  return rows.map(fromRow);
}

export async function countResponses(storage: Storage): Promise<number> {
  const row = await storage.db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
