/** The staff PIN's hash in the device configuration: kept for the PIN check offline. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageOf } from '../../../test/fixtures/surveys';
import type { DeviceConfig } from '../../shared/contract/device';
import type { StaffPinHash } from '../../shared/contract/staff-pin';
import { getStaffPin, saveStaffPin, staffPinFacts } from '../store';
import { createCollectorApi } from './collector-api';
import { createSyncEngine } from './sync-engine';
import { COLLECTOR_URL } from './testing/engine-harness';
import { FakeClock, TEST_START } from './testing/fake-clock';
import { FakeCollector, json } from './testing/fake-collector';
import { dropStore, enroll, freshStore } from './testing/outbox';

const PIN_HASH: StaffPinHash = {
  algorithm: 'PBKDF2-SHA256',
  iterations: 600_000,
  salt: '0f'.repeat(16),
  hash: 'a1'.repeat(32),
};
const fixture = packageOf([{ id: 'overall', type: 'rating', scale: 'satisfaction' }]);

function setup() {
  const clock = new FakeClock();
  const collector = new FakeCollector(clock.now, 0);
  const deps = { baseUrl: COLLECTOR_URL, fetch: collector.fetch, now: clock.now, timers: clock };
  const engine = createSyncEngine({ ...deps, random: () => 0.5, isOnline: () => true });
  return { collector, api: createCollectorApi(deps, engine) };
}

function config(deviceId: string, staffPin?: StaffPinHash | null): Record<string, unknown> {
  return {
    serverTime: new Date(TEST_START).toISOString(),
    deviceId,
    deviceName: null,
    branch: { id: 'bookmobile', name: 'Bookmobile' },
    kiosk: {},
    survey: { id: fixture.id, version: 1 },
    ...(staffPin === undefined ? {} : { staffPin }),
  } satisfies Partial<Record<keyof DeviceConfig, unknown>>;
}

beforeEach(() => freshStore());
afterEach(() => dropStore());

describe('the staff PIN in the device configuration', () => {
  it('keeps the branch’s hash, and the device then asks for the PIN', async () => {
    const { api, collector } = setup();
    const { deviceId } = await enroll(TEST_START - 1000);
    collector.script(json(200, config(deviceId, PIN_HASH)), json(200, fixture));
    expect(await api.refreshDeviceConfig()).toMatchObject({ ok: true });
    expect(await getStaffPin()).toEqual(PIN_HASH);
    expect(await staffPinFacts()).toMatchObject({ enrolled: true, pin: PIN_HASH });
  });

  it('forgets it when the branch cleared its PIN', async () => {
    const { api, collector } = setup();
    const { deviceId } = await enroll(TEST_START - 1000);
    await saveStaffPin(PIN_HASH);
    collector.script(json(200, config(deviceId, null)), json(200, fixture));
    expect(await api.refreshDeviceConfig()).toMatchObject({ ok: true });
    expect(await getStaffPin()).toBeNull();
  });

  it('keeps what it had when a collector from before PINs says nothing', async () => {
    const { api, collector } = setup();
    const { deviceId } = await enroll(TEST_START - 1000);
    await saveStaffPin(PIN_HASH);
    collector.script(json(200, config(deviceId)), json(200, fixture));
    expect(await api.refreshDeviceConfig()).toMatchObject({ ok: true });
    expect(await getStaffPin()).toEqual(PIN_HASH);
  });

  it('refuses a configuration whose hash is too weak to keep', async () => {
    const { api, collector } = setup();
    const { deviceId } = await enroll(TEST_START - 1000);
    collector.script(json(200, config(deviceId, { ...PIN_HASH, iterations: 1000 })));
    expect(await api.refreshDeviceConfig()).toMatchObject({ ok: false, code: 'unexpected-reply' });
    expect(await getStaffPin()).toBeUndefined();
  });
});
