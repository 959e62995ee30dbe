/**
 * Enrolling a device: a one-time, expiring code (made by staff with the CLI, or printed at
 * first start) is exchanged for a token bound to the code's branch. Marking the code used
 * and storing the device happen in one transaction.
 *
 * The device chooses its own id, so a code may enroll a new id, or enroll again only a
 * device of the code's own branch that is not revoked (a tablet whose token was lost, or
 * the retry of a lost reply). Anything else would let whoever holds a code take over
 * another branch's device, or undo a revocation: refused as device-refused, the code left
 * unused.
 */
import type { EnrollmentCodeProblem } from '../../shared/contract/api-error';
import type { EnrollReply } from '../../shared/contract/device';
import {
  deleteSpentEnrollmentCodes,
  findBranch,
  findEnrollmentCode,
  insertEnrollmentCode,
  inTransaction,
  markEnrollmentCodeUsed,
  type Storage,
  timestamp,
  upsertEnrolledDevice,
} from '../storage';
import {
  generateDeviceToken,
  generateEnrollmentCode,
  hashDeviceToken,
  hashEnrollmentCode,
} from './secrets';

const HOUR_MS = 3_600_000;

/**
 * How long the device that used a code may use it again. Enrolling is not repeatable by
 * nature: if the reply carrying the token is lost, the device retries with the same code
 * and must not be told "already used" by its own first attempt.
 */
export const ENROLLMENT_RETRY_WINDOW_MS = 10 * 60_000;

export type CodeProblem = EnrollmentCodeProblem;

/** Why a stored code cannot be used by this device now, or null when it can. */
export function codeProblem(
  code: { expiresAt: string; usedAt: string | null; usedByDeviceId: string | null } | undefined,
  deviceId: string,
  now: Date,
): CodeProblem | null {
  if (!code) return 'code-invalid';
  if (code.usedAt !== null) {
    const retry = code.usedByDeviceId === deviceId && code.usedAt >= retryFrom(now);
    return retry ? null : 'code-used';
  }
  if (code.expiresAt <= timestamp(now)) return 'code-expired';
  return null;
}

function retryFrom(now: Date): string {
  return timestamp(new Date(now.getTime() - ENROLLMENT_RETRY_WINDOW_MS));
}

/**
 * How long an unused code is kept after it expired: typed within it, it answers "expired,
 * ask for a new one" rather than "no such code".
 */
export const EXPIRED_CODE_KEPT_MS = 7 * 24 * HOUR_MS;

/**
 * Deletes codes that can never enroll anything again: unused ones EXPIRED_CODE_KEPT_MS
 * after they expired, used ones once the retry window of their first use is over. Run at
 * start-up and whenever a code is made, which is how codes accumulate; answers how many.
 */
export function purgeEnrollmentCodes(storage: Storage, now: Date): Promise<number> {
  return deleteSpentEnrollmentCodes(storage, {
    expiredBefore: timestamp(new Date(now.getTime() - EXPIRED_CODE_KEPT_MS)),
    usedBefore: retryFrom(now),
  });
}

export interface NewEnrollmentCode {
  code: string;
  branchId: string;
  expiresAt: string;
}

export async function createEnrollmentCode(
  storage: Storage,
  branchId: string,
  validForHours: number,
  now: Date,
): Promise<NewEnrollmentCode> {
  await purgeEnrollmentCodes(storage, now);
  const code = generateEnrollmentCode();
  const expiresAt = timestamp(new Date(now.getTime() + validForHours * HOUR_MS));
  await insertEnrollmentCode(storage, {
    codeHash: hashEnrollmentCode(code),
    branchId,
    createdAt: timestamp(now),
    expiresAt,
  });
  return { code, branchId, expiresAt };
}

export type EnrollmentResult =
  | { ok: true; reply: EnrollReply }
  | { ok: false; problem: CodeProblem };

/** Exchanges a normalised code for a device token. */
export async function enrollDevice(
  storage: Storage,
  request: { code: string; deviceId: string; deviceName?: string | undefined },
  now: Date,
): Promise<EnrollmentResult> {
  const codeHash = hashEnrollmentCode(request.code);
  const code = await findEnrollmentCode(storage, codeHash);
  const problem = codeProblem(code, request.deviceId, now);
  if (problem || !code) return { ok: false, problem: problem ?? 'code-invalid' };

  const token = generateDeviceToken();
  const at = timestamp(now);
  const refusal = await inTransaction(storage, async (tx) => {
    const stored = await upsertEnrolledDevice(tx, {
      id: request.deviceId,
      branchId: code.branchId,
      name: request.deviceName ?? null,
      tokenHash: hashDeviceToken(token),
      at,
    });
    // Another branch's device, or a revoked one: nothing was written, the code stays unused.
    if (!stored) return 'device-refused' as const;
    const use = { at, deviceId: request.deviceId, retryFrom: retryFrom(now) };
    if (await markEnrollmentCodeUsed(tx, codeHash, use)) return null;
    // Another device took the code since it was read: undo this device's enrollment.
    throw new CodeRefused();
  }).catch((error: unknown) => {
    if (error instanceof CodeRefused) return 'code-used' as const;
    throw error;
  });
  if (refusal) return { ok: false, problem: refusal };

  const branch = await findBranch(storage, code.branchId);
  return {
    ok: true,
    reply: {
      token,
      deviceId: request.deviceId,
      branch: { id: code.branchId, name: branch?.name ?? code.branchId },
    },
  };
}

/** Rolls the enrollment back: another device used the code meanwhile. */
class CodeRefused extends Error {}
