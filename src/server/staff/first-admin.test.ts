import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, testDialects } from '../../../test/fixtures/test-databases';
import { listStaffUsers } from '../storage';
import { addStaffUser } from './accounts';
import { firstAdminTokenIfNeeded, setUpFirstAdmin } from './first-admin';

const START = new Date('2026-11-20T10:00:00.000Z');
const HOUR_MS = 3_600_000;
const later = (hours: number) => new Date(START.getTime() + hours * HOUR_MS);
const CHEAP = { log2N: 10, r: 8, p: 1 };
const ANA = { email: 'ana@library.example', password: 'a long enough password' };

describe.each(testDialects)('the first administrator on $name', (dialect) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await dialect.create();
  });
  afterEach(() => database.drop());

  const setUp = (token: string, at = START, email = ANA.email) =>
    setUpFirstAdmin(database.storage, { ...ANA, email, token }, at, CHEAP);

  it('makes one token while none may still be waiting, and none once an administrator exists', async () => {
    const first = await firstAdminTokenIfNeeded(database.storage, 72, START);
    expect(first?.expiresAt).toBe(later(72).toISOString());
    expect(await firstAdminTokenIfNeeded(database.storage, 72, later(1))).toBeNull();
    expect(await firstAdminTokenIfNeeded(database.storage, 72, later(72))).not.toBeNull();
    await addStaffUser(database.storage, { ...ANA, role: 'admin', branchId: null }, START, CHEAP);
    expect(await firstAdminTokenIfNeeded(database.storage, 72, later(200))).toBeNull();
  });

  it('makes the first administrator once; the token does not work again', async () => {
    const made = await firstAdminTokenIfNeeded(database.storage, 72, START);
    const token = made?.token ?? '';
    const result = await setUp(token);
    expect(result).toMatchObject({ ok: true, user: { email: ANA.email, role: 'admin' } });
    expect(await setUp(token, START, 'bo@library.example')).toEqual({
      ok: false,
      problem: 'token-used',
    });
    expect(await listStaffUsers(database.storage)).toHaveLength(1);
  });

  it.each([
    ['an unknown token', 'A'.repeat(43), 0, 'token-unknown'],
    ['a malformed token', 'not a token', 0, 'token-unknown'],
    ['an expired token', null, 72, 'token-expired'],
  ])('refuses %s', async (_, given, hours, problem) => {
    const made = await firstAdminTokenIfNeeded(database.storage, 72, START);
    expect(await setUp(given ?? made?.token ?? '', later(hours))).toEqual({ ok: false, problem });
    expect(await listStaffUsers(database.storage)).toEqual([]);
  });

  it('refuses once an administrator exists, though the token was never used', async () => {
    const made = await firstAdminTokenIfNeeded(database.storage, 72, START);
    await addStaffUser(database.storage, { ...ANA, role: 'admin', branchId: null }, START, CHEAP);
    expect(await setUp(made?.token ?? '', START, 'bo@library.example')).toEqual({
      ok: false,
      problem: 'admin-exists',
    });
  });

  it('keeps the token usable when the password is refused', async () => {
    const token = (await firstAdminTokenIfNeeded(database.storage, 72, START))?.token ?? '';
    await expect(
      setUpFirstAdmin(
        database.storage,
        { token, email: ANA.email, password: 'short' },
        START,
        CHEAP,
      ),
    ).rejects.toThrow('must be 12 to 256');
    expect((await setUp(token)).ok).toBe(true);
  });
});
