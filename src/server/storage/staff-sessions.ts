/**
 * Staff sessions: one row per signed-in browser, keyed by the hash of the cookie's session
 * id. A session is looked up together with its user, so a disabled user's session is
 * refused in the same query that finds it.
 */
import type { Storage } from './database';
import type { StaffSessionsTable } from './schema';
import type { StaffUserRecord } from './staff-users';

export interface StaffSessionRecord {
  idHash: string;
  userId: string;
  createdAt: string;
  lastUsedAt: string;
  idleExpiresAt: string;
  expiresAt: string;
  userAgent: string | null;
}

function fromRow(row: StaffSessionsTable): StaffSessionRecord {
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    idleExpiresAt: row.idle_expires_at,
    expiresAt: row.expires_at,
    userAgent: row.user_agent,
  };
}

export async function insertStaffSession(
  storage: Storage,
  session: StaffSessionRecord,
): Promise<void> {
  await storage.db
    .insertInto('staff_sessions')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      created_at: session.createdAt,
      last_used_at: session.lastUsedAt,
      idle_expires_at: session.idleExpiresAt,
      expires_at: session.expiresAt,
      user_agent: session.userAgent,
    })
    .execute();
}

/** A session and its user, expired or not; the caller decides what expired means. */
export async function findStaffSession(
  storage: Storage,
  idHash: string,
): Promise<{ session: StaffSessionRecord; user: StaffUserRecord } | undefined> {
  const row = await storage.db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.user_id')
    .select([
      's.id_hash',
      's.user_id',
      's.created_at',
      's.last_used_at',
      's.idle_expires_at',
      's.expires_at',
      's.user_agent',
      'u.email',
      'u.role',
      'u.branch_id',
      'u.disabled_at',
      'u.created_at as user_created_at',
      'u.updated_at as user_updated_at',
    ])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  return (
    row && {
      session: fromRow(row),
      user: {
        id: row.user_id,
        email: row.email,
        role: row.role,
        branchId: row.branch_id,
        disabledAt: row.disabled_at,
        createdAt: row.user_created_at,
        updatedAt: row.user_updated_at,
      },
    }
  );
}

/** Notes a use: moves the idle expiry. */
export async function touchStaffSession(
  storage: Storage,
  idHash: string,
  use: { lastUsedAt: string; idleExpiresAt: string },
): Promise<void> {
  await storage.db
    .updateTable('staff_sessions')
    .set({ last_used_at: use.lastUsedAt, idle_expires_at: use.idleExpiresAt })
    .where('id_hash', '=', idHash)
    .execute();
}

/** Ends one session; false when there was none. */
export async function deleteStaffSession(storage: Storage, idHash: string): Promise<boolean> {
  const result = await storage.db
    .deleteFrom('staff_sessions')
    .where('id_hash', '=', idHash)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Ends every session of a user; returns how many there were. */
export async function deleteStaffSessionsOfUser(storage: Storage, userId: string): Promise<number> {
  const result = await storage.db
    .deleteFrom('staff_sessions')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Forgets a user's sessions that have ended by either expiry. */
export async function deleteExpiredStaffSessions(
  storage: Storage,
  userId: string,
  at: string,
): Promise<void> {
  await storage.db
    .deleteFrom('staff_sessions')
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('idle_expires_at', '<=', at), eb('expires_at', '<=', at)]))
    .execute();
}
