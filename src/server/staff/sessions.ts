/**
 * Staff sessions: a random id in an HttpOnly cookie, stored only hashed. A session ends
 * after an idle period without use (sliding: each use moves it, written at most once a
 * minute) and after an absolute period however it is used; signing out ends it, signing
 * out everywhere, disabling the user or resetting their password ends all of the user's.
 */
import {
  deleteExpiredStaffSessions,
  deleteStaffSession,
  deleteStaffSessionsOfUser,
  findStaffSession,
  insertStaffSession,
  type StaffSessionRecord,
  type StaffUserRecord,
  type Storage,
  timestamp,
  touchStaffSession,
} from '../storage';
import { generateSessionId, hashSessionId, isWellFormedSecret } from './secrets';

export interface StaffSessionSettings {
  /** Minutes without use after which a session ends (STAFF_SESSION_IDLE_MINUTES). */
  idleMinutes: number;
  /** Hours after signing in after which a session ends however it is used (STAFF_SESSION_MAX_HOURS). */
  maxHours: number;
}

export const DEFAULT_STAFF_SESSION: StaffSessionSettings = { idleMinutes: 60, maxHours: 12 };

/** A session's use is written at most this often: the idle expiry moves in minutes, not requests. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** What is kept of a User-Agent header: enough to tell a session's browser in a list. */
const MAX_USER_AGENT_LENGTH = 300;

/** Who is signed in, as the routes see it. */
export interface StaffPrincipal {
  userId: string;
  email: string;
  role: 'admin' | 'branch';
  branchId: string | null;
  /** The stored key of this session, to end it. */
  sessionIdHash: string;
}

/** A session in use: who, and until when. */
export interface OpenSession {
  principal: StaffPrincipal;
  idleExpiresAt: string;
  expiresAt: string;
}

export type SessionVerdict =
  | { open: true; idleExpiresAt: string; touch: boolean }
  | { open: false; why: 'idle' | 'expired' | 'disabled' };

/** Whether a stored session may be used at `now`, its new idle expiry, and whether to write it. */
export function sessionVerdict(
  session: Pick<StaffSessionRecord, 'lastUsedAt' | 'idleExpiresAt' | 'expiresAt'>,
  user: Pick<StaffUserRecord, 'disabledAt'>,
  now: Date,
  settings: StaffSessionSettings,
): SessionVerdict {
  const at = timestamp(now);
  if (user.disabledAt !== null) return { open: false, why: 'disabled' };
  if (session.expiresAt <= at) return { open: false, why: 'expired' };
  if (session.idleExpiresAt <= at) return { open: false, why: 'idle' };
  const touch = now.getTime() - Date.parse(session.lastUsedAt) >= SESSION_TOUCH_INTERVAL_MS;
  return {
    open: true,
    idleExpiresAt: touch ? idleExpiry(now, session.expiresAt, settings) : session.idleExpiresAt,
    touch,
  };
}

function idleExpiry(now: Date, expiresAt: string, settings: StaffSessionSettings): string {
  const idle = timestamp(new Date(now.getTime() + settings.idleMinutes * MINUTE_MS));
  return idle < expiresAt ? idle : expiresAt;
}

function principalOf(user: StaffUserRecord, sessionIdHash: string): StaffPrincipal {
  return {
    userId: user.id,
    email: user.email,
    role: user.role,
    branchId: user.branchId,
    sessionIdHash,
  };
}

/** Signs a user in: a new session, whose id goes in the cookie and nowhere else. */
export async function startSession(
  storage: Storage,
  user: StaffUserRecord,
  now: Date,
  settings: StaffSessionSettings,
  userAgent: string | undefined,
): Promise<{ sessionId: string; session: OpenSession }> {
  const sessionId = generateSessionId();
  const idHash = hashSessionId(sessionId);
  const at = timestamp(now);
  const expiresAt = timestamp(new Date(now.getTime() + settings.maxHours * HOUR_MS));
  const idleExpiresAt = idleExpiry(now, expiresAt, settings);
  await deleteExpiredStaffSessions(storage, user.id, at);
  await insertStaffSession(storage, {
    idHash,
    userId: user.id,
    createdAt: at,
    lastUsedAt: at,
    idleExpiresAt,
    expiresAt,
    userAgent: userAgent?.slice(0, MAX_USER_AGENT_LENGTH) ?? null,
  });
  return { sessionId, session: { principal: principalOf(user, idHash), idleExpiresAt, expiresAt } };
}

/**
 * The session a cookie's id names, used now (its idle expiry moved), or undefined when it
 * is unknown or has ended; an ended session is forgotten.
 */
export async function resumeSession(
  storage: Storage,
  sessionId: string,
  now: Date,
  settings: StaffSessionSettings,
): Promise<OpenSession | undefined> {
  if (!isWellFormedSecret(sessionId)) return undefined;
  const idHash = hashSessionId(sessionId);
  const found = await findStaffSession(storage, idHash);
  if (!found) return undefined;
  const verdict = sessionVerdict(found.session, found.user, now, settings);
  if (!verdict.open) {
    await deleteStaffSession(storage, idHash);
    return undefined;
  }
  if (verdict.touch) {
    await touchStaffSession(storage, idHash, {
      lastUsedAt: timestamp(now),
      idleExpiresAt: verdict.idleExpiresAt,
    });
  }
  return {
    principal: principalOf(found.user, idHash),
    idleExpiresAt: verdict.idleExpiresAt,
    expiresAt: found.session.expiresAt,
  };
}

/** Signs out: ends this session. */
export async function endSession(storage: Storage, sessionIdHash: string): Promise<number> {
  return (await deleteStaffSession(storage, sessionIdHash)) ? 1 : 0;
}

/** Signs out everywhere: ends every session of the user; returns how many. */
export function endAllSessions(storage: Storage, userId: string): Promise<number> {
  return deleteStaffSessionsOfUser(storage, userId);
}
