/**
 * Enrollment codes: one-time and expiring, stored only as a hash. Marking one used is a
 * conditional update, so two devices racing for the same code cannot both win.
 */
import type { Storage } from './database';

export interface EnrollmentCodeRecord {
  branchId: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedByDeviceId: string | null;
}

export async function insertEnrollmentCode(
  storage: Storage,
  code: { codeHash: string; branchId: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await storage.db
    .insertInto('enrollment_codes')
    .values({
      code_hash: code.codeHash,
      branch_id: code.branchId,
      created_at: code.createdAt,
      expires_at: code.expiresAt,
      used_at: null,
      used_by_device_id: null,
    })
    .execute();
}

export async function findEnrollmentCode(
  storage: Storage,
  codeHash: string,
): Promise<EnrollmentCodeRecord | undefined> {
  const row = await storage.db
    .selectFrom('enrollment_codes')
    .selectAll()
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
  return (
    row && {
      branchId: row.branch_id,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      usedAt: row.used_at,
      usedByDeviceId: row.used_by_device_id,
    }
  );
}

/**
 * Marks a code used by a device; false when another device used it (or it expired) in
 * the meantime. The device that used it may use it again from `retryFrom` on (its reply
 * was lost); the time of first use stays, so the retry window does not slide.
 */
export async function markEnrollmentCodeUsed(
  storage: Storage,
  codeHash: string,
  use: { at: string; deviceId: string; retryFrom: string },
): Promise<boolean> {
  const result = await storage.db
    .updateTable('enrollment_codes')
    .set((eb) => ({
      used_at: eb.fn.coalesce('used_at', eb.val(use.at)),
      used_by_device_id: use.deviceId,
    }))
    .where('code_hash', '=', codeHash)
    .where((eb) =>
      eb.or([
        eb.and([eb('used_at', 'is', null), eb('expires_at', '>', use.at)]),
        eb.and([eb('used_by_device_id', '=', use.deviceId), eb('used_at', '>=', use.retryFrom)]),
      ]),
    )
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Deletes the codes nobody can use any more: unused ones that expired before
 * `expiredBefore`, and used ones first used before `usedBefore` (their retry window over).
 * Answers how many it deleted.
 */
export async function deleteSpentEnrollmentCodes(
  storage: Storage,
  cutoffs: { expiredBefore: string; usedBefore: string },
): Promise<number> {
  const result = await storage.db
    .deleteFrom('enrollment_codes')
    .where((eb) =>
      eb.or([
        eb.and([eb('used_at', 'is', null), eb('expires_at', '<', cutoffs.expiredBefore)]),
        eb.and([eb('used_at', 'is not', null), eb('used_at', '<', cutoffs.usedBefore)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
