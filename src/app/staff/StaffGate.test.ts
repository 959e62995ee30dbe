import { describe, expect, it } from 'vitest';
import type { StaffPinHash } from '../../shared/contract/staff-pin';
import { doorOf } from './StaffGate';

const PIN_HASH: StaffPinHash = {
  algorithm: 'PBKDF2-SHA256',
  iterations: 600_000,
  salt: '0f'.repeat(16),
  hash: 'a1'.repeat(32),
};

describe('whether the staff view asks for a PIN', () => {
  it('opens at once on a device not enrolled yet: it has no PIN to check', () => {
    expect(doorOf({ enrolled: false, pin: PIN_HASH, lockout: undefined })).toEqual({
      kind: 'open',
      noPin: false,
    });
  });

  it('asks for the PIN on an enrolled device whose branch has one, with the lockout so far', () => {
    const lockout = { failures: 2, lockouts: 1, lockedUntil: 5 };
    expect(doorOf({ enrolled: true, pin: PIN_HASH, lockout })).toEqual({
      kind: 'pin',
      pin: PIN_HASH,
      lockout,
    });
  });

  it('opens and says a PIN should be set when the branch has none, or none arrived yet', () => {
    for (const pin of [null, undefined]) {
      expect(doorOf({ enrolled: true, pin, lockout: undefined })).toEqual({
        kind: 'open',
        noPin: true,
      });
    }
  });

  it('treats a hash it cannot check as none rather than locking staff out for good', () => {
    const weak = { ...PIN_HASH, iterations: 10 };
    expect(doorOf({ enrolled: true, pin: weak, lockout: undefined })).toEqual({
      kind: 'open',
      noPin: true,
    });
  });
});
