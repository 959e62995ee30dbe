import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCollector, type TestCollector } from '../../../../test/fixtures/collector';
import { SURVEY_ID, surveyPackage } from '../../../../test/fixtures/survey-package';
import { testDialects } from '../../../../test/fixtures/test-databases';
import { ApiErrorSchema, SurveyPackageSchema } from '../../../shared/index';
import { publishSurveyPackage } from '../../surveys/publish';
import { createApp } from '../app';
import { etagMatches } from './surveys';

describe.each([
  [undefined, false],
  ['"abc"', true],
  ['W/"abc"', true],
  ['"x", W/"abc"', true],
  ['*', true],
  ['"abcd"', false],
])('etagMatches(%j, "abc")', (header, expected) => {
  it(`is ${expected}`, () => expect(etagMatches(header, '"abc"')).toBe(expected));
});

describe.each(testDialects)('survey packages, schema and health on $name', (dialect) => {
  let collector: TestCollector;

  beforeEach(async () => {
    collector = await startTestCollector(dialect);
  });
  afterEach(() => collector.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    collector.app.request(path, { headers });

  it('serves the latest package with a strong ETag and no-cache, without a token', async () => {
    const res = await get(`/api/v1/surveys/${SURVEY_ID}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const pkg = SurveyPackageSchema.parse(await res.json());
    expect(pkg).toEqual(surveyPackage());
  });

  it('answers 304 when If-None-Match holds the current ETag, also in its weak form', async () => {
    const etag = (await get(`/api/v1/surveys/${SURVEY_ID}`)).headers.get('etag') ?? '';
    for (const tag of [etag, `W/${etag}`]) {
      const res = await get(`/api/v1/surveys/${SURVEY_ID}`, { 'if-none-match': tag });
      expect(res.status).toBe(304);
      expect(res.headers.get('etag')).toBe(etag);
      expect(await res.text()).toBe('');
    }
  });

  it('serves a new version from then on, and keeps the old one at its own address', async () => {
    const before = (await get(`/api/v1/surveys/${SURVEY_ID}`)).headers.get('etag') ?? '';
    await publishSurveyPackage(
      collector.database.storage,
      surveyPackage({ version: 2 }),
      collector.clock.now,
      'imported',
    );
    const latest = await get(`/api/v1/surveys/${SURVEY_ID}`, { 'if-none-match': before });
    expect(latest.status).toBe(200);
    expect(((await latest.json()) as { version: number }).version).toBe(2);
    const old = await get(`/api/v1/surveys/${SURVEY_ID}/versions/1`);
    expect(old.status).toBe(200);
    expect(old.headers.get('etag')).toBe(before);
    expect(((await old.json()) as { version: number }).version).toBe(1);
  });

  it('changes the ETag when only the texts of a version change', async () => {
    const before = (await get(`/api/v1/surveys/${SURVEY_ID}/versions/1`)).headers.get('etag');
    const texts = { ...surveyPackage().translations.en, intro: 'Tell us, briefly.' } as Parameters<
      typeof surveyPackage
    >[1];
    await publishSurveyPackage(
      collector.database.storage,
      surveyPackage({}, texts),
      collector.clock.now,
      'imported',
    );
    const after = await get(`/api/v1/surveys/${SURVEY_ID}/versions/1`, {
      'if-none-match': before ?? '',
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
  });

  it.each([
    [`/api/v1/surveys/no-such-survey`, 404, 'not-found'],
    [`/api/v1/surveys/Not..A..Slug`, 404, 'not-found'],
    [`/api/v1/surveys/${SURVEY_ID}/versions/2`, 404, 'not-found'],
    [`/api/v1/surveys/${SURVEY_ID}/versions/99999999999`, 404, 'not-found'],
    [`/api/v1/surveys/${SURVEY_ID}/versions/0`, 400, 'bad-request'],
    [`/api/v1/surveys/${SURVEY_ID}/versions/one`, 400, 'bad-request'],
    [`/api/v1/surveys/${SURVEY_ID}/versions/1.5`, 400, 'bad-request'],
    ['/api/v1/nothing-here', 404, 'not-found'],
    ['/api/v2/health', 404, 'not-found'],
    ['/api/v1/responses', 404, 'not-found'],
  ])('answers GET %s with %i %s', async (path, status, code) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(ApiErrorSchema.parse(await res.json()).error.code).toBe(code);
  });

  it('publishes the contract as JSON Schema', async () => {
    const res = await get('/api/v1/schema');
    expect(res.status).toBe(200);
    const schemas = (await res.json()) as Record<string, { type?: string }>;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining([
        'Response',
        'SyncBatchRequest',
        'SyncBatchReply',
        'EnrollRequest',
        'DeviceConfig',
        'ApiError',
        'SurveyPackage',
      ]),
    );
    expect(schemas.Response?.type).toBe('object');
  });

  it('reports itself healthy with its database and time', async () => {
    const res = await get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      status: 'ok',
      database: dialect.name,
      serverTime: collector.clock.now.toISOString(),
    });
  });

  it('answers 503 to health when its database does not answer', async () => {
    const database = await dialect.create();
    await database.storage.close();
    const errors: unknown[] = [];
    const app = createApp({
      storage: database.storage,
      staticDir: collector.staticDir,
      now: () => collector.clock.now,
      logError: (e) => errors.push(e),
    });
    const res = await app.request('/api/v1/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', database: dialect.name });
    expect(errors).toHaveLength(1);
    await database.drop().catch(() => {});
  });
});
