import type * as Crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  HashingBusy,
  hashPassword,
  MAX_CONCURRENT_HASHES,
  MAX_WAITING_HASHES,
  needsRehash,
  SCRYPT_COST,
  verifyPassword,
} from './passwords';

/** What scrypt was asked for: the memory of each call, and how many ran at once. */
const scryptCalls = vi.hoisted(() => ({
  memory: [] as number[],
  keyBytes: [] as number[],
  running: 0,
  mostAtOnce: 0,
}));

vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof Crypto>();
  const scrypt = (
    password: Crypto.BinaryLike,
    salt: Crypto.BinaryLike,
    keyBytes: number,
    options: Crypto.ScryptOptions,
    done: (error: Error | null, key: Buffer) => void,
  ) => {
    const memory = 128 * (options.N ?? 0) * (options.r ?? 0);
    scryptCalls.memory.push(memory);
    scryptCalls.keyBytes.push(keyBytes);
    // Never really spend gigabytes here: a test that reaches this far has failed already.
    if (memory > 2 ** 30) {
      done(new Error(`asked for ${memory} bytes`), Buffer.alloc(0));
      return;
    }
    scryptCalls.running++;
    scryptCalls.mostAtOnce = Math.max(scryptCalls.mostAtOnce, scryptCalls.running);
    crypto.scrypt(password, salt, keyBytes, options, (error, key) => {
      scryptCalls.running--;
      done(error, key);
    });
  };
  return { ...crypto, default: { ...crypto, scrypt }, scrypt };
});

/** A cheap cost for the tests that are not about the cost itself. */
const CHEAP = { log2N: 10, r: 8, p: 1 };
const PASSWORD = 'correct horse battery staple';
/** Another base64url character, different in its high bits (which every position uses). */
const flip = (c: string | undefined) => (c === 'A' ? 'g' : 'A');

describe('staff passwords', () => {
  it('hashes at N = 2^17, r = 8, p = 1 with a 16-byte salt and a 32-byte key, and verifies', async () => {
    const stored = await hashPassword(PASSWORD);
    const [scheme, log2N, r, p, salt, hash] = stored.split('$');
    expect([scheme, log2N, r, p]).toEqual(['scrypt', '17', '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64url')).toHaveLength(16);
    expect(Buffer.from(hash ?? '', 'base64url')).toHaveLength(32);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(needsRehash(stored)).toBe(false);
    // Two hashes at the real cost: seconds on a busy machine.
  }, 30_000);

  it('salts every hash on its own', async () => {
    expect(await hashPassword(PASSWORD, CHEAP)).not.toBe(await hashPassword(PASSWORD, CHEAP));
  });

  it.each([
    ['a wrong password', 'correct horse battery stapler'],
    ['another case', 'Correct horse battery staple'],
    ['an empty password', ''],
    ['a password beyond the longest allowed', `${PASSWORD}${'x'.repeat(300)}`],
  ])('refuses %s', async (_, attempt) => {
    expect(await verifyPassword(attempt, await hashPassword(PASSWORD, CHEAP), CHEAP)).toBe(false);
  });

  it('verifies with the parameters stored in the hash, and asks for a stronger one', async () => {
    const weaker = await hashPassword(PASSWORD, CHEAP);
    expect(weaker.startsWith('scrypt$10$8$1$')).toBe(true);
    expect(await verifyPassword(PASSWORD, weaker)).toBe(true);
    expect(needsRehash(weaker)).toBe(true);
    expect(needsRehash(weaker, CHEAP)).toBe(false);
  });

  it.each([
    ['a changed hash', (s: string) => `${s.slice(0, -10)}${flip(s.at(-10))}${s.slice(-9)}`],
    ['a changed salt', (s: string) => `${s.slice(0, 14)}${flip(s[14])}${s.slice(15)}`],
    ['changed parameters', (s: string) => s.replace('scrypt$10$8$1$', 'scrypt$11$8$1$')],
    ['a cost beyond the limits', (s: string) => s.replace('scrypt$10$8$1$', 'scrypt$30$8$1$')],
    ['another scheme', (s: string) => s.replace('scrypt$', 'bcrypt$')],
    ['a cut hash', (s: string) => s.slice(0, -10)],
    ['nothing', () => ''],
  ])('never matches a stored hash with %s', async (_, tamper) => {
    const stored = tamper(await hashPassword(PASSWORD, CHEAP));
    expect(await verifyPassword(PASSWORD, stored, CHEAP)).toBe(false);
  });

  it('spends a hash for no account at all, and refuses', async () => {
    expect(await verifyPassword(PASSWORD, undefined, CHEAP)).toBe(false);
  });

  it('keeps the default cost at least OWASP’s minimum', () => {
    expect(SCRYPT_COST.log2N).toBeGreaterThanOrEqual(17);
    expect(SCRYPT_COST.r).toBeGreaterThanOrEqual(8);
  });

  it('never spends more than 1 GiB on the parameters of a stored hash', async () => {
    const stored = await hashPassword(PASSWORD, CHEAP);
    scryptCalls.memory = [];
    for (const tampered of [
      stored.replace('scrypt$10$8$1$', 'scrypt$20$32$1$'),
      stored.replace('scrypt$10$8$1$', 'scrypt$19$32$1$'),
    ])
      expect(await verifyPassword(PASSWORD, tampered, CHEAP)).toBe(false);
    expect(Math.max(...scryptCalls.memory)).toBeLessThanOrEqual(2 ** 30);
  });

  it('refuses a stored key longer than 64 bytes without deriving one that long', async () => {
    const stored = await hashPassword(PASSWORD, CHEAP);
    const long = `${stored}${'A'.repeat(200)}`;
    scryptCalls.keyBytes = [];
    expect(await verifyPassword(PASSWORD, long, CHEAP)).toBe(false);
    expect(scryptCalls.keyBytes).toEqual([32]);
  });

  it('hashes two at a time, lets a few wait, and refuses the rest at once', async () => {
    // A hash another test left running (one that timed out) would hold a turn.
    await vi.waitFor(() => expect(scryptCalls.running).toBe(0), { timeout: 30_000 });
    scryptCalls.mostAtOnce = 0;
    const admitted = Array.from({ length: MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES }, () =>
      verifyPassword(PASSWORD, undefined, CHEAP),
    );
    await expect(verifyPassword(PASSWORD, undefined, CHEAP)).rejects.toBeInstanceOf(HashingBusy);
    await expect(hashPassword(PASSWORD, CHEAP)).rejects.toBeInstanceOf(HashingBusy);
    expect(await Promise.all(admitted)).toEqual(admitted.map(() => false));
    expect(scryptCalls.mostAtOnce).toBe(MAX_CONCURRENT_HASHES);
    // The line has emptied: the next one is hashed.
    expect(await verifyPassword(PASSWORD, await hashPassword(PASSWORD, CHEAP), CHEAP)).toBe(true);
  });
});
