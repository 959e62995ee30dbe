/**
 * Branches' staff PINs, stored only as their hash (migration 0009). Setting one replaces
 * the branch's old one; clearing deletes the row.
 */
import type { StaffPinHash } from '../../shared/contract/staff-pin';
import type { Storage } from './database';

export async function findBranchStaffPin(
  storage: Storage,
  branchId: string,
): Promise<StaffPinHash | undefined> {
  const row = await storage.db
    .selectFrom('branch_staff_pins')
    .select(['algorithm', 'iterations', 'salt', 'hash'])
    .where('branch_id', '=', branchId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    algorithm: row.algorithm as StaffPinHash['algorithm'],
    iterations: Number(row.iterations),
    salt: row.salt,
    hash: row.hash,
  };
}

/** The ids of the branches that have a staff PIN. */
export async function branchesWithStaffPin(storage: Storage): Promise<Set<string>> {
  const rows = await storage.db.selectFrom('branch_staff_pins').select('branch_id').execute();
  return new Set(rows.map((row) => row.branch_id));
}

export async function setBranchStaffPin(
  storage: Storage,
  branchId: string,
  pin: StaffPinHash,
  at: string,
): Promise<void> {
  const values = {
    algorithm: pin.algorithm,
    iterations: pin.iterations,
    salt: pin.salt,
    hash: pin.hash,
    set_at: at,
  };
  await storage.db
    .insertInto('branch_staff_pins')
    .values({ branch_id: branchId, ...values })
    .onConflict((oc) => oc.column('branch_id').doUpdateSet(values))
    .execute();
}

/** Removes the branch's PIN; false when it had none. */
export async function clearBranchStaffPin(storage: Storage, branchId: string): Promise<boolean> {
  const deleted = await storage.db
    .deleteFrom('branch_staff_pins')
    .where('branch_id', '=', branchId)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}
