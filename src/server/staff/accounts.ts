/**
 * Staff accounts: adding one (the CLI, the first-admin link), checking a sign-in, disabling
 * a user and resetting a password. Disabling and resetting end the user's sessions: a
 * password that leaked, or a person who left, must not stay signed in anywhere.
 */
import { randomUUID } from 'node:crypto';
import { safeParseInput } from '../../shared/contract/parse';
import {
  EmailSchema,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  type StaffRole,
} from '../../shared/contract/staff';
import {
  disableStaffUser,
  findBranch,
  findStaffCredentials,
  insertStaffUser,
  replaceStaffPasswordHash,
  type StaffUserRecord,
  type Storage,
  setStaffPasswordHash,
  timestamp,
} from '../storage';
import {
  hashPassword,
  needsRehash,
  SCRYPT_COST,
  type ScryptCost,
  verifyPassword,
} from './passwords';
import { endAllSessions } from './sessions';

export type NewStaffUserProblem =
  | 'invalid-email'
  | 'weak-password'
  | 'branch-required'
  | 'branch-not-allowed'
  | 'unknown-branch'
  | 'email-taken';

/** Why an account cannot be made or changed as asked; the message says what to do. */
export class StaffAccountProblem extends Error {
  constructor(
    readonly problem: NewStaffUserProblem,
    message: string,
    /** The field at fault, for an API reply. */
    readonly field: 'email' | 'password' | 'branchId',
  ) {
    super(message);
  }
}

/** The password rule for making or resetting one; null when it is allowed. */
export function passwordProblem(password: string): StaffAccountProblem | null {
  if (password.length >= MIN_PASSWORD_LENGTH && password.length <= MAX_PASSWORD_LENGTH) return null;
  return new StaffAccountProblem(
    'weak-password',
    `the password must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long (it has ${password.length}); a few unrelated words make a good one`,
    'password',
  );
}

/** The email as stored (trimmed, lower-case), or a problem. */
export function normaliseEmail(email: string): string {
  const parsed = safeParseInput(EmailSchema, email.trim());
  if (!parsed.success) {
    throw new StaffAccountProblem('invalid-email', `"${email}" is not an email address`, 'email');
  }
  return parsed.data;
}

export interface NewStaffUser {
  email: string;
  password: string;
  role: StaffRole;
  branchId: string | null;
}

/** An account checked and its password hashed, ready to store (storeStaffUser). */
export interface PreparedStaffUser {
  user: StaffUserRecord;
  passwordHash: string;
}

/**
 * Checks a new account (email, role and branch, password) and hashes its password; throws
 * StaffAccountProblem when it cannot be made. Apart from storing it, so that the hash is
 * never computed inside a transaction.
 */
export async function prepareStaffUser(
  storage: Storage,
  request: NewStaffUser,
  now: Date,
  cost: ScryptCost = SCRYPT_COST,
): Promise<PreparedStaffUser> {
  const email = normaliseEmail(request.email);
  if (request.role === 'branch' && !request.branchId) {
    throw new StaffAccountProblem(
      'branch-required',
      'branch staff see one branch: say which with --branch <id>',
      'branchId',
    );
  }
  if (request.role === 'admin' && request.branchId) {
    throw new StaffAccountProblem(
      'branch-not-allowed',
      'an administrator sees every branch: leave out --branch',
      'branchId',
    );
  }
  if (request.branchId && !(await findBranch(storage, request.branchId))) {
    throw new StaffAccountProblem(
      'unknown-branch',
      `there is no branch "${request.branchId}" (see: branch list)`,
      'branchId',
    );
  }
  const weak = passwordProblem(request.password);
  if (weak) throw weak;
  return {
    user: {
      id: randomUUID(),
      email,
      role: request.role,
      branchId: request.role === 'branch' ? request.branchId : null,
      disabledAt: null,
      createdAt: timestamp(now),
      updatedAt: timestamp(now),
    },
    passwordHash: await hashPassword(request.password, cost),
  };
}

/** Stores a prepared account; throws StaffAccountProblem when the email has one already. */
export async function storeStaffUser(
  storage: Storage,
  { user, passwordHash }: PreparedStaffUser,
): Promise<StaffUserRecord> {
  const added = await insertStaffUser(storage, { ...user, passwordHash, at: user.createdAt });
  if (!added) {
    throw new StaffAccountProblem(
      'email-taken',
      `${user.email} has an account already (see: user list)`,
      'email',
    );
  }
  return user;
}

/** Adds an account; throws StaffAccountProblem when it cannot be made. */
export async function addStaffUser(
  storage: Storage,
  request: NewStaffUser,
  now: Date,
  cost: ScryptCost = SCRYPT_COST,
): Promise<StaffUserRecord> {
  return storeStaffUser(storage, await prepareStaffUser(storage, request, now, cost));
}

/**
 * The user an email and password sign in, or undefined: no such account, a wrong password
 * or a disabled user, which the caller answers alike. Every call spends one hash, account
 * or not; a hash made with weaker parameters than `cost` is replaced.
 */
export async function checkSignIn(
  storage: Storage,
  credentials: { email: string; password: string },
  now: Date,
  cost: ScryptCost = SCRYPT_COST,
): Promise<StaffUserRecord | undefined> {
  const found = await findStaffCredentials(storage, credentials.email);
  const matches = await verifyPassword(credentials.password, found?.passwordHash, cost);
  if (!found || !matches || found.user.disabledAt !== null) return undefined;
  if (needsRehash(found.passwordHash, cost)) {
    const rehashed = await hashPassword(credentials.password, cost);
    // Only if the password is still the one checked: a reset meanwhile stays.
    await replaceStaffPasswordHash(
      storage,
      found.user.id,
      { expected: found.passwordHash, next: rehashed },
      timestamp(now),
    );
  }
  return found.user;
}

/** Disables a user and ends their sessions; false when they were disabled already. */
export async function disableStaff(
  storage: Storage,
  userId: string,
  now: Date,
): Promise<{ disabled: boolean; endedSessions: number }> {
  const disabled = await disableStaffUser(storage, userId, timestamp(now));
  return { disabled, endedSessions: await endAllSessions(storage, userId) };
}

/** Sets a new password and ends the user's sessions; returns how many were ended. */
export async function resetStaffPassword(
  storage: Storage,
  userId: string,
  password: string,
  now: Date,
  cost: ScryptCost = SCRYPT_COST,
): Promise<number> {
  const weak = passwordProblem(password);
  if (weak) throw weak;
  await setStaffPasswordHash(storage, userId, await hashPassword(password, cost), timestamp(now));
  return endAllSessions(storage, userId);
}
