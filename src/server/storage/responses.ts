/**
 * Responses: each stored exactly once, keyed by the id the device made. A batch goes in
 * with ON CONFLICT (id) DO NOTHING in one transaction; what was there already is reported
 * by its content hash, so the caller can tell a duplicate from a conflict.
 */

import { setImmediate } from 'node:timers/promises';
import type { Insertable, Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Answers } from '../../shared/contract/answer';
import { everyColumn, insertRows } from './bulk-insert';
import { inTransaction, type Storage } from './database';
import {
  type CountingContext,
  type OwnRowUpdate,
  ownRowUpdate,
  type ResultsDelta,
  responseAnsweredDay,
  resultsDelta,
  writeDelta,
} from './results-fill';
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

/** The outcome of inserting no responses: nothing stored, nothing known, nothing deferred. */
export function nothingInserted(): InsertOutcome {
  return { inserted: new Set(), existingHashes: new Map(), deferred: new Set() };
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

/** Ids per SELECT of stored hashes on PostgreSQL, where they go as one array parameter. */
const IDS_PER_ARRAY_SELECT = 1000;

/** Content hashes of those of `ids` stored in `table`. */
async function storedHashes(
  tx: Storage,
  table: 'responses' | 'quarantined_responses',
  ids: readonly string[],
): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  if (ids.length === 0) return hashes;
  const perSelect = tx.dialect === 'postgres' ? IDS_PER_ARRAY_SELECT : ROWS_PER_INSERT;
  for (let start = 0; start < ids.length; start += perSelect) {
    const rows = await hashesQuery(tx, table, ids.slice(start, start + perSelect)).execute();
    for (const row of rows) hashes.set(row.id, row.content_hash);
  }
  return hashes;
}

/** The select of the ids and content hashes of those of `ids` stored in `table`. */
function hashesQuery(
  tx: Storage,
  table: 'responses' | 'quarantined_responses',
  ids: readonly string[],
) {
  const query = tx.db.selectFrom(table).select(['id', 'content_hash']);
  return tx.dialect === 'postgres'
    ? // One parameter for the list, instead of one per id.
      query.where('id', '=', (eb) => eb.fn.any(eb.val([...ids])))
    : query.where('id', 'in', ids);
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
  await lockDevices(tx, [deviceId]);
}

/**
 * lockDevice for every device of a batch, in id order. Every transaction that stores
 * responses takes its devices' rows first: an insert's foreign key check takes a share
 * lock on the device row only after the rows are written, so a batch that locked its
 * device and a file import of the same device's responses, each holding what the other
 * waits for, would otherwise deadlock.
 */
