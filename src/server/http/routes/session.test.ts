import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  START,
  startTestCollector,
  TEST_ORIGIN,
  TEST_PASSWORD,
  TEST_PASSWORD_COST,
  type TestCollector,
} from '../../../../test/fixtures/collector';
import { makeResponse } from '../../../../test/fixtures/responses';
import { testDialects } from '../../../../test/fixtures/test-databases';
import { apiPath, ENDPOINTS } from '../../../shared/contract/endpoints';
import { StaffSessionSchema } from '../../../shared/contract/staff';
import { disableStaff } from '../../staff/accounts';
import {
  hashPassword,
  MAX_CONCURRENT_HASHES,
  MAX_WAITING_HASHES,
  SCRYPT_COST,
} from '../../staff/passwords';
import { findStaffUserByEmail } from '../../storage';
import { createApp } from '../app';

const MINUTE_MS = 60_000;
const SESSION = apiPath(ENDPOINTS.session);
const SESSIONS = apiPath(ENDPOINTS.signOutEverywhere);
const SETUP = apiPath(ENDPOINTS.firstAdmin);

describe.each(testDialects)('staff sessions over HTTP on $name', (dialect) => {
  let collector: TestCollector;

  beforeEach(async () => {
    collector = await startTestCollector(dialect);
  });
  afterEach(() => collector.close());

  const later = (minutes: number) => {
    collector.clock.now = new Date(START.getTime() + minutes * MINUTE_MS);
  };

  function signIn(
    body: unknown,
    headers: Record<string, string> = { origin: TEST_ORIGIN },
    path = SESSION,
  ) {
    return collector.post(path, body, undefined, headers);
  }

  function call(method: string, path: string, cookie: string, origin: string | null = TEST_ORIGIN) {
    return collector.app.request(path, {
      method,
      headers: { cookie, ...(origin === null ? {} : { origin }) },
    });
  }

  async function errorOf(res: Response) {
    return ((await res.json()) as { error: { code: string; message: string } }).error;
  }

  it('signs in with an HttpOnly, SameSite=Strict cookie and says who until when', async () => {
    const credentials = await collector.addStaff('branch', 'bookmobile');
    const res = await signIn({ ...credentials, email: credentials.email.toUpperCase() });
    expect(res.status).toBe(200);
    expect(StaffSessionSchema.parse(await res.json())).toEqual({
      user: { email: credentials.email, role: 'branch', branchId: 'bookmobile' },
      idleExpiresAt: '2026-11-20T11:00:00.000Z',
      expiresAt: '2026-11-20T22:00:00.000Z',
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kiosk_staff=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);

    const session = await call('GET', SESSION, cookie.split(';')[0] ?? '');
    expect(session.status).toBe(200);
    expect(StaffSessionSchema.parse(await session.json()).user.email).toBe(credentials.email);
  });

  it('makes the cookie Secure when PUBLIC_URL is https', async () => {
    const app = createApp({
      storage: collector.database.storage,
      staticDir: collector.staticDir,
      now: () => START,
      publicUrl: 'https://survey.library.example',
      passwordCost: TEST_PASSWORD_COST,
    });
    const res = await app.request(SESSION, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://survey.library.example' },
      body: JSON.stringify(await collector.addStaff()),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const { email } = await collector.addStaff();
    const wrong = await signIn({ email, password: `${TEST_PASSWORD}!` });
    const unknown = await signIn({ email: 'nobody@library.example', password: TEST_PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await errorOf(wrong)).toEqual(await errorOf(unknown));
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a disabled user, and ends their sessions', async () => {
    const credentials = await collector.addStaff();
    const cookie = ((await signIn(credentials)).headers.get('set-cookie') ?? '').split(';')[0];
    expect((await call('GET', SESSION, cookie ?? '')).status).toBe(200);
    const user = await findStaffUserByEmail(collector.database.storage, credentials.email);
    await disableStaff(collector.database.storage, user?.id ?? '', START);
    expect((await call('GET', SESSION, cookie ?? '')).status).toBe(401);
    const again = await signIn(credentials);
    expect(again.status).toBe(401);
    expect((await errorOf(again)).message).toBe('the email or the password is not right');
  });

  it('ends a session left idle, and keeps one in use until its absolute expiry', async () => {
    const idle = await collector.signIn();
    const busy = await collector.signIn();
    later(50);
    expect((await call('GET', SESSION, busy)).status).toBe(200);
    later(60);
    const refused = await call('GET', SESSION, idle);
    expect(refused.status).toBe(401);
    expect(await errorOf(refused)).toMatchObject({ code: 'unauthorized' });
    const used = await call('GET', SESSION, busy);
    expect(StaffSessionSchema.parse(await used.json()).idleExpiresAt).toBe(
      '2026-11-20T12:00:00.000Z',
    );
    for (let minutes = 100; minutes < 720; minutes += 50) {
      later(minutes);
      expect((await call('GET', SESSION, busy)).status, `at ${minutes} minutes`).toBe(200);
    }
    later(720);
    expect((await call('GET', SESSION, busy)).status).toBe(401);
  });

  it('signs out this session, or every session of the account', async () => {
    const credentials = await collector.addStaff();
    const cookieOf = async () =>
      ((await signIn(credentials)).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const [a, b, c] = [await cookieOf(), await cookieOf(), await cookieOf()];

    const out = await call('DELETE', SESSION, a);
    expect(await out.json()).toEqual({ endedSessions: 1 });
    expect(out.headers.get('set-cookie')).toMatch(/^kiosk_staff=; Max-Age=0; Path=\/; HttpOnly/);
    expect((await call('GET', SESSION, a)).status).toBe(401);

    expect(await (await call('DELETE', SESSIONS, b)).json()).toEqual({ endedSessions: 2 });
    expect((await call('GET', SESSION, c)).status).toBe(401);
  });

  it('refuses sign-in after 5 failures for an account, with Retry-After, the right password too', async () => {
    const credentials = await collector.addStaff();
    for (let i = 0; i < 5; i++) {
      expect((await signIn({ ...credentials, password: `wrong password ${i}` })).status).toBe(401);
    }
    const refused = await signIn(credentials);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(String(15 * 60));
    expect(await errorOf(refused)).toMatchObject({ code: 'rate-limited' });
    later(15);
    expect((await signIn(credentials)).status).toBe(200);
  });

  it('holds guesses sent at once to the limit', async () => {
    const credentials = await collector.addStaff();
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => signIn({ ...credentials, password: `wrong guess ${i}` })),
    );
    expect(burst.map((res) => res.status).sort()).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });

  it('answers 429 at once while the line of password checks is full, and counts no failure', async () => {
    // Branch staff: the setup link still works while no administrator exists.
    const credentials = await collector.addStaff('branch');
    for (let i = 0; i < 4; i++) {
      expect((await signIn({ ...credentials, password: `wrong password ${i}` })).status).toBe(401);
    }
    // Two slow hashes take the turns, and cheap ones fill the line behind them.
    const line = Array.from({ length: MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES }, (_, i) =>
      hashPassword(TEST_PASSWORD, i < MAX_CONCURRENT_HASHES ? SCRYPT_COST : TEST_PASSWORD_COST),
    );
    const refused = await signIn({ ...credentials, password: 'wrong password 4' });
    const setup = await signIn(
      { token: collector.firstAdminToken, email: 'first@library.example', password: TEST_PASSWORD },
      undefined,
      SETUP,
    );
    await Promise.all(line);

    for (const res of [refused, setup]) {
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(await errorOf(res)).toMatchObject({ code: 'rate-limited' });
    }
    // The refused attempt was not the account's fifth failure.
    expect((await signIn(credentials)).status).toBe(200);
  }, 60_000);

  it('refuses an address after 20 failures, and a success does not reset it', async () => {
    const credentials = await collector.addStaff();
    for (let i = 0; i < 19; i++) {
      await signIn({ email: `guess${i}@library.example`, password: TEST_PASSWORD });
    }
    expect((await signIn(credentials)).status).toBe(200);
    await signIn({ email: 'guess-last@library.example', password: TEST_PASSWORD });
    expect((await signIn(credentials)).status).toBe(429);
  });

  it.each([
    ['another site', { origin: 'https://evil.example' }],
    ['no Origin at all', {}],
    ['an opaque origin', { origin: 'null' }],
  ])('refuses a sign-in from %s', async (_, headers) => {
    const res = await signIn(await collector.addStaff(), headers);
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toMatchObject({ code: 'forbidden' });
  });

  it('refuses a signed-in request that changes something without its Origin, or from another site', async () => {
    const cookie = await collector.signIn();
    expect((await call('DELETE', SESSION, cookie, null)).status).toBe(403);
    expect((await call('DELETE', SESSION, cookie, 'https://evil.example')).status).toBe(403);
    expect((await call('GET', SESSION, cookie, null)).status).toBe(200);
    expect((await call('DELETE', SESSION, cookie)).status).toBe(200);
  });

  it('lets a device sync with its token and no Origin, but not from another site', async () => {
    const token = await collector.enroll();
    const responses = apiPath(ENDPOINTS.responses);
    expect((await collector.post(responses, { responses: [makeResponse()] }, token)).status).toBe(
      200,
    );
    const foreign = await collector.post(responses, { responses: [makeResponse()] }, token, {
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
  });

  it('makes the first administrator from the setup link once, signed in', async () => {
    const body = {
      token: collector.firstAdminToken,
      email: 'ana@library.example',
      password: TEST_PASSWORD,
    };
    const res = await collector.post(SETUP, body, undefined, { origin: TEST_ORIGIN });
    expect(res.status).toBe(200);
    expect(StaffSessionSchema.parse(await res.json()).user).toEqual({
      email: 'ana@library.example',
      role: 'admin',
      branchId: null,
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await call('GET', SESSION, cookie)).status).toBe(200);

    const again = await collector.post(SETUP, { ...body, email: 'bo@library.example' }, undefined, {
      origin: TEST_ORIGIN,
    });
    expect(again.status).toBe(403);
    expect(await errorOf(again)).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('used already'),
    });
    expect((await signIn({ email: 'bo@library.example', password: TEST_PASSWORD })).status).toBe(
      401,
    );
  });

  it.each([
    ['an unknown token', { token: 'A'.repeat(43) }, 403, 'forbidden'],
    ['a short password', { password: 'short' }, 400, 'bad-request'],
  ])('refuses a setup with %s', async (_, changes, status, code) => {
    const body = {
      token: collector.firstAdminToken,
      email: 'ana@library.example',
      password: TEST_PASSWORD,
    };
    const res = await collector.post(SETUP, { ...body, ...changes }, undefined, {
      origin: TEST_ORIGIN,
    });
    expect(res.status).toBe(status);
    expect(await errorOf(res)).toMatchObject({ code });
  });
});

describe.each(testDialects)('staff sign-in behind a reverse proxy on $name', (dialect) => {
  let collector: TestCollector;
  const PROXY = '10.0.0.2';

  beforeEach(async () => {
    collector = await startTestCollector(dialect, {
      trustedProxies: [PROXY],
      logWarning: () => {},
    });
  });
  afterEach(() => collector.close());

  const signInVia = (client: string, body: unknown) =>
    collector.app.request(
      SESSION,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: TEST_ORIGIN,
          'x-forwarded-for': client,
        },
        body: JSON.stringify(body),
      },
      { incoming: { socket: { remoteAddress: PROXY } } },
    );

  it("does not stop client B when client A's sign-ins fail through the same trusted proxy", async () => {
    const credentials = await collector.addStaff();
    for (let i = 0; i < 20; i++) {
      const guess = { email: `guess${i}@library.example`, password: TEST_PASSWORD };
      expect((await signInVia('192.0.2.10', guess)).status).toBe(401);
    }
    expect((await signInVia('192.0.2.10', credentials)).status).toBe(429);
    expect((await signInVia('192.0.2.20', credentials)).status).toBe(200);
  });
});
