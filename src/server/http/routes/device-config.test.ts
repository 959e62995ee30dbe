import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCollector, type TestCollector } from '../../../../test/fixtures/collector';
import { testDialects } from '../../../../test/fixtures/test-databases';
import { DEFAULT_SENT_KEPT_DAYS } from '../../../shared/contract/constants';
import { DeviceConfigSchema } from '../../../shared/contract/device';
import { insertPlace, removePlace, updateBranch } from '../../storage';

describe.each(testDialects)('the device configuration on $name', (dialect) => {
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
    const body: unknown = await reply.json();
    expect(DeviceConfigSchema.safeParse(body).success).toBe(true);
    return body as Record<string, unknown>;
  }

  it('says how many days the device keeps a sent response: its branch’s, one unless set', async () => {
    const token = await collector.enroll();
    expect((await configOf(token)).sentKeptDays).toBe(DEFAULT_SENT_KEPT_DAYS);
    expect(DEFAULT_SENT_KEPT_DAYS).toBe(1);
    await updateBranch(collector.database.storage, 'main', { sentKeptDays: 0 });
    expect((await configOf(token)).sentKeptDays).toBe(0);
    await updateBranch(collector.database.storage, 'main', { sentKeptDays: 7 });
    expect((await configOf(token)).sentKeptDays).toBe(7);
  });

  it('keeps each branch’s own setting', async () => {
    await updateBranch(collector.database.storage, 'bookmobile', { sentKeptDays: 3 });
    const main = await collector.enroll();
    const bookmobile = await collector.enroll('7d1c9b2a-5e4f-4a3b-8c2d-1e0f9a8b7c6d', 'bookmobile');
    expect((await configOf(main)).sentKeptDays).toBe(1);
    expect((await configOf(bookmobile)).sentKeptDays).toBe(3);
  });

  it('lists the branch’s places, its own only, and none when it has none', async () => {
    const storage = collector.database.storage;
    const main = await collector.enroll();
    const bookmobile = await collector.enroll('7d1c9b2a-5e4f-4a3b-8c2d-1e0f9a8b7c6d', 'bookmobile');
    expect((await configOf(bookmobile)).places).toEqual([]);
    const at = '2026-11-20T10:00:00.000Z';
    await insertPlace(storage, {
      id: 'stop0001',
      branchId: 'bookmobile',
      name: 'School',
      createdAt: at,
    });
    await insertPlace(storage, {
      id: 'stop0002',
      branchId: 'bookmobile',
      name: 'Market square',
      createdAt: at,
    });
    await insertPlace(storage, {
      id: 'desk0001',
      branchId: 'main',
      name: 'Second floor',
      createdAt: at,
    });
    expect((await configOf(bookmobile)).places).toEqual([
      { id: 'stop0002', name: 'Market square' },
      { id: 'stop0001', name: 'School' },
    ]);
    expect((await configOf(main)).places).toEqual([{ id: 'desk0001', name: 'Second floor' }]);
    await removePlace(storage, 'bookmobile', 'School');
    expect((await configOf(bookmobile)).places).toEqual([
      { id: 'stop0002', name: 'Market square' },
    ]);
  });

  it('is read by a device from before places as having none', () => {
    const { places: _places, ...older } = DeviceConfigSchema.parse({
      serverTime: '2026-11-20T10:00:00.000Z',
      deviceId: '7d1c9b2a-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      deviceName: null,
      branch: { id: 'main', name: 'Main' },
      kiosk: {},
      survey: { id: 'library-satisfaction', version: 1 },
    });
    expect(DeviceConfigSchema.parse(older).places).toEqual([]);
  });
});
