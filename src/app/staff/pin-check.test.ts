import { describe, expect, it } from 'vitest';
import { hashStaffPin } from '../../server/devices/staff-pin';
import { STAFF_PIN_MIN_ITERATIONS } from '../../shared/contract/staff-pin';
import { checkStaffPin, isUsablePinHash } from './pin-check';

// The fewest rounds a hash may have, so the tests stay quick; the derivation is the same.
const ROUNDS = STAFF_PIN_MIN_ITERATIONS;

describe('checking a staff PIN with WebCrypto against the collector’s hash', () => {
  it('accepts the PIN the collector hashed', async () => {
    const stored = await hashStaffPin('482913', ROUNDS);
    expect(await checkStaffPin('482913', stored)).toBe(true);
  });

  it('refuses any other PIN, a longer one that starts with it included', async () => {
    const stored = await hashStaffPin('4829', ROUNDS);
    expect(await checkStaffPin('4828', stored)).toBe(false);
    expect(await checkStaffPin('48291', stored)).toBe(false);
    expect(await checkStaffPin('', stored)).toBe(false);
  });

  it('gives the same PIN a new salt each time, so equal PINs do not show', async () => {
    const [first, second] = await Promise.all([
      hashStaffPin('1234', ROUNDS),
      hashStaffPin('1234', ROUNDS),
    ]);
    expect(first.salt).not.toBe(second.salt);
    expect(first.hash).not.toBe(second.hash);
    expect(JSON.stringify(first)).not.toContain('1234');
  });

  it('uses the full number of rounds unless told otherwise', async () => {
    const stored = await hashStaffPin('1234');
    expect(stored).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: 600_000 });
    expect(stored.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to hash what is not 4 to 8 digits', async () => {
    for (const pin of ['123', '123456789', '12a4', ' 1234', '١٢٣٤']) {
      await expect(hashStaffPin(pin, ROUNDS)).rejects.toThrow(/4 to 8 digits/);
    }
  });

  it('opens nothing with a hash it cannot use', async () => {
    const stored = await hashStaffPin('1234', ROUNDS);
    const weak = { ...stored, iterations: 1000 };
    expect(isUsablePinHash(weak)).toBe(false);
    expect(await checkStaffPin('1234', weak)).toBe(false);
    expect(await checkStaffPin('1234', { ...stored, hash: 'zz' })).toBe(false);
    expect(await checkStaffPin('1234', { ...stored, algorithm: 'MD5' as 'PBKDF2-SHA256' })).toBe(
      false,
    );
  });
});
