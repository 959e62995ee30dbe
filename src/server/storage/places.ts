/**
 * A branch's places: a bookmobile's stops, a building's floors or desks. Staff add them
 * with the CLI (stop add); devices receive their branch's in the configuration, and a
 * response made at one carries its name as its location. Removing a place takes it off the
 * devices' lists; the responses made there keep the name.
 */
import type { Selectable } from 'kysely';
import { cliSafeRandomId } from '../cli-safe-id';
import type { Storage } from './database';
import type { PlacesTable } from './schema';

export interface PlaceRecord {
  /** Short and random: what `stop remove` may be given instead of the name. */
  id: string;
  branchId: string;
  name: string;
  createdAt: string;
}

function fromRow(row: Selectable<PlacesTable>): PlaceRecord {
  return { id: row.id, branchId: row.branch_id, name: row.name, createdAt: row.created_at };
}

/**
 * Eight characters of base64url, never beginning with "-" (which `stop remove` would read
 * as an option): unique enough among a network's few hundred places.
 */
export function generatePlaceId(): string {
  return cliSafeRandomId(6);
}

/** Adds a place; false when the branch has one of that name already. */
export async function insertPlace(storage: Storage, place: PlaceRecord): Promise<boolean> {
  const inserted = await storage.db
    .insertInto('places')
    .values({
      id: place.id,
      branch_id: place.branchId,
      name: place.name,
      created_at: place.createdAt,
    })
    .onConflict((oc) => oc.columns(['branch_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The places of a branch (or of every branch), by branch and then by name. */
export async function listPlaces(
  storage: Storage,
  filter: { branchId?: string | undefined } = {},
): Promise<PlaceRecord[]> {
  let query = storage.db.selectFrom('places').selectAll();
  if (filter.branchId) query = query.where('branch_id', '=', filter.branchId);
  const rows = await query.orderBy('branch_id').orderBy('name').orderBy('id').execute();
  return rows.map(fromRow);
}

/** Removes the branch's place of that name, or else of that id; the removed place, if any. */
export async function removePlace(
  storage: Storage,
  branchId: string,
  nameOrId: string,
): Promise<PlaceRecord | undefined> {
  const places = await listPlaces(storage, { branchId });
  const place = places.find((p) => p.name === nameOrId) ?? places.find((p) => p.id === nameOrId);
  if (!place) return undefined;
  await storage.db.deleteFrom('places').where('id', '=', place.id).execute();
  return place;
}
