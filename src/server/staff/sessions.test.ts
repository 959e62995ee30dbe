import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, testDialects } from '../../../test/fixtures/test-databases';
import { findStaffSession, insertBranch, type StaffUserRecord } from '../storage';
import { addStaffUser, disableStaff, resetStaffPassword } from './accounts';
import { hashSessionId } from './secrets';
import {
  endAllSessions,
  endSession,
  resumeSession,
  SESSION_TOUCH_INTERVAL_MS,
  sessionVerdict,
  startSession,
} from './sessions';

const START = new Date('2026-11-20T10:00:00.000Z');
const SETTINGS = { idleMinutes: 60, maxHours: 12 };
const CHEAP = { log2N: 10, r: 8, p: 1 };
const MINUTE_MS = 60_000;
const at = (minutes: number) => new Date(START.getTime() + minutes * MINUTE_MS);
const iso = (minutes: number) => at(minutes).toISOString();

describe('sessionVerdict', () => {
  const session = { lastUsedAt: iso(0), idleExpiresAt: iso(60), expiresAt: iso(720) };
  const active = { disabledAt: null };

  it.each([
    [
      'used again within the minute: open, not written',
      0.5,
      active,
      { open: true, touch: false, idleExpiresAt: iso(60) },
    ],
    [
      'used after a minute: the idle expiry moves',
      30,
      active,
      { open: true, touch: true, idleExpiresAt: iso(90) },
    ],
    ['idle for the whole period', 60, active, { open: false, why: 'idle' }],
    ['past the absolute expiry', 720, active, { open: false, why: 'expired' }],
    ['its user disabled', 1, { disabledAt: iso(0) }, { open: false, why: 'disabled' }],
  ])('%s', (_, minutes, user, verdict) => {
    expect(sessionVerdict(session, user, at(minutes), SETTINGS)).toEqual(verdict);
  });

  it('never moves the idle expiry past the absolute one', () => {
    const late = { lastUsedAt: iso(690), idleExpiresAt: iso(710), expiresAt: iso(720) };
    expect(sessionVerdict(late, active, at(700), SETTINGS)).toEqual({
      open: true,
      touch: true,
      idleExpiresAt: iso(720),
    });
  });
});

describe.each(testDialects)('staff sessions on $name', (dialect) => {
  let database: TestDatabase;
  let user: StaffUserRecord;

  beforeEach(async () => {
    database = await dialect.create();
    await insertBranch(database.storage, {
      id: 'east',
      name: 'East library',
      kioskOverrides: {},
      surveyId: 'any',
      createdAt: iso(0),
    });
    user = await addStaffUser(
      database.storage,
      {
        email: 'Ana@Library.example',
        password: 'a long enough password',
        role: 'branch',
        branchId: 'east',
      },
      START,
      CHEAP,
    );
  });
  afterEach(() => database.drop());

  const resume = (sessionId: string, minutes: number) =>
    resumeSession(database.storage, sessionId, at(minutes), SETTINGS);

  it('opens a session stored only as a hash, for the user with their branch', async () => {
    const { sessionId, session } = await startSession(
      database.storage,
      user,
      START,
      SETTINGS,
      'Firefox',
    );
    expect(session).toEqual({
      principal: {
        userId: user.id,
        email: 'ana@library.example',
        role: 'branch',
        branchId: 'east',
        sessionIdHash: hashSessionId(sessionId),
      },
      idleExpiresAt: iso(60),
      expiresAt: iso(720),
    });
    expect(await findStaffSession(database.storage, sessionId)).toBeUndefined();
    expect(
      (await findStaffSession(database.storage, hashSessionId(sessionId)))?.session,
    ).toMatchObject({ userAgent: 'Firefox', createdAt: iso(0) });
  });

  it('slides the idle expiry with use, writing at most once a minute, and ends when idle', async () => {
    const { sessionId } = await startSession(database.storage, user, START, SETTINGS, undefined);
    expect((await resume(sessionId, 0.5))?.idleExpiresAt).toBe(iso(60));
    expect((await resume(sessionId, 50))?.idleExpiresAt).toBe(iso(110));
    expect(SESSION_TOUCH_INTERVAL_MS).toBe(MINUTE_MS);
    const stored = await findStaffSession(database.storage, hashSessionId(sessionId));
    expect(stored?.session).toMatchObject({ lastUsedAt: iso(50), idleExpiresAt: iso(110) });

    expect(await resume(sessionId, 110)).toBeUndefined();
    // An ended session is forgotten: coming back cannot revive it.
    expect(await findStaffSession(database.storage, hashSessionId(sessionId))).toBeUndefined();
  });

  it('ends at the absolute expiry however often it is used', async () => {
    const { sessionId } = await startSession(database.storage, user, START, SETTINGS, undefined);
    for (let minutes = 50; minutes < 720; minutes += 50) {
      expect(await resume(sessionId, minutes), `at ${minutes} minutes`).toBeDefined();
    }
    expect(await resume(sessionId, 720)).toBeUndefined();
  });

  it.each(['', 'not-a-session', 'A'.repeat(43)])('knows no session %j', async (sessionId) => {
    expect(await resume(sessionId, 0)).toBeUndefined();
  });

  it('signs out one session, or every session of the user', async () => {
    const a = await startSession(database.storage, user, START, SETTINGS, undefined);
    const b = await startSession(database.storage, user, START, SETTINGS, undefined);
    const c = await startSession(database.storage, user, START, SETTINGS, undefined);
    expect(await endSession(database.storage, a.session.principal.sessionIdHash)).toBe(1);
    expect(await resume(a.sessionId, 1)).toBeUndefined();
    expect(await resume(b.sessionId, 1)).toBeDefined();
    expect(await endAllSessions(database.storage, user.id)).toBe(2);
    expect(await resume(b.sessionId, 2)).toBeUndefined();
    expect(await resume(c.sessionId, 2)).toBeUndefined();
  });

  it('ends the sessions of a user who is disabled or whose password is reset', async () => {
    const first = await startSession(database.storage, user, START, SETTINGS, undefined);
    expect(
      await resetStaffPassword(database.storage, user.id, 'another long password', at(1), CHEAP),
    ).toBe(1);
    expect(await resume(first.sessionId, 2)).toBeUndefined();

    const second = await startSession(database.storage, user, at(3), SETTINGS, undefined);
    expect(await disableStaff(database.storage, user.id, at(4))).toEqual({
      disabled: true,
      endedSessions: 1,
    });
    expect(await resume(second.sessionId, 5)).toBeUndefined();
    expect(await disableStaff(database.storage, user.id, at(6))).toEqual({
      disabled: false,
      endedSessions: 0,
    });
  });
});
