import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageOf } from '../../../test/fixtures/surveys';
import { ENROLLMENT_CODE_PROBLEMS } from '../../shared/contract/api-error';
import type { DeviceConfig } from '../../shared/contract/device';
import { apiPath, ENDPOINTS } from '../../shared/contract/endpoints';
import { BUILT_IN_SURVEYS, DEFAULT_SURVEY_ID } from '../../surveys';
import {
  cachedSurvey,
  ensureDeviceId,
  getEnrollment,
  getKioskOptions,
  getSentKeptDays,
  getSyncState,
  markSynced,
  readSetting,
  updateSyncState,
} from '../store';
import { db } from '../store/database';
import { createCollectorApi } from './collector-api';
import { SYNC_REQUEST_TIMEOUT_MS } from './http';
import { createSyncEngine } from './sync-engine';
import { COLLECTOR_URL } from './testing/engine-harness';
import { FakeClock, TEST_START } from './testing/fake-clock';
import {
  type Answer,
  apiError,
  FakeCollector,
  hang,
  json,
  networkError,
  text,
} from './testing/fake-collector';
import { dropStore, enroll, freshStore, queueResponses } from './testing/outbox';

const DAY_MS = 86_400_000;

const ENROLL_PATH = apiPath(ENDPOINTS.enroll);
const DEVICE_CONFIG_PATH = apiPath(ENDPOINTS.deviceConfig);
const surveyPath = (id: string) => apiPath(ENDPOINTS.survey, { id });
const CODE = 'K7QM-4XPA-93TW';
const TOKEN = 'a-token-the-collector-made'.padEnd(43, 'z');

function setup(clockAheadMs = 0) {
  const clock = new FakeClock();
  const collector = new FakeCollector(clock.now, clockAheadMs);
  const deps = { baseUrl: COLLECTOR_URL, fetch: collector.fetch, now: clock.now, timers: clock };
  const engine = createSyncEngine({ ...deps, random: () => 0.5, isOnline: () => true });
  const api = createCollectorApi(deps, engine);
  return { clock, collector, api, engine };
}

beforeEach(() => freshStore());
afterEach(() => dropStore());

describe('enrolling the device', () => {
  it('sends the code as staff meant it with the device id, and keeps the token and branch', async () => {
    const { api, collector, clock } = setup();
    const deviceId = await ensureDeviceId();
    await updateSyncState({
      lastError: { code: 'unauthorized', at: TEST_START - 1 },
      failures: 4,
      nextAttemptAt: TEST_START + 60_000,
    });
    collector.script(json(200, { token: TOKEN, deviceId, branch: { id: 'east', name: 'East' } }));

    const result = await api.enrollDevice(' k7qm 4xpa-93tw ', '\u2066Entrance\n\u200btablet\u2069');

    expect(collector.requests[0]).toMatchObject({
      url: `${COLLECTOR_URL}${ENROLL_PATH}`,
      method: 'POST',
      body: { code: CODE, deviceId, deviceName: 'Entrance tablet' },
    });
    const enrollment = { token: TOKEN, deviceId, branch: { id: 'east', name: 'East' } };
    expect(result).toEqual({ ok: true, enrollment: { ...enrollment, enrolledAt: clock.now() } });
    expect(await getEnrollment()).toEqual({ ...enrollment, enrolledAt: clock.now() });
    expect(await getSyncState()).toMatchObject({ failures: 0, lastError: undefined });
    expect((await getSyncState()).nextAttemptAt).toBeUndefined();
  });

  it('refuses a typed text that cannot be a code without asking the collector', async () => {
    const { api, collector } = setup();
    expect(await api.enrollDevice('K7QM-4XPA')).toEqual({ ok: false, code: 'code-invalid' });
    expect(collector.requests).toHaveLength(0);
  });

  it.each<[string, Answer, Record<string, unknown>]>([
    [
      'an unknown code',
      apiError(400, 'code-invalid', 'no such code', 'code'),
      { code: 'code-invalid' },
    ],
    ['an expired code', apiError(410, 'code-expired', 'expired', 'code'), { code: 'code-expired' }],
    ['a used code', apiError(409, 'code-used', 'used', 'code'), { code: 'code-used' }],
    [
      "another branch's or a revoked device",
      apiError(403, 'device-refused', 'refused', 'deviceId'),
      { code: 'device-refused' },
    ],
    ['a 403 that names nothing', text(403, 'Forbidden'), { code: 'unexpected-reply' }],
    [
      'too many wrong codes',
      json(429, { error: { code: 'rate-limited', message: 'wait' } }, { 'Retry-After': '90' }),
      { code: 'rate-limited', retryAfterMs: 90_000 },
    ],
    ['a 410 from something that is not the collector', text(410, 'Gone'), { code: 'code-expired' }],
    ['no network', networkError(), { code: 'offline' }],
    ['a broken collector', apiError(500, 'internal', 'boom'), { code: 'server-error' }],
    ["a captive portal's page", text(200, '<html>Sign in</html>'), { code: 'unexpected-reply' }],
    [
      'an invalid request the collector blames on us',
      apiError(400, 'bad-request', 'deviceName'),
      { code: 'unexpected-reply' },
    ],
  ])('reports %s with a stable code and keeps no enrollment', async (_, answer, expected) => {
    const { api, collector } = setup();
    collector.script(answer);
    expect(await api.enrollDevice(CODE)).toMatchObject({ ok: false, ...expected });
    expect(await getEnrollment()).toBeUndefined();
  });

  it.each(ENROLLMENT_CODE_PROBLEMS)(
    'has a text for the enrollment screen when the collector answers %s',
    (problem) => {
      const path = new URL('../../../locales/en/app.json', import.meta.url);
      const texts = JSON.parse(readFileSync(path, 'utf8')) as {
        staff: { enroll: { errors: Record<string, string> } };
      };
      expect(texts.staff.enroll.errors[problem]).toEqual(expect.any(String));
    },
  );

  it('reports a collector that does not answer in time as a timeout', async () => {
    const { api, collector, clock } = setup();
    collector.script(hang());
    const enrolling = api.enrollDevice(CODE);
    await collector.nextRequest();
    clock.advance(SYNC_REQUEST_TIMEOUT_MS);
    expect(await enrolling).toEqual({ ok: false, code: 'timeout' });
  });
});

