import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCollector, type TestCollector } from '../../../../test/fixtures/collector';
import { testDialects } from '../../../../test/fixtures/test-databases';
import { checkStaffPin } from '../../../app/staff/pin-check';
import { DeviceConfigSchema } from '../../../shared/contract/device';
import { STAFF_PIN_MIN_ITERATIONS } from '../../../shared/contract/staff-pin';
import { hashStaffPin } from '../../devices/staff-pin';
import { clearBranchStaffPin, setBranchStaffPin } from '../../storage';

describe.each(testDialects)('the staff PIN in the device configuration on $name', (dialect) => {
  let collector: TestCollector;
  beforeEach(async () => {
    collector = await startTestCollector(dialect);
  });
  afterEach(() => collector.close());

  async function configOf(token: string) {
    const reply = await collector.app.request('/api/v1/device/config', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(reply.status).toBe(200);
    const parsed = DeviceConfigSchema.safeParse(await reply.json());
    if (!parsed.success) throw parsed.error;
    return parsed.data;
  }

  it('is null while the branch has none', async () => {
    const token = await collector.enroll();
    expect((await configOf(token)).staffPin).toBeNull();
  });

  it('carries the branch’s hash, which the device’s check accepts, and never the PIN', async () => {
    const stored = await hashStaffPin('7305', STAFF_PIN_MIN_ITERATIONS);
    await setBranchStaffPin(collector.database.storage, 'main', stored, '2026-06-01T09:00:00.000Z');
    const token = await collector.enroll();
    const config = await configOf(token);
    expect(config.staffPin).toEqual(stored);
    expect(JSON.stringify(config)).not.toContain('7305');
    if (!config.staffPin) throw new Error('no PIN delivered');
    expect(await checkStaffPin('7305', config.staffPin)).toBe(true);
    expect(await checkStaffPin('7306', config.staffPin)).toBe(false);
  });

  it('goes with the device’s own branch, and is null again once cleared', async () => {
    const stored = await hashStaffPin('7305', STAFF_PIN_MIN_ITERATIONS);
    await setBranchStaffPin(collector.database.storage, 'main', stored, '2026-06-01T09:00:00.000Z');
    const main = await collector.enroll();
    const bookmobile = await collector.enroll('7d1c9b2a-5e4f-4a3b-8c2d-1e0f9a8b7c6d', 'bookmobile');
    expect((await configOf(bookmobile)).staffPin).toBeNull();
    expect(await clearBranchStaffPin(collector.database.storage, 'main')).toBe(true);
    expect((await configOf(main)).staffPin).toBeNull();
    expect(await clearBranchStaffPin(collector.database.storage, 'main')).toBe(false);
  });
});

describe('the device configuration schema', () => {
  it('reads a configuration from a collector from before staff PINs, with none', () => {
    const parsed = DeviceConfigSchema.safeParse({
      serverTime: '2026-06-01T09:00:00.000Z',
      deviceId: '7d1c9b2a-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      deviceName: null,
      branch: { id: 'main', name: 'Main library' },
      kiosk: {},
      survey: { id: 'library-service-quality', version: 1 },
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.staffPin).toBeUndefined();
  });
});
