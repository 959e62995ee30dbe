import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { START, startTestCollector, type TestCollector } from '../../../../test/fixtures/collector';
import { DEVICE_ID } from '../../../../test/fixtures/responses';
import { testDialects } from '../../../../test/fixtures/test-databases';
import { ApiErrorSchema, DeviceConfigSchema, EnrollReplySchema } from '../../../shared/index';
import { findDevice, revokeDevice } from '../../storage';

const HOUR_MS = 3_600_000;
const OTHER_DEVICE_ID = '7d1c9b2a-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

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

    await expectError(await enroll({ code, deviceId: DEVICE_ID }), 409, 'code-used');
    const device = await findDevice(collector.database.storage, DEVICE_ID);
    expect(device?.revokedAt).not.toBeNull();
    const config = await collector.app.request('/api/v1/device/config', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(config.status).toBe(401);
    // A new code from staff enrolls it again.
    expect((await enroll({ code: await collector.code(), deviceId: DEVICE_ID })).status).toBe(200);
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
  ])('answers 400 to %s', async (_case, change, path) => {
    const code = await collector.code();
    const error = await expectError(
      await enroll({ code, deviceId: DEVICE_ID, ...change }),
      400,
      'bad-request',
    );
    expect(error.path).toBe(path);
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

  it('re-enrolls a device: new token and branch, revocation lifted, old token dead', async () => {
    const oldToken = await collector.enroll(DEVICE_ID, 'main');
    await revokeDevice(collector.database.storage, DEVICE_ID, START.toISOString());
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