describe('refreshing the device configuration', () => {
  const fixture = { ...packageOf([{ id: 'overall', type: 'rating', scale: 'satisfaction' }]) };
  const ETAG = '"v2-etag"';

  /** A device configuration; without `sentKeptDays`, as a collector from before it sends. */
  function config(
    deviceId: string,
    survey: DeviceConfig['survey'],
    sentKeptDays?: number,
  ): Omit<DeviceConfig, 'sentKeptDays' | 'places' | 'openingHours' | 'look'> & {
    sentKeptDays?: number;
  } {
    return {
      ...(sentKeptDays === undefined ? {} : { sentKeptDays }),
      serverTime: new Date(TEST_START + 90_000).toISOString(),
      deviceId,
      deviceName: 'Entrance tablet',
      branch: { id: 'north', name: 'North Branch, renamed' },
      kiosk: {
        idleTimeoutSeconds: 120,
        idleWarningSeconds: 30,
        thanksSeconds: 8,
        defaultLocale: 'lt',
      },
      survey,
    };
  }

  it('asks nothing before the device is enrolled', async () => {
    const { api, collector } = setup();
    expect(await api.refreshDeviceConfig()).toEqual({ ok: false, code: 'not-enrolled' });
    expect(collector.requests).toHaveLength(0);
  });

  it('keeps the kiosk options, branch name, survey package and clock offset', async () => {
    const { api, collector } = setup();
    const { deviceId, token } = await enroll(TEST_START - 1000);
    const pkg = { ...fixture, version: 2 };
    collector.script(
      json(200, config(deviceId, { id: pkg.id, version: 2 })),
      json(200, pkg, { ETag: ETAG }),
    );

    const result = await api.refreshDeviceConfig();

    expect(result).toMatchObject({
      ok: true,
      survey: { status: 'updated', active: { id: pkg.id, version: 2 } },
    });
    expect(collector.requests.map((r) => [r.url, r.headers.get('Authorization')])).toEqual([
      [`${COLLECTOR_URL}${DEVICE_CONFIG_PATH}`, `Bearer ${token}`],
      [`${COLLECTOR_URL}${surveyPath(pkg.id)}`, null],
    ]);
    expect(await getKioskOptions()).toMatchObject({ idleTimeoutSeconds: 120, defaultLocale: 'lt' });
    expect((await getEnrollment())?.branch).toEqual({ id: 'north', name: 'North Branch, renamed' });
    expect(await readSetting('activeSurvey')).toEqual({ id: pkg.id, version: 2 });
    expect(await cachedSurvey(pkg.id)).toMatchObject({ etag: ETAG, package: { version: 2 } });
    expect((await getSyncState()).clockOffsetMs).toBe(90_000);
  });

  it.each<[number | undefined, number[], string]>([
    [3, [2, 0.5], 'keeps the branch’s days'],
    [0, [], 'with 0, deletes everything acknowledged'],
    [undefined, [0.5], 'from a collector that sends none, keeps one day'],
  ])('sentKeptDays %s: keeps what was acknowledged %j days ago (%s)', async (days, kept) => {
    const { api, collector } = setup();
    const { deviceId } = await enroll(TEST_START - 1000);
    const ages = [5, 2, 0.5]; // days since the collector acknowledged each
    const ids = await queueResponses(ages.length);
    for (const [i, age] of ages.entries()) {
      // Acknowledged a minute short of `age` days ago.
      await markSynced([ids[i] ?? ''], TEST_START - age * DAY_MS + 60_000);
    }
    collector.script(
      json(200, config(deviceId, { id: fixture.id, version: 1 }, days)),
      json(200, fixture, { ETag: ETAG }),
    );

    expect(await api.refreshDeviceConfig()).toMatchObject({ ok: true });

    expect(await getSentKeptDays()).toBe(days ?? 1);
    const left = await Promise.all(ids.map((id) => db.responses.get(id)));
    expect(left.map((r) => r !== undefined)).toEqual(ages.map((age) => kept.includes(age)));
  });

  it('revalidates the cached package with its ETag and keeps it on 304', async () => {
    const { api, collector } = setup();
    const { deviceId } = await enroll(TEST_START - 1000);
    collector.script(
      json(200, config(deviceId, { id: fixture.id, version: 1 })),
      json(200, fixture, { ETag: ETAG }),
      json(200, config(deviceId, { id: fixture.id, version: 1 })),
      () => new Response(null, { status: 304, headers: { ETag: ETAG } }),
    );
    await api.refreshDeviceConfig();

    const again = await api.refreshDeviceConfig();

    expect(collector.requests[3]?.headers.get('If-None-Match')).toBe(ETAG);
    expect(again).toMatchObject({ ok: true, survey: { status: 'unchanged' } });
    expect(await cachedSurvey(fixture.id)).toMatchObject({ etag: ETAG, package: { version: 1 } });
  });

  it('ignores and reports an invalid package, and the cached one stays in use', async () => {
    const { api, collector } = setup();
    const { deviceId } = await enroll(TEST_START - 1000);
    const broken = { ...fixture, version: 2, translations: { ...fixture.translations, lt: {} } };
    collector.script(
      json(200, config(deviceId, { id: fixture.id, version: 1 })),
      json(200, fixture, { ETag: ETAG }),
      json(200, config(deviceId, { id: fixture.id, version: 2 })),
      json(200, broken, { ETag: '"broken"' }),
    );
    await api.refreshDeviceConfig();

    const result = await api.refreshDeviceConfig();

    expect(result).toMatchObject({
      ok: true,
      survey: {
        status: 'invalid',
        problem: expect.stringContaining('translations.lt'),
        active: { id: fixture.id, version: 1 },
      },
    });
    expect(await cachedSurvey(fixture.id)).toMatchObject({ etag: ETAG, package: { version: 1 } });
    expect(await readSetting('activeSurvey')).toEqual({ id: fixture.id, version: 1 });
  });

  it('runs the built-in survey when its package cannot be fetched', async () => {
    const { api, collector } = setup();
    const { deviceId } = await enroll(TEST_START - 1000);
    const builtIn = BUILT_IN_SURVEYS.find((s) => s.id === DEFAULT_SURVEY_ID);
    collector.script(
      json(200, config(deviceId, { id: DEFAULT_SURVEY_ID, version: 1 })),
      networkError(),
    );

    expect(await api.refreshDeviceConfig()).toMatchObject({
      ok: true,
      survey: {
        status: 'unavailable',
        active: { id: DEFAULT_SURVEY_ID, version: builtIn?.version },
      },
    });
  });

  it('records a refused token so sync stops until staff re-enroll', async () => {
    const { api, collector, clock } = setup();
    await enroll(TEST_START - 1000);
    collector.script(apiError(401, 'unauthorized', 'revoked'));

    expect(await api.refreshDeviceConfig()).toEqual({ ok: false, code: 'unauthorized' });
    expect((await getSyncState()).lastError).toEqual({ code: 'unauthorized', at: clock.now() });
    expect(await getEnrollment()).toBeDefined();
  });

  it('keeps no refusal of the old token when staff re-enrolled while the request was out', async () => {
    const { api, collector, engine } = setup();
    await enroll(TEST_START - 1000, 'old-token'.padEnd(43, 'o'));
    const refused = apiError(401, 'unauthorized', 'replaced');
    collector.script(async (request, signal) => {
      // Staff enroll again while the configuration request with the old token is out.
      await enroll(TEST_START, TOKEN);
      await engine.record({ kind: 'enrolled' });
      return refused(request, signal);
    });

    expect(await api.refreshDeviceConfig()).toEqual({ ok: false, code: 'unauthorized' });
    expect((await getSyncState()).lastError).toBeUndefined();
    expect((await getEnrollment())?.token).toBe(TOKEN);
  });

  it.each<[string, Answer, string]>([
    ['no network', networkError(), 'offline'],
    ['a broken collector', text(502, 'Bad gateway'), 'server-error'],
    ["a captive portal's page", text(200, '<html>Sign in</html>'), 'unexpected-reply'],
  ])('reports %s and changes nothing', async (_, answer, code) => {
    const { api, collector } = setup();
    await enroll(TEST_START - 1000);
    collector.script(answer);
    expect(await api.refreshDeviceConfig()).toMatchObject({ ok: false, code });
    expect(await readSetting('activeSurvey')).toBeUndefined();
  });
});
