/**
 * The public channel as a phone uses it: a link's state, and its sync batches with the
 * link token as the bearer, on SQLite and PostgreSQL.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCollector, type TestCollector } from '../../../../test/fixtures/collector';
import {
  DEVICE_ID,
  makePhoneResponse,
  makeResponse,
  PHONE_ID,
} from '../../../../test/fixtures/responses';
import { SURVEY_ID, surveyPackage } from '../../../../test/fixtures/survey-package';
import { testDialects } from '../../../../test/fixtures/test-databases';
import { ApiErrorSchema } from '../../../shared/contract/api-error';
import { apiPath, ENDPOINTS } from '../../../shared/contract/endpoints';
import { PublicLinkSchema, posterPath, publicLinkPath } from '../../../shared/contract/public-link';
import { SyncBatchReplySchema } from '../../../shared/contract/sync';
import { generateLinkToken } from '../../public/links';
import {
  countResponses,
  findPublicLink,
  listDevices,
  listResponses,
  revokePublicLink,
} from '../../storage';
import { publishSurveyPackage } from '../../surveys/publish';

const RESPONSES = apiPath(ENDPOINTS.publicResponses);
const linkPath = (token: string) => apiPath(ENDPOINTS.publicLink, { token });

async function expectError(res: Response, status: number, code: string): Promise<string> {
  expect(res.status).toBe(status);
  const body = ApiErrorSchema.parse(await res.json());
  expect(body.error.code).toBe(code);
  return body.error.message;
}

describe.each(testDialects)('the public channel on $name', (dialect) => {
  let collector: TestCollector;

  beforeEach(async () => {
    collector = await startTestCollector(dialect);
  });
  afterEach(() => collector.close());

  describe('GET /public/links/:token', () => {
    it('answers an open link with its branch, survey, end and the collector’s time, never cached', async () => {
      const token = await collector.link('bookmobile', { until: '2026-12-31T22:59:59.999Z' });
      const res = await collector.app.request(linkPath(token));
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(PublicLinkSchema.parse(await res.json())).toEqual({
        token,
        branch: { id: 'bookmobile', name: 'Bookmobile' },
        survey: { id: SURVEY_ID, version: 1 },
        state: 'open',
        until: '2026-12-31T22:59:59.999Z',
        serverTime: collector.clock.now.toISOString(),
      });
    });

    it('names the survey’s latest version', async () => {
      await publishSurveyPackage(
        collector.database.storage,
        surveyPackage({ version: 2 }),
        collector.clock.now,
        'imported',
      );
      const token = await collector.link();
      const link = PublicLinkSchema.parse(
        await (await collector.app.request(linkPath(token))).json(),
      );
      expect(link.survey).toEqual({ id: SURVEY_ID, version: 2 });
    });

    it('says a revoked link is closed, and why', async () => {
      const token = await collector.link();
      await revokePublicLink(collector.database.storage, token, collector.clock.now.toISOString());
      const link = PublicLinkSchema.parse(
        await (await collector.app.request(linkPath(token))).json(),
      );
      expect(link).toMatchObject({ state: 'closed', closedReason: 'revoked' });
    });

    it('is open up to its last instant and closed (expired) after it, by the collector’s clock', async () => {
      const until = new Date(collector.clock.now.getTime() + 60_000).toISOString();
      const token = await collector.link('main', { until });
      const read = async () =>
        PublicLinkSchema.parse(await (await collector.app.request(linkPath(token))).json());
      collector.clock.now = new Date(until);
      expect(await read()).toMatchObject({ state: 'open' });
      collector.clock.now = new Date(Date.parse(until) + 1);
      expect(await read()).toMatchObject({ state: 'closed', closedReason: 'expired' });
    });

    it.each([
      ['a token no link has', () => generateLinkToken()],
      ['a token too short', () => 'abc'],
      ['a token with a character base64url lacks', () => `${'a'.repeat(31)}*`],
    ])('answers 404 in the error shape for %s', async (_case, token) => {
      const res = await collector.app.request(linkPath(token()));
      await expectError(res, 404, 'not-found');
      expect(res.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('POST /public/responses', () => {
    let token: string;

    beforeEach(async () => {
      token = await collector.link('bookmobile');
    });

    it('stores a phone’s response under the link’s branch, channel qr, and the link’s own device row', async () => {
      const response = makePhoneResponse({ branchId: 'main' });
      const reply = await collector.syncPublic(token, [response]);
      expect(SyncBatchReplySchema.parse(reply).results).toEqual([
        { id: response.id, outcome: 'accepted' },
      ]);
      const link = await findPublicLink(collector.database.storage, token);
      const [stored] = await listResponses(collector.database.storage);
      expect(stored).toMatchObject({
        id: response.id,
        branchId: 'bookmobile',
        claimedBranchId: 'main',
        channel: 'qr',
        deviceId: link?.deviceId,
      });
      expect(stored?.deviceId).not.toBe(PHONE_ID);
      // The link's device row is no kiosk: it is in no device list.
      expect(await listDevices(collector.database.storage)).toEqual([]);
    });

    it('answers a response sent again as a duplicate and another with its id as a conflict, storing it once', async () => {
      const response = makePhoneResponse();
      await collector.syncPublic(token, [response]);
      const reply = await collector.syncPublic(token, [response, { ...response, locale: 'hu' }]);
      expect(reply.results.map((r) => r.outcome)).toEqual(['duplicate', 'conflict']);
      expect(await countResponses(collector.database.storage)).toBe(1);
    });

    it.each([
      ['another channel', { channel: 'kiosk' as const }, 'channel', 'must be of channel "qr"'],
      [
        'another survey',
        { surveyId: 'other-survey' },
        'surveyId',
        `collects for survey ${SURVEY_ID} only`,
      ],
      ['another phone’s id', { deviceId: DEVICE_ID }, 'deviceId', 'belongs to another device'],
    ])(
      'rejects a record of %s on its own, storing the others',
      async (_case, change, path, reason) => {
        const good = makePhoneResponse();
        const bad = makePhoneResponse(change);
        const reply = await collector.syncPublic(token, [good, bad]);
        expect(reply.results[0]).toEqual({ id: good.id, outcome: 'accepted' });
        expect(reply.results[1]).toMatchObject({ id: bad.id, outcome: 'rejected', path });
        expect(reply.results[1]?.reason).toContain(reason);
        expect(await countResponses(collector.database.storage)).toBe(1);
      },
    );

    it.each([
      ['no Authorization header', undefined],
      ['a device token', 'device'],
      ['a token no link has', generateLinkToken()],
      ['garbage', 'not a token at all'],
    ])('refuses %s with 401, storing nothing', async (_case, bearer) => {
      const auth = bearer === 'device' ? await collector.enroll(DEVICE_ID) : bearer;
      const res = await collector.post(RESPONSES, { responses: [makePhoneResponse()] }, auth);
      await expectError(res, 401, 'unauthorized');
      expect(await countResponses(collector.database.storage)).toBe(0);
    });

    it('refuses a revoked link with link-closed, storing nothing', async () => {
      await revokePublicLink(collector.database.storage, token, collector.clock.now.toISOString());
      const res = await collector.post(RESPONSES, { responses: [makePhoneResponse()] }, token);
      expect(await expectError(res, 403, 'link-closed')).toContain('closed');
      expect(res.headers.get('retry-after')).toBeNull();
      expect(await countResponses(collector.database.storage)).toBe(0);
    });

    it('refuses a link past its end with link-closed, storing nothing', async () => {
      const until = new Date(collector.clock.now.getTime() + 1000).toISOString();
      const ending = await collector.link('main', { until });
      collector.clock.now = new Date(Date.parse(until) + 1);
      const res = await collector.post(RESPONSES, { responses: [makePhoneResponse()] }, ending);
      expect(await expectError(res, 403, 'link-closed')).toContain('ended');
      expect(await countResponses(collector.database.storage)).toBe(0);
    });

    it('refuses a body that is not the envelope with 400, storing nothing', async () => {
      const res = await collector.post(RESPONSES, { responses: [] }, token);
      await expectError(res, 400, 'bad-request');
      expect(await countResponses(collector.database.storage)).toBe(0);
    });

    it('stores nothing about the phone or its network with a response', async () => {
      const response = makePhoneResponse();
      const res = await collector.app.request(
        RESPONSES,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'user-agent': 'Mozilla/5.0 (Linux; Android 14; Pixel 8)',
          },
          body: JSON.stringify({ responses: [response] }),
        },
        { incoming: { socket: { remoteAddress: '198.51.100.23' } } },
      );
      expect(res.status).toBe(200);
      const rows = await collector.database.storage.db
        .selectFrom('responses')
        .selectAll()
        .execute();
      const text = JSON.stringify(rows);
      for (const trace of ['198.51.100.23', 'Pixel 8', PHONE_ID]) expect(text).not.toContain(trace);
      const counters = JSON.stringify(
        await collector.database.storage.db
          .selectFrom('public_limit_counters')
          .selectAll()
          .execute(),
      );
      expect(counters).not.toContain('198.51.100.23');
      expect(counters).not.toContain(PHONE_ID);
    });

    it('keeps kiosks’ batches apart: a kiosk record on the device channel is still a kiosk’s', async () => {
      const kiosk = await collector.enroll(DEVICE_ID);
      await collector.sync(kiosk, [makeResponse()]);
      await collector.syncPublic(token, [makePhoneResponse()]);
      const stored = await listResponses(collector.database.storage);
      expect(stored.map((r) => [r.channel, r.branchId]).sort()).toEqual([
        ['kiosk', 'main'],
        ['qr', 'bookmobile'],
      ]);
    });
  });

  describe("the link's poster on the collector", () => {
    it('prints a code that decodes to the address the poster was asked at, and closes with the link', async () => {
      const token = await collector.link('bookmobile');
      const origin = 'http://192.168.1.20:8080';
      const page = await collector.app.request(`${origin}${posterPath(token)}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Bookmobile');
      expect(html).toContain(`192.168.1.20:8080${publicLinkPath(token)}`);

      const png = await collector.app.request(`${origin}${publicLinkPath(token)}/qr.png`);
      expect(png.status).toBe(200);
      const image = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
      const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
      expect(decoded?.data).toBe(`${origin}${publicLinkPath(token)}`);

      await revokePublicLink(collector.database.storage, token, collector.clock.now.toISOString());
      expect((await collector.app.request(`${origin}${posterPath(token)}`)).status).toBe(410);
      expect((await collector.app.request(posterPath(generateLinkToken()))).status).toBe(404);
    });
  });
});
