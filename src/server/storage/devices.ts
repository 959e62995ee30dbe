/**
 * Devices: kiosks and bookmobile tablets, known by their own UUID and a token stored only
 * as a hash. A device belongs to one branch; revoking it stops its token at once.
 */

import type { Selectable } from 'kysely';
import {
  type DeviceHealth,
  type DeviceHealthReport,
  DeviceHealthSchema,
} from '../../shared/contract/device-health';
import { safeParseInput } from '../../shared/contract/parse';
import type { Storage } from './database';
import { type OwnRowUpdate, ownRowUpdate } from './results-fill';
import type { DevicesTable } from './schema';

export interface DeviceRecord {
  id: string;
  branchId: string;
  name: string | null;
  enrolledAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  lastClockOffsetMs: number | null;
  /** The kiosk's latest report on itself, or null before its first (or an unreadable one). */
  health: DeviceHealthReport | null;
}

type DeviceRow = Selectable<Omit<DevicesTable, 'token_hash'>>;

/** The stored report, read as the contract has it: a row from another version may not fit. */
function healthOf(
  row: Pick<DeviceRow, 'health' | 'health_reported_at'>,
): DeviceHealthReport | null {
  if (row.health == null || row.health_reported_at == null) return null;
  let json: unknown;
  try {
    json = JSON.parse(row.health);
  } catch {
    return null;
  }
  const parsed = safeParseInput(DeviceHealthSchema, json);
  return parsed.success ? { ...parsed.data, reportedAt: row.health_reported_at } : null;
}

function fromRow(row: DeviceRow): DeviceRecord {
  return {
    id: row.id,
    branchId: row.branch_id,
    name: row.name,
    enrolledAt: row.enrolled_at,
    revokedAt: row.revoked_at,
    lastSeenAt: row.last_seen_at,
    lastClockOffsetMs: row.last_clock_offset_ms == null ? null : Number(row.last_clock_offset_ms),
    health: healthOf(row),
  };
}

const COLUMNS = [
  'id',
  'branch_id',
  'name',
  'enrolled_at',
  'revoked_at',
  'last_seen_at',
  'last_clock_offset_ms',
  'health',
  'health_reported_at',
] as const;

/** The device a token belongs to, revoked or not; the caller decides what revoked means. */
export async function findDeviceByTokenHash(
  storage: Storage,
  tokenHash: string,
): Promise<DeviceRecord | undefined> {
  const row = await storage.db
    .selectFrom('devices')
    .select(COLUMNS)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && fromRow(row);
}

export async function findDevice(storage: Storage, id: string): Promise<DeviceRecord | undefined> {
  const row = await storage.db
    .selectFrom('devices')
    .select(COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && fromRow(row);
}

/** Enrolled devices; a public link's own device row (public-links.ts) is no kiosk, and left out. */
export async function listDevices(
  storage: Storage,
  filter: { branchId?: string | undefined } = {},
): Promise<DeviceRecord[]> {
  let query = storage.db
    .selectFrom('devices')
    .select(COLUMNS)
    .where('id', 'not in', storage.db.selectFrom('public_links').select('device_id'));
  if (filter.branchId) query = query.where('branch_id', '=', filter.branchId);
  const rows = await query.orderBy('branch_id').orderBy('enrolled_at').execute();
  return rows.map(fromRow);
}

/**
 * Stores an enrolled device: a new id, or a known device of the same branch that is not
 * revoked, which gets the new token (a name left out keeps the old one). False, and nothing
 * changed, for a device of another branch or a revoked one: a code must not take over a
 * device it was not made for, move it, or undo a revocation. The condition is part of the
 * upsert, so two codes racing for one new id cannot both write it.
 */
export async function upsertEnrolledDevice(
  storage: Storage,
  device: { id: string; branchId: string; name: string | null; tokenHash: string; at: string },
): Promise<boolean> {
  const result = await storage.db
    .insertInto('devices')
    .values({
      id: device.id,
      branch_id: device.branchId,
      name: device.name,
      token_hash: device.tokenHash,
      enrolled_at: device.at,
      revoked_at: null,
      last_seen_at: device.at,
      last_clock_offset_ms: null,
    })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({
          name: eb.fn.coalesce('excluded.name', 'devices.name'),
          token_hash: eb.ref('excluded.token_hash'),
          enrolled_at: eb.ref('excluded.enrolled_at'),
          last_seen_at: eb.ref('excluded.last_seen_at'),
        }))
        .where((eb) =>
          eb.and([
            eb('devices.branch_id', '=', eb.ref('excluded.branch_id')),
            eb('devices.revoked_at', 'is', null),
          ]),
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Revokes a device's token; false when there is no such device or it was revoked already. */
export async function revokeDevice(storage: Storage, id: string, at: string): Promise<boolean> {
  const result = await storage.db
    .updateTable('devices')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Notes that a device got in touch, its clock offset when it sent one, and its health
 * report when it sent one (one UPDATE for all three: a batch costs no extra statement).
 */
export async function recordDeviceContact(
  storage: Storage,
  id: string,
  contact: DeviceContact,
): Promise<void> {
  await deviceContactUpdate(storage, id, contact).execute();
}

/** recordDeviceContact's update, to run in a transaction (insertNewResponsesIn's alsoUpdate). */
export function deviceContactUpdate(
  storage: Storage,
  id: string,
  contact: DeviceContact,
): OwnRowUpdate {
  const update = storage.db
    .updateTable('devices')
    .set({
      last_seen_at: contact.at,
      ...(contact.clockOffsetMs !== undefined && { last_clock_offset_ms: contact.clockOffsetMs }),
      ...(contact.health !== undefined && {
        health: JSON.stringify(contact.health),
        health_reported_at: contact.at,
      }),
    })
    .where('id', '=', id);
  return ownRowUpdate(update);
}

/** When a device was last in touch, and what it told then. */
export interface DeviceContact {
  at: string;
  clockOffsetMs?: number | undefined;
  health?: DeviceHealth | undefined;
}
