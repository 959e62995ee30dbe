/**
 * Staff sign-in (API.signIn, session, signOut, signOutEverywhere, firstAdmin). Signing in
 * and the first administrator's setup must carry the collector's own Origin; failures count
 * per account and per client address, and too many answer 429 with Retry-After before any
 * password is checked. A wrong email and a wrong password answer alike.
 */
import { type Context, Hono } from 'hono';
import { API, type ReplyBody } from '../../../shared/contract/api';
import { safeParseInput } from '../../../shared/contract/parse';
import { checkSignIn, StaffAccountProblem } from '../../staff/accounts';
import { type FirstAdminProblem, setUpFirstAdmin } from '../../staff/first-admin';
import { HashingBusy } from '../../staff/passwords';
import { hashSessionId, isWellFormedSecret } from '../../staff/secrets';
import { endAllSessions, endSession, type OpenSession, startSession } from '../../staff/sessions';
import { deleteStaffSession } from '../../storage';
import type { ResolvedDeps } from '../deps';
import { ApiProblem, badRequest, invalidBody, unauthorized } from '../errors';
import { readJsonBody } from '../json-body';
import { requireOwnOrigin } from '../same-origin';
import {
  clearSessionCookie,
  requireStaff,
  type StaffVariables,
  sessionIdOf,
  setSessionCookie,
} from '../staff-auth';

/** An email and a password, or a setup token with them. */
const MAX_SIGN_IN_BYTES = 4 * 1024;

const WRONG_CREDENTIALS = 'the email or the password is not right';

const SETUP_REFUSALS: Record<FirstAdminProblem, string> = {
  'token-unknown':
    'this setup link is not valid; use the link the collector printed at its first start',
  'token-used': 'this setup link was used already; sign in, or ask an administrator for an account',
  'token-expired':
    'this setup link has expired; restart the collector for a new one, or add an administrator with: npm run collector -- user add <email> --role admin --password-stdin',
  'admin-exists': 'the collector has an administrator already; sign in, or ask them for an account',
};

function rateLimited(waitMs: number): ApiProblem {
  const seconds = Math.ceil(waitMs / 1000);
  return new ApiProblem(
    'rate-limited',
    `too many failed sign-ins; try again in ${seconds} seconds`,
    undefined,
    { 'Retry-After': String(seconds) },
  );
}

/** Seconds a sign-in refused for a full line of password checks waits before trying again. */
const BUSY_RETRY_SECONDS = 5;

/** Too many passwords are being checked at once; nothing was checked for this request. */
function busy(): ApiProblem {
  return new ApiProblem(
    'rate-limited',
    `the collector is checking many sign-ins at once; try again in ${BUSY_RETRY_SECONDS} seconds`,
    undefined,
    { 'Retry-After': String(BUSY_RETRY_SECONDS) },
  );
}

function sessionReply(
  session: OpenSession,
  user: { email: string; role: 'admin' | 'branch'; branchId: string | null },
) {
  return {
    user: { email: user.email, role: user.role, branchId: user.branchId },
    idleExpiresAt: session.idleExpiresAt,
    expiresAt: session.expiresAt,
  } satisfies ReplyBody<typeof API.session>;
}

export function sessionRoutes(deps: ResolvedDeps): Hono<{ Variables: StaffVariables }> {
  const { storage, now, signInThrottle, staffSession, passwordCost, publicUrl, clientAddress } =
    deps;
  const app = new Hono<{ Variables: StaffVariables }>();

  /** Starts a session for a user, replacing the one the browser had, and sets its cookie. */
  async function signedIn(c: Context, user: Parameters<typeof startSession>[1]) {
    const previous = sessionIdOf(c);
    if (previous && isWellFormedSecret(previous)) {
      await deleteStaffSession(storage, hashSessionId(previous));
    }
    const { sessionId, session } = await startSession(
      storage,
      user,
      now(),
      staffSession,
      c.req.header('user-agent'),
    );
    setSessionCookie(c, sessionId, publicUrl);
    return c.json(sessionReply(session, user));
  }

  app.on(API.signIn.method, API.signIn.path, requireOwnOrigin(deps), async (c) => {
    const parsed = safeParseInput(
      API.signIn.request,
      await readJsonBody(c.req.raw, MAX_SIGN_IN_BYTES),
    );
    if (!parsed.success) throw invalidBody(parsed.error, '{ email, password }');
    const attempt = { email: parsed.data.email, address: clientAddress(c) };
    const startedMs = now().getTime();
    const waitMs = signInThrottle.retryAfterMs(attempt, startedMs);
    if (waitMs > 0) throw rateLimited(waitMs);
    // Counted as failed until it succeeds: guesses sent at once are held to the limit too.
    signInThrottle.recordAttempt(attempt, startedMs);

    let user: Awaited<ReturnType<typeof checkSignIn>>;
    try {
      user = await checkSignIn(storage, parsed.data, now(), passwordCost);
    } catch (error) {
      if (!(error instanceof HashingBusy)) throw error;
      // Refused before its password was checked: not a failure of the account or the address.
      signInThrottle.recordUnchecked(attempt, startedMs);
      throw busy();
    }
    if (!user) throw unauthorized(WRONG_CREDENTIALS);
    signInThrottle.recordSuccess(attempt, startedMs);
    return signedIn(c, user);
  });

  app.on(API.session.method, API.session.path, requireStaff(deps), (c) => {
    const staff = c.get('staff');
    return c.json(sessionReply({ principal: staff, ...c.get('staffSession') }, staff));
  });

  app.on(API.signOut.method, API.signOut.path, requireStaff(deps), async (c) => {
    const endedSessions = await endSession(storage, c.get('staff').sessionIdHash);
    clearSessionCookie(c, publicUrl);
    return c.json({ endedSessions } satisfies ReplyBody<typeof API.signOut>);
  });

  app.on(
    API.signOutEverywhere.method,
    API.signOutEverywhere.path,
    requireStaff(deps),
    async (c) => {
      const endedSessions = await endAllSessions(storage, c.get('staff').userId);
      clearSessionCookie(c, publicUrl);
      return c.json({ endedSessions } satisfies ReplyBody<typeof API.signOutEverywhere>);
    },
  );

  app.on(API.firstAdmin.method, API.firstAdmin.path, requireOwnOrigin(deps), async (c) => {
    const address = clientAddress(c);
    const waitMs = signInThrottle.addressRetryAfterMs(address, now().getTime());
    if (waitMs > 0) throw rateLimited(waitMs);
    const parsed = safeParseInput(
      API.firstAdmin.request,
      await readJsonBody(c.req.raw, MAX_SIGN_IN_BYTES),
    );
    if (!parsed.success) throw invalidBody(parsed.error, '{ token, email, password }');
    let result: Awaited<ReturnType<typeof setUpFirstAdmin>>;
    try {
      result = await setUpFirstAdmin(storage, parsed.data, now(), passwordCost);
    } catch (error) {
      if (error instanceof StaffAccountProblem) throw badRequest(error.message, error.field);
      if (error instanceof HashingBusy) throw busy();
      throw error;
    }
    if (!result.ok) {
      signInThrottle.recordAddressFailure(address, now().getTime());
      throw new ApiProblem('forbidden', SETUP_REFUSALS[result.problem], 'token');
    }
    return signedIn(c, result.user);
  });

  return app;
}
