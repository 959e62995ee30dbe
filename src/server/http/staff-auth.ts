/**
 * Staff authentication: the session cookie, checked on every request of a staff or admin
 * endpoint. An unknown, ended or disabled user's session answers 401; branch staff asking
 * for an administrator's endpoint answer 403. The signed-in principal is the context
 * variable `staff`, and scopeOf() turns it into the branches its queries may read.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { resumeSession, type StaffPrincipal } from '../staff/sessions';
import { ALL_BRANCHES, type BranchScope } from '../storage/scope';
import type { ResolvedDeps } from './deps';
import { ApiProblem, unauthorized } from './errors';
import { servedOverHttps } from './https';

export type { StaffPrincipal } from '../staff/sessions';

/** The cookie that carries the session id (32 random bytes, base64url). */
export const STAFF_COOKIE = 'kiosk_staff';

export type StaffVariables = {
  staff: StaffPrincipal;
  /** Until when this session lasts: unused (idle) and at most (absolute). */
  staffSession: { idleExpiresAt: string; expiresAt: string };
};

type StaffDeps = Pick<ResolvedDeps, 'storage' | 'now' | 'staffSession'>;

/** The branches a principal may read: every one for an administrator, their own otherwise. */
export function scopeOf(principal: StaffPrincipal): BranchScope {
  if (principal.role === 'admin') return ALL_BRANCHES;
  if (principal.branchId === null)
    throw new Error(`branch staff ${principal.userId} has no branch`);
  return { kind: 'branch', branchId: principal.branchId };
}

/** The session id the request's cookie carries, if any. */
export function sessionIdOf(c: Context): string | undefined {
  return getCookie(c, STAFF_COOKIE) || undefined;
}

function checked(
  deps: StaffDeps,
  adminOnly: boolean,
): MiddlewareHandler<{ Variables: StaffVariables }> {
  return async (c, next) => {
    const sessionId = sessionIdOf(c);
    if (!sessionId) throw unauthorized('sign in first');
    const session = await resumeSession(deps.storage, sessionId, deps.now(), deps.staffSession);
    if (!session) throw unauthorized('the session has ended; sign in again');
    if (adminOnly && session.principal.role !== 'admin') {
      throw new ApiProblem('forbidden', 'only a network administrator may do this');
    }
    c.set('staff', session.principal);
    c.set('staffSession', { idleExpiresAt: session.idleExpiresAt, expiresAt: session.expiresAt });
    await next();
  };
}

/** A signed-in staff member, administrator or branch staff; 401 otherwise. */
export function requireStaff(deps: StaffDeps): MiddlewareHandler<{ Variables: StaffVariables }> {
  return checked(deps, false);
}

/** A signed-in network administrator; 401 when not signed in, 403 for branch staff. */
export function requireAdmin(deps: StaffDeps): MiddlewareHandler<{ Variables: StaffVariables }> {
  return checked(deps, true);
}

/** Whether the cookie must be Secure: the request came over HTTPS, or PUBLIC_URL is https. */
const secure = servedOverHttps;

/**
 * Sets the session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's
 * page sends it), for the whole origin. No Max-Age: it ends with the browser, and the
 * collector ends it sooner by its expiries.
 */
export function setSessionCookie(
  c: Context,
  sessionId: string,
  publicUrl: string | undefined,
): void {
  setCookie(c, STAFF_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: secure(c, publicUrl),
  });
}

export function clearSessionCookie(c: Context, publicUrl: string | undefined): void {
  deleteCookie(c, STAFF_COOKIE, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: secure(c, publicUrl),
  });
}
