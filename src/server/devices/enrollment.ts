/**
 * Enrolling a device: a one-time, expiring code (made by staff with the CLI, or printed at
 * first start) is exchanged for a token bound to the code's branch. Marking the code used
 * and storing the device happen in one transaction.
 */
import type { EnrollmentCodeProblem } from '../../shared/contract/api-error';
import type { EnrollReply } from '../../shared/contract/device';
import {
  findBranch,
  findDevice,
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
  const won = await inTransaction(storage, async (tx) => {
    if (code.usedAt !== null && (await findDevice(tx, request.deviceId))?.revokedAt) {
      // A retry after staff revoked the device: revoking must not be undone by the old code.
      throw new CodeRefused();
    }
    await upsertEnrolledDevice(tx, {
      id: request.deviceId,
      branchId: code.branchId,
      name: request.deviceName ?? null,
      tokenHash: hashDeviceToken(token),
      at,
    });
    const use = { at, deviceId: request.deviceId, retryFrom: retryFrom(now) };
    if (await markEnrollmentCodeUsed(tx, codeHash, use)) return true;
    // Another device took the code since it was read: undo this device's enrollment.
    throw new CodeRefused();
  }).catch((error: unknown) => {
    if (error instanceof CodeRefused) return false;
    throw error;
  });
  if (!won) return { ok: false, problem: 'code-used' };

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

/** Rolls the enrollment back: the code is used by another device, or this one was revoked. */
class CodeRefused extends Error {}
