/**
 * Responses: each stored exactly once, keyed by the id the device made. A batch goes in
 * with ON CONFLICT (id) DO NOTHING in one transaction; what was there already is reported
 * by its content hash, so the caller can tell a duplicate from a conflict.
 */

import type { Insertable, Selectable } from 'kysely';
import type { Answers } from '../../shared/contract/answer';
import { everyColumn, insertRows } from './bulk-insert';
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
  /** The device found the answers came implausibly fast: stored, left out of the results unless asked. */
  suspect?: boolean | undefined;
  answers: Answers;
  contentHash: string;
  claimedBranchId: string | null;
}

export interface InsertOutcome {
  /** Ids this call stored. */
  inserted: Set<string>;
  /** Content hashes of the ids that were stored before (quarantined ones included). */
  existingHashes: Map<string, string>;
  /** New ids not stored because the device's daily quota was reached. */
  deferred: Set<string>;
}

/** The daily quota of the one device whose responses are inserted. */
export interface DailyQuota {
  deviceId: string;
  /** The day's first instant and the next day's, ISO UTC: received_at in [since, until). */
  since: string;
  until: string;
  /** New responses the device may have stored within the day. */
  max: number;
}

/** Rows per INSERT statement: far below SQLite's 32766 bound parameters (17 per row). */
const ROWS_PER_INSERT = 250;
/** Rows per INSERT on PostgreSQL, where they go as one JSON parameter (bulk-insert.ts). */
const JSON_ROWS_PER_INSERT = 1000;

/** The columns an insert writes: every one (toRow fills them all). */
const RESPONSE_COLUMNS = everyColumn<ResponsesTable>()([
  'id',
  'survey_id',
  'survey_version',
  'branch_id',
  'device_id',
  'device_seq',
  'channel',
  'locale',
  'location',
  'started_at',
  'submitted_at',
  'received_at',
  'clock_offset_ms',
  'completed',
  'suspect',
  'answers',
  'content_hash',
  'claimed_branch_id',
  'answered_day',
]);

function toRow(
  r: CollectedResponse,
  answeredDay: string,
): Record<(typeof RESPONSE_COLUMNS)[number], unknown> & Insertable<ResponsesTable> {
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
    suspect: r.suspect ? 1 : 0,
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
    suspect: Number(row.suspect) === 1,
    answers: JSON.parse(row.answers) as Answers,
    contentHash: row.content_hash,
    claimedBranchId: row.claimed_branch_id,
  };
}

/** Content hashes of those of `ids` stored in `table`. */
async function storedHashes(
  tx: Storage,
  table: 'responses' | 'quarantined_responses',
  ids: readonly string[],
): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (let start = 0; start < ids.length; start += ROWS_PER_INSERT) {
    const rows = await tx.db
      .selectFrom(table)
      .select(['id', 'content_hash'])
      .where('id', 'in', ids.slice(start, start + ROWS_PER_INSERT))
      .execute();
    for (const row of rows) hashes.set(row.id, row.content_hash);
  }
  return hashes;
}

/**
 * A device's responses received within [since, until): those in the results, or (table
 * quarantined_responses) those taken out of them.
 */
export async function countDeviceResponses(
  storage: Storage,
  deviceId: string,
  span: { since: string; until: string },
  table: 'responses' | 'quarantined_responses' = 'responses',
): Promise<number> {
  const row = await storage.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('count'))
    .where('device_id', '=', deviceId)
    .where('received_at', '>=', span.since)
    .where('received_at', '<', span.until)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Inside a transaction: waits for any other batch or quarantine of the same device to end
 * (PostgreSQL; SQLite has one writer), so its daily count and its quarantine are read
 * after them. Released at commit.
 */
export async function lockDevice(tx: Storage, deviceId: string): Promise<void> {
  if (tx.dialect !== 'postgres') return;
  await tx.db.selectFrom('devices').select('id').where('id', '=', deviceId).forUpdate().execute();
}

/**
 * Stores the responses whose id is new, all in one transaction, and reports the hashes of
 * those that were there already, quarantined ones included (they are stored, only out of
 * the results). Ids must be unique within the call. The new ones are counted in the
 * results in the same transaction (a duplicate is not counted again). With a quota, new
 * responses beyond what the device may still store today are left out, oldest id first
 * stored, and reported as deferred.
 */
export async function insertNewResponses(
  storage: Storage,
  responses: readonly CollectedResponse[],
  counting: CountingContext,
  quota?: DailyQuota,
): Promise<InsertOutcome> {
  const deferred = new Set<string>();
  if (responses.length === 0) return { inserted: new Set(), existingHashes: new Map(), deferred };
  // Rows are locked in id order, whatever order the batch lists them in: two batches that
  // share ids in opposite orders would otherwise deadlock on PostgreSQL.
  const byId = [...responses]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((response) => ({ response, day: responseAnsweredDay(response, counting.timeZone) }));
  const ids = byId.map(({ response }) => response.id);
  return inTransaction(storage, async (tx) => {
    if (quota) await lockDevice(tx, quota.deviceId);
    const quarantined = await storedHashes(tx, 'quarantined_responses', ids);
    let toInsert = byId.filter(({ response }) => !quarantined.has(response.id));
    if (quota) {
      const room = quota.max - (await countDeviceResponses(tx, quota.deviceId, quota));
      if (toInsert.length > room) {
        const stored = await storedHashes(
          tx,
          'responses',
          toInsert.map(({ response }) => response.id),
        );
        const fresh = toInsert.filter(({ response }) => !stored.has(response.id));
        for (const { response } of fresh.slice(Math.max(0, room))) deferred.add(response.id);
        toInsert = toInsert.filter(({ response }) => !deferred.has(response.id));
      }
    }
    const inserted = new Set<string>();
    const perInsert = tx.dialect === 'postgres' ? JSON_ROWS_PER_INSERT : ROWS_PER_INSERT;
    for (let start = 0; start < toInsert.length; start += perInsert) {
      const rows = await insertRows<{ id: string }>(
        tx,
        'responses',
        RESPONSE_COLUMNS,
        toInsert.slice(start, start + perInsert).map(({ response, day }) => toRow(response, day)),
        'on conflict (id) do nothing returning id',
      );
      for (const row of rows) inserted.add(row.id);
    }
    const counted = toInsert.filter(({ response }) => inserted.has(response.id));
    await addToResults(tx, counted, counting.structures);
    const existingIds = toInsert
      .map(({ response }) => response.id)
      .filter((id) => !inserted.has(id));
    const existingHashes = new Map([
      ...quarantined,
      ...(await storedHashes(tx, 'responses', existingIds)),
    ]);
    return { inserted, existingHashes, deferred };
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
