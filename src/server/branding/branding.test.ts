/**
 * A branch's opening hours and look from end to end: set with `branch set`, delivered in
 * the device configuration, the logo served at its URL with its headers.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testHost } from '../../../test/fixtures/cli-host';
import {
  startTestCollector,
  TEST_ORIGIN,
  type TestCollector,
  TIME_ZONE,
} from '../../../test/fixtures/collector';
import { testDialects } from '../../../test/fixtures/test-databases';
import { DeviceConfigSchema } from '../../shared/contract/device';
import { main } from '../collector';
import { LOGO_CSP } from '../http/routes/branding';
import { findBranch, findBranchLogo } from '../storage';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#1d4f91"/></svg>';

describe.each(testDialects)('a branch’s opening hours and look on $name', (dialect) => {
  let collector: TestCollector;
  let folder: string;
  beforeEach(async () => {
    collector = await startTestCollector(dialect);
    folder = mkdtempSync(join(tmpdir(), 'branch-look-'));
    writeFileSync(join(folder, 'logo.png'), PNG);
    writeFileSync(join(folder, 'logo.svg'), SVG);
    writeFileSync(join(folder, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
  });
  afterEach(() => collector.close());

  async function cli(...argv: string[]) {
    const host = testHost(collector.database.env, folder);
    await main(argv, host);
    return host;
  }

  async function configOf(token: string) {
    const reply = await collector.app.request('/api/v1/device/config', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(reply.status).toBe(200);
    const parsed = DeviceConfigSchema.safeParse(await reply.json());
    expect(parsed.success).toBe(true);
    if (!parsed.success) throw parsed.error;
    return parsed.data;
  }

  it('sends no hours and no look until they are set: always open, the kiosk’s own design', async () => {
    const config = await configOf(await collector.enroll());
    expect(config.openingHours).toBeNull();
    expect(config.look).toEqual({});
    expect(config.timeZone).toBe(TIME_ZONE);
  });

  it('sets the hours, display name, logo and accent with branch set and sends them to devices', async () => {
    const token = await collector.enroll();
    const set = await cli(
      'branch',
      'set',
      'main',
      '--hours',
      'mon-fri 09:00-19:00, sat 10:00-14:00',
      '--display-name',
      'Knjižnica Center',
      '--logo',
      'logo.svg',
      '--accent',
      '#1D4F91',
    );
    expect(set.errors).toEqual([]);
    expect(set.output[0]).toContain(
      'open mon-fri 09:00-19:00, sat 10:00-14:00; look: name "Knjižnica Center", logo, accent #1d4f91',
    );
    const config = await configOf(token);
    expect(config.openingHours).toHaveLength(6);
    expect(config.openingHours?.[5]).toEqual({ day: 'sat', opens: '10:00', closes: '14:00' });
    expect(config.look).toMatchObject({ displayName: 'Knjižnica Center', accent: '#1d4f91' });
    expect(config.look.logoUrl).toMatch(/^\/branding\/main\/logo\?v=[0-9a-f]{16}$/);

    const logo = await collector.app.request(config.look.logoUrl ?? '');
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/svg+xml');
    expect(logo.headers.get('content-security-policy')).toBe(LOGO_CSP);
    expect(logo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(logo.headers.get('cache-control')).toContain('immutable');
    expect(await logo.text()).toBe(SVG);
    const list = await cli('branch', 'list');
    expect(list.output[0]).toContain('HOURS AND LOOK');
    expect(list.output[0]).toContain('open mon-fri 09:00-19:00, sat 10:00-14:00');
  });

  it('replaces the logo under a new URL, revalidates an old one, and takes each setting away with none', async () => {
    const token = await collector.enroll();
    await cli('branch', 'set', 'main', '--logo', 'logo.svg', '--hours', 'sun 10:00-12:00');
    const first = (await configOf(token)).look.logoUrl ?? '';
    await cli('branch', 'set', 'main', '--logo', 'logo.png');
    const second = (await configOf(token)).look.logoUrl ?? '';
    expect(second).not.toBe(first);
    const png = await collector.app.request(second);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).equals(PNG)).toBe(true);
    const stale = await collector.app.request(first);
    expect(stale.headers.get('cache-control')).toBe('no-cache');
    const etag = png.headers.get('etag') ?? '';
    const unchanged = await collector.app.request(second, { headers: { 'if-none-match': etag } });
    expect(unchanged.status).toBe(304);

    const cleared = await cli(
      'branch',
      'set',
      'main',
      '--logo',
      'none',
      '--hours',
      'none',
      '--display-name',
      'none',
      '--accent',
      'none',
    );
    expect(cleared.output[0]).toContain("always open (no hours set); look: the kiosk's own");
    const config = await configOf(token);
    expect(config.openingHours).toBeNull();
    expect(config.look).toEqual({});
    expect(await findBranchLogo(collector.database.storage, 'main')).toBeUndefined();
    expect((await collector.app.request(second)).status).toBe(404);
  });

  it.each([
    [['--hours', 'mon-fri 9-17'], '--hours: "9-17" is not a span of time'],
    [['--hours', 'weekdays 09:00-17:00'], '--hours: "weekdays" is not a day'],
    [['--accent', '#ffcc00'], '--accent: #ffcc00 has a contrast of 1.'],
    [['--accent', 'blue'], '--accent: "blue" is not a colour'],
    [['--logo', 'photo.jpg'], '--logo: the file is neither a PNG nor an SVG'],
    [['--logo', 'missing.png'], '--logo: cannot read'],
    [['--display-name', 'East\u202e'], '--display-name contains an invisible'],
  ])('refuses branch set with %j, saying why, and changes nothing', async (options, message) => {
    const host = await cli('branch', 'set', 'main', '--display-name', 'Kept', ...options);
    expect(host.exitCode).toBe(1);
    expect(host.errors[0]).toContain(message);
    expect(await findBranch(collector.database.storage, 'main')).toMatchObject({
      displayName: null,
      accent: null,
      openingHours: null,
      logoHash: null,
    });
  });

  it('answers 404 for a branch without a logo and for a path that is no branch id', async () => {
    expect((await collector.app.request('/branding/main/logo')).status).toBe(404);
    expect((await collector.app.request('/branding/..%2Fetc/logo')).status).toBe(404);
  });

  describe('on the dashboard (POST /admin/branches/:id/look)', () => {
    async function setLook(cookie: string, body: unknown, branch = 'main') {
      return collector.app.request(`/api/v1/admin/branches/${branch}/look`, {
        method: 'POST',
        headers: { cookie, origin: TEST_ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    }

    it('lets an administrator set and clear the hours and look, which the branch list shows', async () => {
      const cookie = await collector.signIn('admin');
      const set = await setLook(cookie, {
        hours: 'sat 10:00-14:00, mon-fri 09:00-19:00',
        displayName: '  Central Library ',
        accent: '#1D4F91',
        logo: { base64: PNG.toString('base64') },
      });
      expect(set.status).toBe(200);
      const reply = (await set.json()) as { hours: string; look: Record<string, string> };
      expect(reply.hours).toBe('mon-fri 09:00-19:00, sat 10:00-14:00');
      expect(reply.look).toMatchObject({ displayName: 'Central Library', accent: '#1d4f91' });
      const logo = await collector.app.request(reply.look.logoUrl ?? '');
      expect(logo.headers.get('content-type')).toBe('image/png');

      // Left out: kept. null: taken away.
      const cleared = await setLook(cookie, { hours: null, logo: null });
      const after = (await cleared.json()) as { hours: string | null; look: object };
      expect(after.hours).toBeNull();
      expect(after.look).toEqual({ displayName: 'Central Library', accent: '#1d4f91' });
      const list = await collector.app.request('/api/v1/admin/branches', { headers: { cookie } });
      const branches = ((await list.json()) as { branches: { id: string; look: object }[] })
        .branches;
      expect(branches.find((b) => b.id === 'main')?.look).toEqual(after.look);
    });

    it.each([
      [{ accent: '#ffcc00' }, 'accent', 'contrast of 1.'],
      [{ hours: 'mon 19:00-09:00' }, 'hours', 'closes before it opens'],
      [{ logo: { base64: Buffer.from('<html></html>').toString('base64') } }, 'logo', 'neither'],
      [{ displayName: 'East\u202e' }, 'displayName', 'invisible'],
    ])('refuses %j with 400 naming the field, and changes nothing', async (body, path, message) => {
      const cookie = await collector.signIn('admin');
      const reply = await setLook(cookie, body);
      expect(reply.status).toBe(400);
      const error = ((await reply.json()) as { error: { path: string; message: string } }).error;
      expect(error.path).toBe(path);
      expect(error.message).toContain(message);
      expect(await findBranch(collector.database.storage, 'main')).toMatchObject({
        accent: null,
        openingHours: null,
        displayName: null,
        logoHash: null,
      });
    });

    it('is for network administrators only: branch staff get 403, an unknown branch 404', async () => {
      const staff = await collector.signIn('branch', 'main');
      expect((await setLook(staff, { accent: '#1d4f91' })).status).toBe(403);
      const admin = await collector.signIn('admin');
      expect((await setLook(admin, { accent: '#1d4f91' }, 'nowhere')).status).toBe(404);
    });
  });
});
