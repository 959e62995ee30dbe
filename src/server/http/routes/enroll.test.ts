import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  START,
  startTestCollector,
  type TestCollector,
  TIME_ZONE,
} from '../../../../test/fixtures/collector';
import { DEVICE_ID } from '../../../../test/fixtures/responses';
import { testDialects } from '../../../../test/fixtures/test-databases';
import { ApiErrorSchema, DeviceConfigSchema, EnrollReplySchema } from '../../../shared/index';
import { findDevice, listDevices, revokeDevice } from '../../storage';

const HOUR_MS = 3_600_000;
const OTHER_DEVICE_ID = '7d1c9b2a-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const WRONG_CODE = { code: 'AAAA-BBBB-CCCC', deviceId: DEVICE_ID };

describe.each(testDialects)('enrollment and device tokens on $name', (dialect) => {
  let collector: TestCollector;

  beforeEach(async () => {
    collector = await startTestCollector(dialect);
  });
  afterEach(() => collector.close());

  const enroll = (body: unknown, address = '10.0.0.7') =>
    collector.app.request(
      '/api/v1/enroll',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
      { incoming: { socket: { remoteAddress: address } } },
    );

  async function expectError(res: Response, status: number, code: string) {
    expect(res.status).toBe(status);
    const body = ApiErrorSchema.parse(await res.json());
    expect(body.error.code).toBe(code);
    return body.error;
  }

  it('gives a device a token bound to the branch of its code', async () => {
    const code = await collector.code('bookmobile');
    const res = await enroll({ code, deviceId: DEVICE_ID, deviceName: 'Bookmobile tablet' });
    expect(res.status).toBe(200);
    const reply = EnrollReplySchema.parse(await res.json());
    expect(reply).toMatchObject({
      deviceId: DEVICE_ID,
      branch: { id: 'bookmobile', name: 'Bookmobile' },
    });
    expect(await findDevice(collector.database.storage, DEVICE_ID)).toMatchObject({
      branchId: 'bookmobile',
      name: 'Bookmobile tablet',
      revokedAt: null,
    });
  });

  it('accepts a code typed in lower case, with spaces and a forgotten dash', async () => {
    const code = await collector.code();
    const typed = ` ${code.toLowerCase().replace('-', ' ').replace('-', '')} `;
    expect((await enroll({ code: typed, deviceId: DEVICE_ID })).status).toBe(200);
  });

  it('refuses a code that does not exist', async () => {
    const error = await expectError(
      await enroll({ code: 'AAAA-BBBB-CCCC', deviceId: DEVICE_ID }),
      400,
      'code-invalid',
    );
    expect(error.path).toBe('code');
  });

  it('refuses something that is not a code at all as an invalid code', async () => {
    await expectError(await enroll({ code: 'hello', deviceId: DEVICE_ID }), 400, 'code-invalid');
  });

  it('refuses an expired code with 410', async () => {
    const code = await collector.code('main', 1);
    collector.clock.now = new Date(START.getTime() + HOUR_MS);
    await expectError(await enroll({ code, deviceId: DEVICE_ID }), 410, 'code-expired');
  });

  it('refuses a code used once already with 409', async () => {
    const code = await collector.code();
    expect((await enroll({ code, deviceId: DEVICE_ID })).status).toBe(200);
    await expectError(await enroll({ code, deviceId: OTHER_DEVICE_ID }), 409, 'code-used');
    expect(await findDevice(collector.database.storage, OTHER_DEVICE_ID)).toBeUndefined();
  });

  it('lets the device whose reply was lost use its code again, and no other device', async () => {
    const code = await collector.code();
    const first = (await (await enroll({ code, deviceId: DEVICE_ID })).json()) as { token: string };
    collector.clock.now = new Date(START.getTime() + 5 * 60_000);
    const retry = await enroll({ code, deviceId: DEVICE_ID });
    expect(retry.status).toBe(200);
    const second = (await retry.json()) as { token: string };
    expect(second.token).not.toBe(first.token);
    const config = (token: string) =>
      collector.app.request('/api/v1/device/config', {
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await config(first.token)).status).toBe(401);
    expect((await config(second.token)).status).toBe(200);
    await expectError(await enroll({ code, deviceId: OTHER_DEVICE_ID }), 409, 'code-used');
    // The window runs from the first use, not from the retry.
    collector.clock.now = new Date(START.getTime() + 11 * 60_000);
    await expectError(await enroll({ code, deviceId: DEVICE_ID }), 409, 'code-used');
  });

  it('does not let a revoked device undo its revocation with the code it used', async () => {
    const code = await collector.code();
    const { token } = (await (await enroll({ code, deviceId: DEVICE_ID })).json()) as {
      token: string;
    };
    collector.clock.now = new Date(START.getTime() + 2 * 60_000);
    expect(
      await revokeDevice(collector.database.storage, DEVICE_ID, collector.clock.now.toISOString()),
    ).toBe(true);

    const refused = await expectError(
      await enroll({ code, deviceId: DEVICE_ID }),
      403,
      'device-refused',
    );
    expect(refused.path).toBe('deviceId');
    const device = await findDevice(collector.database.storage, DEVICE_ID);
    expect(device?.revokedAt).not.toBeNull();
    const config = await collector.app.request('/api/v1/device/config', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(config.status).toBe(401);
    // Nor with a new code: a revoked device stays revoked.
    await expectError(
      await enroll({ code: await collector.code(), deviceId: DEVICE_ID }),
      403,
      'device-refused',
    );
    expect((await findDevice(collector.database.storage, DEVICE_ID))?.revokedAt).not.toBeNull();
  });

  it('lets only one of two devices racing for one code win', async () => {
    const code = await collector.code();
    const replies = await Promise.all([
      enroll({ code, deviceId: DEVICE_ID }),
      enroll({ code, deviceId: OTHER_DEVICE_ID }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it.each([
    ['a device id that is not a UUID', { deviceId: 'tablet-1' }, 'deviceId'],
    ['an empty device name', { deviceName: '   ' }, 'deviceName'],
    ['a device name with control characters', { deviceName: 'Tab\u0000let' }, 'deviceName'],
    ['a device name with a right-to-left override', { deviceName: 'Tab\u202elet' }, 'deviceName'],
    ['a device name with a zero-width space', { deviceName: 'Tab\u200blet' }, 'deviceName'],
    [
      'a device name with a directional isolate',
      { deviceName: '\u2068Tablet\u2069' },
      'deviceName',
    ],
  ])('answers 400 to %s', async (_case, change, path) => {
    const code = await collector.code();
    const error = await expectError(
      await enroll({ code, deviceId: DEVICE_ID, ...change }),
      400,
      'bad-request',
    );
    expect(error.path).toBe(path);
    expect(error.message).toContain(path);
  });

  it('throttles an address after 10 failed attempts in 15 minutes, and only that address', async () => {
    for (let i = 0; i < 10; i++) {
      await expectError(
        await enroll({ code: 'AAAA-BBBB-CCCC', deviceId: DEVICE_ID }),
        400,
        'code-invalid',
      );
    }
    const code = await collector.code();
    const refused = await enroll({ code, deviceId: DEVICE_ID });
    await expectError(refused, 429, 'rate-limited');
    expect(refused.headers.get('retry-after')).toBe('900');
    expect((await enroll({ code, deviceId: DEVICE_ID }, '10.0.0.8')).status).toBe(200);
    collector.clock.now = new Date(START.getTime() + 15 * 60_000);
    await expectError(await enroll({ code, deviceId: DEVICE_ID }), 409, 'code-used');
  });

  it('holds a burst of wrong codes sent at once to the limit of 10', async () => {
    const burst = await Promise.all(
      Array.from({ length: 25 }, () => enroll({ code: 'AAAA-BBBB-CCCC', deviceId: DEVICE_ID })),
    );
    const statuses = burst.map((res) => res.status);
    expect(statuses.filter((status) => status === 400)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
  });

  it('takes back the attempts of enrollments that worked', async () => {
    const codes = await Promise.all(Array.from({ length: 10 }, () => collector.code()));
    const ids = codes.map((_, i) => `0b6f6c1e-3f0a-4c55-9d8e-${String(i).padStart(12, '0')}`);
    const burst = await Promise.all(codes.map((code, i) => enroll({ code, deviceId: ids[i] })));
    expect(burst.map((res) => res.status)).toEqual(codes.map(() => 200));
    for (let i = 0; i < 10; i++) {
      await expectError(await enroll(WRONG_CODE), 400, 'code-invalid');
    }
    await expectError(await enroll(WRONG_CODE), 429, 'rate-limited');
  });

  it('throttles by /64 an IPv6 client that changes its address', async () => {
    for (let i = 1; i <= 10; i++) {
      const res = await enroll(
        { code: 'AAAA-BBBB-CCCC', deviceId: DEVICE_ID },
        `2001:db8:1:2::${i}`,
      );
      await expectError(res, 400, 'code-invalid');
    }
    const code = await collector.code();
    await expectError(
      await enroll({ code, deviceId: DEVICE_ID }, '2001:db8:1:2::99'),
      429,
      'rate-limited',
    );
    expect((await enroll({ code, deviceId: DEVICE_ID }, '2001:db8:1:3::1')).status).toBe(200);
  });

  it('enrolls a device id sent in upper case as the same device', async () => {
    const first = await collector.enroll(DEVICE_ID, 'main');
    const code = await collector.code('main');
    const res = await enroll({ code, deviceId: DEVICE_ID.toUpperCase() });
    expect(res.status).toBe(200);
    expect(EnrollReplySchema.parse(await res.json()).deviceId).toBe(DEVICE_ID);
    expect(await listDevices(collector.database.storage)).toHaveLength(1);
    const config = await collector.app.request('/api/v1/device/config', {
      headers: { authorization: `Bearer ${first}` },
    });
    expect(config.status).toBe(401);
  });

  it('re-enrolls a device of its own branch: new token, old token dead', async () => {
    const oldToken = await collector.enroll(DEVICE_ID, 'bookmobile');
    const newToken = await collector.enroll(DEVICE_ID, 'bookmobile');
    expect(newToken).not.toBe(oldToken);
    const config = (token: string) =>
      collector.app.request('/api/v1/device/config', {
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await config(oldToken)).status).toBe(401);
    const res = await config(newToken);
    expect(res.status).toBe(200);
    expect(DeviceConfigSchema.parse(await res.json()).branch.id).toBe('bookmobile');
  });

  it("refuses another branch's code for an enrolled device, which keeps its branch and token", async () => {
    const token = await collector.enroll(DEVICE_ID, 'main');
    const code = await collector.code('bookmobile');
    const error = await expectError(
      await enroll({ code, deviceId: DEVICE_ID, deviceName: 'Taken over' }),
      403,
      'device-refused',
    );
    expect(error).toMatchObject({ path: 'deviceId', message: expect.stringContaining('branch') });
    expect(await findDevice(collector.database.storage, DEVICE_ID)).toMatchObject({
      branchId: 'main',
      name: null,
      revokedAt: null,
    });
    const config = await collector.app.request('/api/v1/device/config', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(config.status).toBe(200);
    // The code was not used up: it still enrolls a new device of its branch.
    expect((await enroll({ code, deviceId: OTHER_DEVICE_ID })).status).toBe(200);
  });

  it('lets only one of two branches racing to enroll one new device id have it', async () => {
    const [main, bookmobile] = [await collector.code('main'), await collector.code('bookmobile')];
    const replies = await Promise.all([
      enroll({ code: main, deviceId: DEVICE_ID }),
      enroll({ code: bookmobile, deviceId: DEVICE_ID }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 403]);
  });

  describe('device configuration', () => {
    it('tells the device its branch, kiosk options, survey version and the server time', async () => {
      const token = await collector.enroll(DEVICE_ID, 'bookmobile');
      const res = await collector.app.request('/api/v1/device/config', {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      expect(DeviceConfigSchema.parse(await res.json())).toEqual({
        serverTime: START.toISOString(),
        deviceId: DEVICE_ID,
        deviceName: null,
        branch: { id: 'bookmobile', name: 'Bookmobile' },
        kiosk: {
          idleTimeoutSeconds: 120,
          idleWarningSeconds: 30,
          thanksSeconds: 8,
          defaultLocale: 'hu',
        },
        survey: { id: 'library-service-quality', version: 1 },
        sentKeptDays: 1,
        // No hours or look set: always open, in the collector's TIME_ZONE, the kiosk's design.
        openingHours: null,
        timeZone: TIME_ZONE,
        look: {},
        staffPin: null,
        places: [],
      });
    });

    it.each([
      ['no token', {}],
      ['a token that is not one', { authorization: 'Bearer nonsense' }],
      ['an unknown token', { authorization: `Bearer ${'A'.repeat(43)}` }],
      ['another scheme', { authorization: `Basic ${'A'.repeat(43)}` }],
    ])('answers 401 to %s', async (_case, headers) => {
      await expectError(
        await collector.app.request('/api/v1/device/config', { headers }),
        401,
        'unauthorized',
      );
    });

    it('answers 401 to a revoked device', async () => {
      const token = await collector.enroll();
      await revokeDevice(collector.database.storage, DEVICE_ID, START.toISOString());
      const error = await expectError(
        await collector.app.request('/api/v1/device/config', {
          headers: { authorization: `Bearer ${token}` },
        }),
        401,
        'unauthorized',
      );
      expect(error.message).toContain('revoked');
    });
  });
});

/** A request through a reverse proxy at `peer` that says it forwards `forwardedFor`. */
function enrollVia(collector: TestCollector, body: unknown, peer: string, forwardedFor?: string) {
  return collector.app.request(
    '/api/v1/enroll',
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      },
      body: JSON.stringify(body),
    },
    { incoming: { socket: { remoteAddress: peer } } },
  );
}

const PROXY = '10.0.0.2';
const CLIENT_A = '192.0.2.10';
const CLIENT_B = '192.0.2.20';

describe.each(testDialects)('enrollment behind a reverse proxy on $name', (dialect) => {
  let collector: TestCollector;
  const warnings: string[] = [];

  beforeEach(async () => {
    warnings.length = 0;
    collector = await startTestCollector(dialect, {
      trustedProxies: ['127.0.0.1', '10.0.0.0/24'],
      logWarning: (message) => warnings.push(message),
    });
  });
  afterEach(() => collector.close());

  it("does not stop client B when client A's codes fail through the same trusted proxy", async () => {
    for (let i = 0; i < 10; i++) {
      expect((await enrollVia(collector, WRONG_CODE, PROXY, CLIENT_A)).status).toBe(400);
    }
    expect((await enrollVia(collector, WRONG_CODE, PROXY, CLIENT_A)).status).toBe(429);
    // A cannot pass for another client by writing its own X-Forwarded-For: the proxy appends.
    expect((await enrollVia(collector, WRONG_CODE, PROXY, `${CLIENT_B}, ${CLIENT_A}`)).status).toBe(
      429,
    );
    const code = await collector.code();
    const res = await enrollVia(collector, { code, deviceId: DEVICE_ID }, PROXY, CLIENT_B);
    expect(res.status).toBe(200);
    expect(warnings).toEqual([]);
  });

  it('never throttles the proxy itself when it names no client, and says so once', async () => {
    for (let i = 0; i < 15; i++) {
      expect((await enrollVia(collector, WRONG_CODE, PROXY)).status).toBe(400);
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('X-Forwarded-For');
  });

  it('counts the clients of a forwarding peer not in TRUSTED_PROXIES apart, and warns once', async () => {
    const unlisted = '198.51.100.1';
    for (let i = 0; i < 10; i++) {
      expect((await enrollVia(collector, WRONG_CODE, unlisted, CLIENT_A)).status).toBe(400);
    }
    expect((await enrollVia(collector, WRONG_CODE, unlisted, CLIENT_A)).status).toBe(429);
    const code = await collector.code();
    const res = await enrollVia(collector, { code, deviceId: DEVICE_ID }, unlisted, CLIENT_B);
    expect(res.status).toBe(200);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('TRUSTED_PROXIES');
    expect(warnings[0]).toContain(unlisted);
  });

  it('holds a client that invents a new X-Forwarded-For each time to the cap of its forwarder', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 101; i++) {
      const invented = `203.0.113.${i}`;
      statuses.push((await enrollVia(collector, WRONG_CODE, '198.51.100.1', invented)).status);
    }
    expect(statuses.filter((status) => status === 400)).toHaveLength(100);
    expect(statuses.at(-1)).toBe(429);
  });
});
