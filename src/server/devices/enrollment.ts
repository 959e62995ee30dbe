/**
 * Enrolling a device: a one-time, expiring code (made by staff with the CLI, or printed at
 * first start) is exchanged for a token bound to the code's branch. Marking the code used
 * and storing the device happen in one transaction.
 */
import type { EnrollReply } from '../../shared/contract/device';
import {
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

export type CodeProblem = 'code-invalid' | 'code-expired' | 'code-used';

/** Why a stored code cannot be used now, or null when it can. */
export function codeProblem(
  code: { expiresAt: string; usedAt: string | null } | undefined,
  now: Date,
): CodeProblem | null {
  if (!code) return 'code-invalid';
  if (code.usedAt !== null) return 'code-used';
  if (code.expiresAt <= timestamp(now)) return 'code-expired';
  return null;
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
  const problem = codeProblem(code, now);
  if (problem || !code) return { ok: false, problem: problem ?? 'code-invalid' };

  const token = generateDeviceToken();
  const at = timestamp(now);
  const won = await inTransaction(storage, async (tx) => {
    await upsertEnrolledDevice(tx, {
      id: request.deviceId,
      branchId: code.branchId,
      name: request.deviceName ?? null,
      tokenHash: hashDeviceToken(token),
      at,
    });
    if (await markEnrollmentCodeUsed(tx, codeHash, { at, deviceId: request.deviceId })) return true;
    // Another device took the code since it was read: undo this device's enrollment.
    throw new CodeTakenMeanwhile();
  }).catch((error: unknown) => {
    if (error instanceof CodeTakenMeanwhile) return false;
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

class CodeTakenMeanwhile extends Error {}
