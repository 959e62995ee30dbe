/**
 * Hashing a branch's staff PIN on the collector: PBKDF2-SHA256 with a random salt, the
 * same derivation the kiosk repeats with WebCrypto to check a typed PIN offline
 * (src/app/staff/pin-check.ts). PBKDF2 rather than the scrypt of staff passwords because
 * browsers' WebCrypto has PBKDF2 and no scrypt.
 */
import { pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import {
  isStaffPin,
  STAFF_PIN_ALGORITHM,
  STAFF_PIN_HASH_BYTES,
  STAFF_PIN_ITERATIONS,
  STAFF_PIN_MAX_DIGITS,
  STAFF_PIN_MIN_DIGITS,
  STAFF_PIN_SALT_BYTES,
  type StaffPinHash,
} from '../../shared/contract/staff-pin';

const pbkdf2Async = promisify(pbkdf2);

/** Why a PIN cannot be used, in words for the CLI and the API; undefined when it can. */
export function staffPinProblem(pin: string): string | undefined {
  if (isStaffPin(pin)) return undefined;
  return `a staff PIN is ${STAFF_PIN_MIN_DIGITS} to ${STAFF_PIN_MAX_DIGITS} digits (0–9) and nothing else`;
}

/**
 * The PIN's hash with a new salt. Runs on libuv's thread pool, off the event loop.
 * `iterations` is for tests; everything else uses STAFF_PIN_ITERATIONS.
 */
export async function hashStaffPin(
  pin: string,
  iterations: number = STAFF_PIN_ITERATIONS,
): Promise<StaffPinHash> {
  const problem = staffPinProblem(pin);
  if (problem) throw new Error(problem);
  const salt = randomBytes(STAFF_PIN_SALT_BYTES);
  const hash = await pbkdf2Async(pin, salt, iterations, STAFF_PIN_HASH_BYTES, 'sha256');
  return {
    algorithm: STAFF_PIN_ALGORITHM,
    iterations,
    salt: salt.toString('hex'),
    hash: hash.toString('hex'),
  };
}
