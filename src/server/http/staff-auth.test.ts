import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCollector, type TestCollector } from '../../../test/fixtures/collector';
import { testDialects } from '../../../test/fixtures/test-databases';
import { DEFAULT_STAFF_SESSION } from '../staff/sessions';
import { ApiProblem, problemReply } from './errors';
import {
  requireAdmin,
  requireStaff,
  type StaffPrincipal,
  type StaffVariables,
  scopeOf,
} from './staff-auth';

const principal = (role: 'admin' | 'branch', branchId: string | null): StaffPrincipal => ({
  userId: 'u1',
  email: 'ana@library.example',
  role,
  branchId,
  sessionIdHash: 'h',
});

describe('scopeOf', () => {
  it.each([
    ['an administrator', principal('admin', null), { kind: 'all' }],
    ['branch staff', principal('branch', 'east'), { kind: 'branch', branchId: 'east' }],
  ])('gives %s %j', (_, who, scope) => {
    expect(scopeOf(who)).toEqual(scope);
  });
});

const sqlite = testDialects.filter((d) => d.name === 'sqlite');

describe.each(sqlite)('requireStaff and requireAdmin on $name', (dialect) => {
  let collector: TestCollector;
  let app: Hono<{ Variables: StaffVariables }>;

  beforeEach(async () => {
    collector = await startTestCollector(dialect);
    const deps = {
      storage: collector.database.storage,
      now: () => collector.clock.now,
      staffSession: DEFAULT_STAFF_SESSION,
    };
    app = new Hono<{ Variables: StaffVariables }>()
      .get('/staff', requireStaff(deps), (c) => c.json(scopeOf(c.get('staff'))))
      .get('/admin', requireAdmin(deps), (c) => c.json(c.get('staff').email));
    app.onError((error, c) =>
      error instanceof ApiProblem ? problemReply(c, error) : c.text('failed', 500),
    );
  });
  afterEach(() => collector.close());

  const get = (path: string, cookie?: string) =>
    app.request(path, { headers: cookie ? { cookie } : {} });

  it.each([
    ['an administrator', 'admin', undefined, 200, 200],
    ['branch staff', 'branch', 'bookmobile', 200, 403],
  ] as const)(
    'lets %s in as staff, and as admin: %i / %i',
    async (_, role, branchId, staff, admin) => {
      const cookie = await collector.signIn(role, branchId);
      expect((await get('/staff', cookie)).status).toBe(staff);
      const res = await get('/admin', cookie);
      expect(res.status).toBe(admin);
      if (admin === 403) expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
    },
  );

  it('gives branch staff the scope of their branch', async () => {
    const res = await get('/staff', await collector.signIn('branch', 'bookmobile'));
    expect(await res.json()).toEqual({ kind: 'branch', branchId: 'bookmobile' });
  });

  it.each([
    ['no cookie', undefined],
    ['an unknown session', `kiosk_staff=${'A'.repeat(43)}`],
    ['a malformed one', 'kiosk_staff=%%%'],
  ])('answers 401 to %s', async (_, cookie) => {
    for (const path of ['/staff', '/admin']) {
      const res = await get(path, cookie);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });
});
