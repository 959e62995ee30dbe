/**
 * The first administrator: on a collector without one, start-up makes a one-time token and
 * prints it as a link (`/admin/#setup=<token>`); whoever opens it first, before it expires,
 * makes the first administrator account and is signed in. Later accounts are made with the
 * CLI (`user add`). Using the token and adding the account happen in one transaction.
 */
import {
  adminExists,
  findFirstAdminToken,
  insertFirstAdminToken,
  inTransaction,
  type StaffUserRecord,
  type Storage,
  timestamp,
  usableFirstAdminTokenExists,
  useFirstAdminToken,
} from '../storage';
import { prepareStaffUser, storeStaffUser } from './accounts';
import type { ScryptCost } from './passwords';
import { generateFirstAdminToken, hashFirstAdminToken, isWellFormedSecret } from './secrets';

const HOUR_MS = 3_600_000;

export interface NewFirstAdminToken {
  token: string;
  expiresAt: string;
}

/**
 * A new token when the collector has no administrator and no token that may still be
 * waiting in a log; null otherwise. Call it inside the start-up turn, so that collectors
 * starting together print one link between them.
 */
export async function firstAdminTokenIfNeeded(
  storage: Storage,
  validForHours: number,
  now: Date,
): Promise<NewFirstAdminToken | null> {
  if (await adminExists(storage)) return null;
  if (await usableFirstAdminTokenExists(storage, timestamp(now))) return null;
  const token = generateFirstAdminToken();
  const expiresAt = timestamp(new Date(now.getTime() + validForHours * HOUR_MS));
  await insertFirstAdminToken(storage, {
    tokenHash: hashFirstAdminToken(token),
    createdAt: timestamp(now),
    expiresAt,
  });
  return { token, expiresAt };
}

export type FirstAdminProblem = 'token-unknown' | 'token-used' | 'token-expired' | 'admin-exists';

export type FirstAdminResult =
  | { ok: true; user: StaffUserRecord }
  | { ok: false; problem: FirstAdminProblem };

/**
 * Makes the first administrator with a token; refused when the token is unknown, used or
 * expired, or an administrator exists already. An unusable email or password throws
 * StaffAccountProblem, and the token stays usable.
 */
export async function setUpFirstAdmin(
  storage: Storage,
  request: { token: string; email: string; password: string },
  now: Date,
  cost?: ScryptCost,
): Promise<FirstAdminResult> {
  if (!isWellFormedSecret(request.token)) return { ok: false, problem: 'token-unknown' };
  const tokenHash = hashFirstAdminToken(request.token);
  const token = await findFirstAdminToken(storage, tokenHash);
  if (!token) return { ok: false, problem: 'token-unknown' };
  if (token.usedAt !== null) return { ok: false, problem: 'token-used' };
  if (token.expiresAt <= timestamp(now)) return { ok: false, problem: 'token-expired' };
  if (await adminExists(storage)) return { ok: false, problem: 'admin-exists' };

  const prepared = await prepareStaffUser(
    storage,
    { ...request, role: 'admin', branchId: null },
    now,
    cost,
  );
  try {
    return await inTransaction(storage, async (tx) => {
      if (!(await useFirstAdminToken(tx, tokenHash, timestamp(now)))) {
        throw new SetupRefused('token-used');
      }
      if (await adminExists(tx)) throw new SetupRefused('admin-exists');
      return { ok: true as const, user: await storeStaffUser(tx, prepared) };
    });
  } catch (error) {
    if (error instanceof SetupRefused) return { ok: false, problem: error.problem };
    throw error;
  }
}

/** Rolls the setup back: the token was taken meanwhile, or an administrator appeared. */
class SetupRefused extends Error {
  constructor(readonly problem: FirstAdminProblem) {
    super(problem);
  }
}
