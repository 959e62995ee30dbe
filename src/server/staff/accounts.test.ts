import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type TestDatabase, testDialects } from '../../../test/fixtures/test-databases';
import { findStaffCredentials, insertBranch, listStaffUsers } from '../storage';
import {
  addStaffUser,
  checkSignIn,
  disableStaff,
  type NewStaffUser,
  resetStaffPassword,
} from './accounts';
import * as passwords from './passwords';

vi.mock('./passwords', async (importOriginal) => {
  const actual = await importOriginal<typeof passwords>();
  return { ...actual, hashPassword: vi.fn(actual.hashPassword) };
});

const START = new Date('2026-11-20T10:00:00.000Z');
const CHEAP = { log2N: 10, r: 8, p: 1 };
const PASSWORD = 'a long enough password';
const ANA: NewStaffUser = {
  email: 'ana@library.example',
  password: PASSWORD,
  role: 'admin',
  branchId: null,
};

describe.each(testDialects)('staff accounts on $name', (dialect) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await dialect.create();
    await insertBranch(database.storage, {
      id: 'east',
      name: 'East library',
      kioskOverrides: {},
      surveyId: 'any',
      createdAt: START.toISOString(),
    });
  });
  afterEach(() => database.drop());

  const add = (changes: Partial<NewStaffUser>) =>
    addStaffUser(database.storage, { ...ANA, ...changes }, START, CHEAP);

  it('adds an administrator and branch staff, emails lower-case', async () => {
    await add({ email: ' Ana@Library.EXAMPLE ' });
    await add({ email: 'bo@library.example', role: 'branch', branchId: 'east' });
    expect(await listStaffUsers(database.storage)).toEqual([
      expect.objectContaining({ email: 'ana@library.example', role: 'admin', branchId: null }),
      expect.objectContaining({ email: 'bo@library.example', role: 'branch', branchId: 'east' }),
    ]);
  });

  it.each<[string, Partial<NewStaffUser>, string]>([
    ['not an email', { email: 'ana' }, 'is not an email address'],
    ['a short password', { password: 'short' }, 'must be 12 to 256 characters long (it has 5)'],
    ['branch staff without a branch', { role: 'branch' }, 'say which with --branch'],
    ['an administrator with a branch', { branchId: 'east' }, 'leave out --branch'],
    ['an unknown branch', { role: 'branch', branchId: 'west' }, 'there is no branch "west"'],
  ])('refuses %s', async (_, changes, message) => {
    await expect(add(changes)).rejects.toThrow(message);
    expect(await listStaffUsers(database.storage)).toEqual([]);
  });

  it('refuses an email that has an account, in any case', async () => {
    await add({});
    await expect(add({ email: 'ANA@library.example' })).rejects.toThrow('has an account already');
  });

  it.each([
    ['branch staff without a branch', { role: 'branch' as const, branch_id: null }],
    ['an administrator with a branch', { role: 'admin' as const, branch_id: 'east' }],
    ['an email not in lower case', { email: 'Bo@library.example' }],
    ['another role', { role: 'owner' as 'admin' }],
  ])('keeps the database from storing %s', async (_, changes) => {
    const row = {
      id: 'u1',
      email: 'bo@library.example',
      password_hash: 'h',
      role: 'admin' as const,
      branch_id: null as string | null,
      disabled_at: null,
      created_at: 'now',
      updated_at: 'now',
    };
    await expect(
      database.storage.db
        .insertInto('staff_users')
        .values({ ...row, ...changes })
        .execute(),
    ).rejects.toThrow(/check/i);
  });

  it('signs in with the right password only, and never a disabled user', async () => {
    const user = await add({});
    const signIn = (email: string, password: string) =>
      checkSignIn(database.storage, { email, password }, START, CHEAP);
    expect((await signIn('ana@library.example', PASSWORD))?.id).toBe(user.id);
    expect(await signIn('ana@library.example', `${PASSWORD}!`)).toBeUndefined();
    expect(await signIn('nobody@library.example', PASSWORD)).toBeUndefined();
    await disableStaff(database.storage, user.id, START);
    expect(await signIn('ana@library.example', PASSWORD)).toBeUndefined();
  });

  it('replaces a hash made with weaker parameters at the next sign-in', async () => {
    await add({});
    const stronger = { ...CHEAP, log2N: 11 };
    expect(
      await checkSignIn(
        database.storage,
        { email: ANA.email, password: PASSWORD },
        START,
        stronger,
      ),
    ).toBeDefined();
    expect((await findStaffCredentials(database.storage, ANA.email))?.passwordHash).toMatch(
      /^scrypt\$11\$8\$1\$/,
    );
  });

  it('keeps a password reset made while a sign-in was rehashing the old one', async () => {
    const user = await add({});
    const stronger = { ...CHEAP, log2N: 11 };
    const NEW_PASSWORD = 'the new password, after a leak';
    const hash = vi.mocked(passwords.hashPassword);
    const rehash = hash.getMockImplementation();
    // The reset lands while the sign-in computes the stronger hash of the old password.
    hash.mockImplementationOnce(async (password, cost) => {
      await resetStaffPassword(database.storage, user.id, NEW_PASSWORD, START, CHEAP);
      return (rehash as typeof passwords.hashPassword)(password, cost);
    });
    const signIn = (password: string) =>
      checkSignIn(database.storage, { email: ANA.email, password }, START, stronger);

    expect(await signIn(PASSWORD)).toBeDefined();
    expect(await signIn(PASSWORD)).toBeUndefined();
    expect((await signIn(NEW_PASSWORD))?.id).toBe(user.id);
  });
});