async function lockDevices(tx: Storage, deviceIds: readonly string[]): Promise<void> {
  if (tx.dialect !== 'postgres' || deviceIds.length === 0) return;
  await tx.db
    .selectFrom('devices')
    .select('id')
    .where('id', 'in', [...new Set(deviceIds)].sort())
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** A device's counter row of one day (device_day_counts), as the quota reads it. */
interface DayCount {
  dayStart: string;
  dayEnd: string;
  n: number;
}

/**
 * The device's counter rows whose days overlap [since, until), given as read (`rows`): the
 * quota's own day's row first made, from the responses stored in it, when there is none
 * (the first batch of the day, or after a quarantine), and earlier days' rows dropped then.
 * Inside the transaction, after lockDevices.
 */
async function quotaDayCounts(
  tx: Storage,
  quota: DailyQuota,
  rows: DayCount[],
): Promise<DayCount[]> {
  if (rows.some((row) => row.dayStart === quota.since && row.dayEnd === quota.until)) return rows;
  const n = await countDeviceResponses(tx, quota.deviceId, quota);
  await tx.db
    .deleteFrom('device_day_counts')
    .where('device_id', '=', quota.deviceId)
    .where('day_end', '<=', quota.since)
    .execute();
  await tx.db
    .insertInto('device_day_counts')
    .values({ device_id: quota.deviceId, day_start: quota.since, day_end: quota.until, n })
    // A row of the same start and another end (TIME_ZONE changed): this day replaces it.
    .onConflict((oc) =>
      oc.columns(['device_id', 'day_start']).doUpdateSet((eb) => ({
        day_end: eb.ref('excluded.day_end'),
        n: eb.ref('excluded.n'),
      })),
    )
    .execute();
  return [
    ...rows.filter((row) => row.dayStart !== quota.since),
    { dayStart: quota.since, dayEnd: quota.until, n },
  ];
}

/** A device's counter rows whose days overlap [since, until]. */
async function overlappingDayCounts(
  tx: Storage,
  deviceId: string,
  since: string,
  until: string,
): Promise<DayCount[]> {
  return (await dayCountsQuery(tx, deviceId, since, until).execute()).map(toDayCount);
}

/** The select of overlappingDayCounts. */
function dayCountsQuery(tx: Storage, deviceId: string, since: string, until: string) {
  return tx.db
    .selectFrom('device_day_counts')
    .select(['day_start', 'day_end', 'n'])
    .where('device_id', '=', deviceId)
    .where('day_start', '<=', until)
    .where('day_end', '>', since);
}

function toDayCount(row: { day_start: string; day_end: string; n: number | string }): DayCount {
  return { dayStart: row.day_start, dayEnd: row.day_end, n: Number(row.n) };
}

/**
 * What a batch reads once its devices are locked, before it stores: the content hashes of
 * its ids in quarantine and, with a quota, the device's counter rows that overlap the
 * quota's day. On PostgreSQL one statement reads both when the ids fit its one array
 * parameter: a round trip less for every batch.
 */
async function readBeforeInsert(
  tx: Storage,
  ids: readonly string[],
  quota: DailyQuota | undefined,
): Promise<{ quarantined: Map<string, string>; dayCounts?: DayCount[] }> {
  if (tx.dialect !== 'postgres' || !quota || ids.length > IDS_PER_ARRAY_SELECT) {
    return {
      quarantined: await storedHashes(tx, 'quarantined_responses', ids),
      ...(quota && {
        dayCounts: await overlappingDayCounts(tx, quota.deviceId, quota.since, quota.until),
      }),
    };
  }
  // Each select as a JSON array of its rows, both in one statement.
  const row = await tx.db
    .selectNoFrom([
      jsonArrayFrom(hashesQuery(tx, 'quarantined_responses', ids)).as('quarantined'),
      jsonArrayFrom(dayCountsQuery(tx, quota.deviceId, quota.since, quota.until)).as('days'),
    ])
    .executeTakeFirstOrThrow();
  return {
    quarantined: new Map(row.quarantined.map(({ id, content_hash }) => [id, content_hash])),
    dayCounts: row.days.map(toDayCount),
  };
}

/**
 * The updates that add the responses just stored to their devices' counter rows: every row
 * whose day holds a response's received time. A day without a row is left to be counted
 * when the quota first asks (quotaDayCounts). `known` are the rows of `deviceId` read
 * already.
 */
async function dayCountUpdates(
  tx: Storage,
  stored: readonly CollectedResponse[],
  known?: { deviceId: string; since: string; until: string; rows: DayCount[] },
): Promise<OwnRowUpdate[]> {
  const byDevice = new Map<string, CollectedResponse[]>();
  for (const response of stored) {
    const list = byDevice.get(response.deviceId);
    if (list) list.push(response);
    else byDevice.set(response.deviceId, [response]);
  }
  const updates: OwnRowUpdate[] = [];
  for (const [deviceId, responses] of byDevice) {
    let first = responses[0]?.receivedAt ?? '';
    let last = first;
    for (const { receivedAt } of responses) {
      if (receivedAt < first) first = receivedAt;
      if (receivedAt > last) last = receivedAt;
    }
    const rows =
      known && known.deviceId === deviceId && known.since <= first && last < known.until
        ? known.rows
        : await overlappingDayCounts(tx, deviceId, first, last);
    for (const row of rows) {
      const added = responses.filter(
        ({ receivedAt }) => row.dayStart <= receivedAt && receivedAt < row.dayEnd,
      ).length;
      if (added === 0) continue;
      updates.push(
        ownRowUpdate(
          tx.db
            .updateTable('device_day_counts')
            .set((eb) => ({ n: eb('n', '+', added) }))
            .where('device_id', '=', deviceId)
            .where('day_start', '=', row.dayStart),
        ),
      );
    }
  }
  return updates;
}

/**
 * Inside a transaction: the counter rows of a device's days that may hold responses
 * received from `since` on are dropped (a quarantine takes those responses out); each is
 * counted again from what is left when the quota next asks for it.
 */
export async function forgetDayCounts(tx: Storage, deviceId: string, since: string): Promise<void> {
  await tx.db
    .deleteFrom('device_day_counts')
    .where('device_id', '=', deviceId)
    .where('day_end', '>', since)
    .execute();
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
  if (responses.length === 0) return nothingInserted();
  return inTransaction(storage, (tx) => insertNewResponsesIn(tx, responses, counting, quota));
}

/**
 * insertNewResponses inside a transaction the caller holds. What else the caller writes in
 * it are the updates `alsoUpdate` makes (with the transaction's `db`), which run after the
 * responses are stored and before they are added to the rollups, so that the rollup rows
 * are locked for as short a time as can be; on PostgreSQL in the rollups' one statement
 * (writeDelta). They may write only rows of the batch's own devices, which the
 * transaction has locked first (lockDevices): rows that other transactions share, taken
 * there, would be taken out of the order every writer keeps.
 */
export async function insertNewResponsesIn(
  tx: Storage,
  responses: readonly CollectedResponse[],
  counting: CountingContext,
  quota?: DailyQuota,
  alsoUpdate?: (tx: Storage) => OwnRowUpdate[],
): Promise<InsertOutcome> {
  if (responses.length === 0) {
    for (const update of alsoUpdate?.(tx) ?? []) await update.execute();
    return nothingInserted();
  }
  const deferred = new Set<string>();
  // Rows are locked in id order, whatever order the batch lists them in: two batches that
  // share ids in opposite orders would otherwise deadlock on PostgreSQL.
  const byId = [...responses]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((response) => ({ response, day: responseAnsweredDay(response, counting.timeZone) }));
  const ids = byId.map(({ response }) => response.id);
  await lockDevices(tx, quota ? [quota.deviceId] : responses.map((r) => r.deviceId));
  const read = await readBeforeInsert(tx, ids, quota);
  const { quarantined } = read;
  let toInsert = byId.filter(({ response }) => !quarantined.has(response.id));
  let dayCounts: DayCount[] | undefined;
  if (quota) {
    dayCounts = await quotaDayCounts(tx, quota, read.dayCounts ?? []);
    const today = dayCounts.find((row) => row.dayStart === quota.since);
    const room = quota.max - (today?.n ?? 0);
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
  const perInsert = tx.dialect === 'postgres' ? JSON_ROWS_PER_INSERT : ROWS_PER_INSERT;
  const inserting = (async () => {
    const inserted = new Set<string>();
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
    return inserted;
  })();
  // Its failure is awaited below; meanwhile it is not an unhandled rejection.
  inserting.catch(() => {});
  // While PostgreSQL inserts, the rollups and comments of every record are tallied, as if
  // all were new; they almost always are. When some were not (stored meanwhile by another
  // batch), the tally is made again of those inserted.
  let delta: ResultsDelta;
  try {
    // Once the event loop has turned, the INSERT (a chain of promises down to the driver)
    // has been handed to the database, so the tally below overlaps its work.
    await setImmediate();
    delta = await resultsDelta(tx, toInsert, counting.structures);
  } catch (error) {
    // The transaction is rolled back after this; the insert must be over by then.
    await inserting.catch(() => {});
    throw error;
  }
  const inserted = await inserting;
  const counted = toInsert.filter(({ response }) => inserted.has(response.id));
  const updates = await dayCountUpdates(
    tx,
    counted.map(({ response }) => response),
    quota && dayCounts && { ...quota, rows: dayCounts },
  );
  const existingIds = toInsert.map(({ response }) => response.id).filter((id) => !inserted.has(id));
  const existingHashes = new Map([
    ...quarantined,
    ...(await storedHashes(tx, 'responses', existingIds)),
  ]);
  // The rollups last: their rows are shared by every device of the branch, and on
  // PostgreSQL another batch adding to them waits from here until this one commits.
  await writeDelta(
    tx,
    counted.length === toInsert.length
      ? delta
      : await resultsDelta(tx, counted, counting.structures),
    1,
    [...updates, ...(alsoUpdate?.(tx) ?? [])],
  );
  return { inserted, existingHashes, deferred };
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
