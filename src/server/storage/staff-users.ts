/**
 * Staff users: who may sign in to the results. An email is one account (stored lower-case);
 * the password is stored only as its scrypt hash. Users are disabled, never deleted, so
 * what they did stays attributable.
 */
import type { Storage } from './database';
import type { StaffRoleColumn, StaffUsersTable } from './schema';

export interface StaffUserRecord {
  id: string;
  email: string;
  role: StaffRoleColumn;
  branchId: string | null;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = [
  'id',
  'email',
  'role',
  'branch_id',
  'disabled_at',
  'created_at',
  'updated_at',
] as const;

function fromRow(row: Omit<StaffUsersTable, 'password_hash'>): StaffUserRecord {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    branchId: row.branch_id,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Adds a user; false when the email has an account already. The email must be lower-case. */
export async function insertStaffUser(
  storage: Storage,
  user: {
    id: string;
    email: string;
    passwordHash: string;
    role: StaffRoleColumn;
    branchId: string | null;
    at: string;
  },
): Promise<boolean> {
  const inserted = await storage.db
    .insertInto('staff_users')
    .values({
      id: user.id,
      email: user.email,
      password_hash: user.passwordHash,
      role: user.role,
      branch_id: user.branchId,
      disabled_at: null,
      created_at: user.at,
      updated_at: user.at,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .execute();
  return inserted.length === 1;
}

export async function findStaffUser(
  storage: Storage,
  id: string,
): Promise<StaffUserRecord | undefined> {
  const row = await storage.db
    .selectFrom('staff_users')
    .select(COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && fromRow(row);
}

export async function findStaffUserByEmail(
  storage: Storage,
  email: string,
): Promise<StaffUserRecord | undefined> {
  const row = await storage.db
    .selectFrom('staff_users')
    .select(COLUMNS)
    .where('email', '=', email)
    .executeTakeFirst();
  return row && fromRow(row);
}

/** A user with the stored password hash, for signing in; nothing else reads the hash. */
export async function findStaffCredentials(
  storage: Storage,
  email: string,
): Promise<{ user: StaffUserRecord; passwordHash: string } | undefined> {
  const row = await storage.db
    .selectFrom('staff_users')
    .select([...COLUMNS, 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
  return row && { user: fromRow(row), passwordHash: row.password_hash };
}

export async function listStaffUsers(storage: Storage): Promise<StaffUserRecord[]> {
  const rows = await storage.db
    .selectFrom('staff_users')
    .select(COLUMNS)
    .orderBy('email')
    .execute();
  return rows.map(fromRow);
}

/** Whether any administrator account exists, disabled or not: the collector has been set up. */
export async function adminExists(storage: Storage): Promise<boolean> {
  const row = await storage.db
    .selectFrom('staff_users')
    .select('id')
    .where('role', '=', 'admin')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Disables a user; false when there is no such user or they were disabled already. */
export async function disableStaffUser(storage: Storage, id: string, at: string): Promise<boolean> {
  const result = await storage.db
    .updateTable('staff_users')
    .set({ disabled_at: at, updated_at: at })
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function setStaffPasswordHash(
  storage: Storage,
  id: string,
  passwordHash: string,
  at: string,
): Promise<void> {
  await storage.db
    .updateTable('staff_users')
    .set({ password_hash: passwordHash, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/**
 * Replaces a password hash only while it is still `expected`: a sign-in that rehashes the
 * password it checked must not undo a reset made meanwhile. False when it had changed.
 */
export async function replaceStaffPasswordHash(
  storage: Storage,
  id: string,
  hashes: { expected: string; next: string },
  at: string,
): Promise<boolean> {
  const result = await storage.db
    .updateTable('staff_users')
    .set({ password_hash: hashes.next, updated_at: at })
    .where('id', '=', id)
    .where('password_hash', '=', hashes.expected)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
