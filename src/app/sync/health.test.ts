/**
 * The kiosk's health report: built from the store's counts and the browser's storage, sent
 * with each batch (its waiting count kept current), kept by the real collector (through
 * app.request) and printed by `device list`; never sent from a phone's public link.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testHost } from '../../../test/fixtures/cli-host';
import { startTestCollector, type TestCollector } from '../../../test/fixtures/collector';
import { DEVICE_ID, makePhoneResponse, makeResponse } from '../../../test/fixtures/responses';
import { completeAnswers } from '../../../test/fixtures/survey-package';
import { testDialects } from '../../../test/fixtures/test-databases';
import { main } from '../../server/collector';
import { batchLimitProblem } from '../../server/ingest/record-limits';
import { findDevice } from '../../server/storage';
import { DeviceHealthSchema } from '../../shared/contract/device-health';
import { apiPath, ENDPOINTS } from '../../shared/contract/endpoints';
import type { SyncBatchReply } from '../../shared/contract/sync';
import { quarantineResponses, saveDraft, submitDraft } from '../store';
import { SYNC_BATCH_RECORDS } from './batch';
import { createCollectorApi } from './collector-api';
import { type HealthSource, readDeviceHealth } from './health';
import { createSyncEngine } from './sync-engine';
import { linkTarget } from './target';
import { harness, stopEngines } from './testing/engine-harness';
import { FakeClock } from './testing/fake-clock';
import { batchOf } from './testing/fake-collector';
import { FakeLocks } from './testing/fake-locks';
import { dropStore, enroll, freshStore, queueResponses } from './testing/outbox';

const MIB = 1024 * 1024;

/** A tablet well on its way to full: 900 MiB of a 1 GiB quota, persistent storage granted. */
const TABLET: HealthSource = {
  appVersion: '2026.11.2',
  storage: {
    estimate: async () => ({ usage: 900 * MIB, quota: 1024 * MIB }),
    persisted: async () => true,
  },
};

beforeEach(() => freshStore());
afterEach(async () => {
  await stopEngines();
  await dropStore();
});

describe('readDeviceHealth', () => {
  it('counts what waits and what was refused, and reads the storage the browser reports', async () => {
    const [refused] = await queueResponses(3);
    await quarantineResponses([{ id: refused as string, outcome: 'rejected', reason: 'test' }]);
    const health = await readDeviceHealth(TABLET);
    expect(health).toEqual({
      appVersion: '2026.11.2',
      responses: { waiting: 2, quarantined: 1 },
      storage: { usedBytes: 900 * MIB, quotaBytes: 1024 * MIB, persistent: true },
    });
    expect(DeviceHealthSchema.safeParse(health).success).toBe(true);
  });

  it('leaves the storage out where the browser has no StorageManager or refuses it', async () => {
    expect(await readDeviceHealth({ appVersion: 'dev' })).toEqual({
      appVersion: 'dev',
      responses: { waiting: 0, quarantined: 0 },
      storage: {},
    });
    const refusing: HealthSource = {
      appVersion: 'dev',
      storage: {
        estimate: () => Promise.reject(new Error('SecurityError')),
        persisted: async () => false,
      },
    };
    expect(await readDeviceHealth(refusing)).toEqual({
      appVersion: 'dev',
      responses: { waiting: 0, quarantined: 0 },
      storage: { persistent: false },
    });
  });
});

describe('the sync request', () => {
  it("carries the kiosk's health with every batch, what still waits after each batch", async () => {
    await enroll(0);
    await queueResponses(SYNC_BATCH_RECORDS + 50);
    const h = harness();
    const engine = createSyncEngine({ ...h.deps, health: TABLET });
    h.collector.otherwise(h.collector.ingest());
    h.collector.script(h.collector.health());

    expect(await engine.syncNow('start')).toMatchObject({
      outcome: 'done',
      acknowledged: SYNC_BATCH_RECORDS + 50,
    });

    const batches = h.collector.requests.filter((r) => r.method === 'POST');
    expect(batches.map((r) => batchOf(r).length)).toEqual([SYNC_BATCH_RECORDS, 50]);
    expect(batches.map((r) => (r.body as { health?: unknown }).health)).toEqual([
      {
        appVersion: '2026.11.2',
        responses: { waiting: 50, quarantined: 0 },
        storage: { usedBytes: 900 * MIB, quotaBytes: 1024 * MIB, persistent: true },
      },
      expect.objectContaining({ responses: { waiting: 0, quarantined: 0 } }),
    ]);
    // Within what a collector looks at before parsing, one from before the report included:
    // the report must never get a batch refused.
    for (const batch of batches)
      expect(batchLimitProblem(JSON.stringify(batch.body))).toBeUndefined();
  });

  it("carries none from a phone's public link", async () => {
    const token = 'Abc_-0123456789abcdefghijklmnopq';
    const id = crypto.randomUUID();
    await saveDraft({
      id,
      surveyId: 'library-service-quality',
      surveyVersion: 1,
      locale: 'sl',
      channel: 'qr',
      link: { token, branchId: 'south' },
      startedAt: '2026-11-20T08:58:00.000Z',
      answers: { recommend: 9 },
    });
    await submitDraft(id, new Date('2026-11-20T08:59:00.000Z'));
    const h = harness();
    const engine = createSyncEngine({ ...h.deps, target: linkTarget(token), health: TABLET });
    h.collector.otherwise(h.collector.ingest());
    h.collector.script(h.collector.health());

    expect(await engine.syncNow('start')).toMatchObject({ acknowledged: 1 });
    const batch = h.collector.requests.find((r) => r.method === 'POST');
    expect(batch?.body).not.toHaveProperty('health');
  });
});

