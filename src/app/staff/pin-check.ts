/**
 * Checking a typed staff PIN on the device, with no network: WebCrypto's PBKDF2-SHA256 over
 * the salt and rounds of the hash the collector delivered with the device's configuration
 * (src/server/devices/staff-pin.ts made it). The PIN never leaves this function.
 */
import {
  isStaffPin,
  STAFF_PIN_ALGORITHM,
  STAFF_PIN_HASH_BYTES,
  STAFF_PIN_MAX_ITERATIONS,
  STAFF_PIN_MIN_ITERATIONS,
  type StaffPinHash,
} from '../../shared/contract/staff-pin';

function fromHex(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++)
    bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Whether a stored hash is one this device can check (a hash it cannot use opens nothing). */
export function isUsablePinHash(stored: StaffPinHash): boolean {
  return (
    stored.algorithm === STAFF_PIN_ALGORITHM &&
    Number.isInteger(stored.iterations) &&
    stored.iterations >= STAFF_PIN_MIN_ITERATIONS &&
    stored.iterations <= STAFF_PIN_MAX_ITERATIONS &&
    fromHex(stored.salt) !== undefined &&
    fromHex(stored.hash)?.length === STAFF_PIN_HASH_BYTES
  );
}

/** Whether the typed PIN is the one the hash was made from. */
export async function checkStaffPin(
  typed: string,
  stored: StaffPinHash,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<boolean> {
  if (!isStaffPin(typed) || !isUsablePinHash(stored)) return false;
  const salt = fromHex(stored.salt);
  const expected = fromHex(stored.hash);
  if (!salt || !expected) return false;
  const key = await subtle.importKey('raw', new TextEncoder().encode(typed), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const derived = new Uint8Array(
    await subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: stored.iterations },
      key,
      STAFF_PIN_HASH_BYTES * 8,
    ),
  );
  // Compare every byte whatever the first difference, so the time says nothing.
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= (derived[i] ?? 0) ^ (expected[i] ?? 0);
  return difference === 0;
}
