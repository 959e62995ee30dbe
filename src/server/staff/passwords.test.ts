import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, SCRYPT_COST, verifyPassword } from './passwords';

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
  });

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
});