describe.each(testDialects)('the collector on $name', (dialect) => {
  let collector: TestCollector;
  beforeEach(async () => {
    collector = await startTestCollector(dialect);
  });
  afterEach(() => collector.close());

  it('keeps the latest report per device, and `device list` prints it', async () => {
    const clock = new FakeClock();
    const deps = {
      baseUrl: 'http://collector.test',
      fetch: (url: string, init: RequestInit) => Promise.resolve(collector.app.request(url, init)),
      now: clock.now,
      random: () => 0.5,
      timers: clock,
      locks: new FakeLocks(),
      isOnline: () => true,
      health: TABLET,
    };
    const engine = createSyncEngine(deps);
    const api = createCollectorApi(deps, engine);
    await queueResponses(2, (i) =>
      i === 1 ? { ...completeAnswers(), 'overall-satisfaction': 9 } : completeAnswers(),
    );
    const enrolled = await api.enrollDevice(await collector.code('main'), 'Bookmobile 1');
    if (!enrolled.ok) throw new Error(`enrollment failed: ${enrolled.code}`);
    expect(await engine.syncNow('enrolled')).toMatchObject({ acknowledged: 1, quarantined: 1 });

    const device = await findDevice(collector.database.storage, enrolled.enrollment.deviceId);
    expect(device?.health).toEqual({
      appVersion: '2026.11.2',
      // The one refused in this very batch is counted with the next report.
      responses: { waiting: 0, quarantined: 0 },
      storage: { usedBytes: 900 * MIB, quotaBytes: 1024 * MIB, persistent: true },
      reportedAt: collector.clock.now.toISOString(),
    });

    // The next run carries the refused one: the latest report replaces the one before.
    await queueResponses(1, () => completeAnswers());
    await engine.syncNow('manual');
    const latest = await findDevice(collector.database.storage, enrolled.enrollment.deviceId);
    expect(latest?.health).toMatchObject({ responses: { waiting: 0, quarantined: 1 } });

    const host = testHost(collector.database.env);
    await main(['device', 'list'], host);
    const [header, row] = host.output.join('\n').split('\n');
    expect(header).toMatch(
      /VERSION\s+WAITING\s+QUARANTINED\s+STORAGE USED\s+PERSISTENT\s+REPORTED\s+ATTENTION$/,
    );
    expect(row).toContain('Bookmobile 1');
    expect(row).toMatch(
      /2026\.11\.2\s+0\s+1\s+900\.0 MiB of 1\.0 GiB \(88%\)\s+yes\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC\s+⚠ 1 refused, kept on the device; ⚠ storage over 80% full$/,
    );
  });

  it('ignores a report that does not fit, keeps the one before, and takes the batch all the same', async () => {
    const token = await collector.enroll(DEVICE_ID, 'main');
    const path = apiPath(ENDPOINTS.responses);
    const good = { appVersion: 'v1', responses: { waiting: 3, quarantined: 0 }, storage: {} };
    expect(
      (await collector.post(path, { responses: [makeResponse()], health: good }, token)).status,
    ).toBe(200);
    const broken = { appVersion: '', responses: { waiting: -1 }, storage: 'full' };
    const res = await collector.post(path, { responses: [makeResponse()], health: broken }, token);
    expect(res.status).toBe(200);
    expect(((await res.json()) as SyncBatchReply).results.map((r) => r.outcome)).toEqual([
      'accepted',
    ]);
    expect((await findDevice(collector.database.storage, DEVICE_ID))?.health).toMatchObject(good);
  });

  it("keeps no report sent on a public link's endpoint", async () => {
    const link = await collector.link('main');
    const phone = makePhoneResponse();
    const res = await collector.post(
      apiPath(ENDPOINTS.publicResponses),
      {
        responses: [phone],
        health: { appVersion: 'v1', responses: { waiting: 0, quarantined: 0 }, storage: {} },
      },
      link,
    );
    expect(res.status).toBe(200);
    const devices = await collector.database.storage.db
      .selectFrom('devices')
      .select('health')
      .execute();
    expect(devices.every((d) => d.health === null)).toBe(true);
  });
});
