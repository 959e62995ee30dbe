/**
 * Public links as the dashboard manages them, on SQLite and PostgreSQL: branch staff read
 * their own branch's links only and change none; administrators make links (the branch's
 * survey unless told, an end day in the collector's TIME_ZONE that has not passed) and
 * revoke them, once or twice alike.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startTestCollector,
  TEST_ORIGIN,
  type TestCollector,
} from '../../../../test/fixtures/collector';
import { makePhoneResponse } from '../../../../test/fixtures/responses';
import { SURVEY_ID } from '../../../../test/fixtures/survey-package';
import { testDialects } from '../../../../test/fixtures/test-databases';
import {
  type LinkDetails,
  LinkDetailsSchema,
  LinkListSchema,
} from '../../../shared/contract/admin';
import { ApiErrorSchema } from '../../../shared/contract/api-error';
import { apiPath, ENDPOINTS } from '../../../shared/contract/endpoints';
import { PublicLinkSchema } from '../../../shared/contract/public-link';
import { findPublicLink, insertBranch, timestamp } from '../../storage';

const LINKS = apiPath(ENDPOINTS.links);
const revokePath = (token: string) => apiPath(ENDPOINTS.revokeLink, { token });

async function expectError(res: Response, status: number, code: string): Promise<string> {
  expect(res.status).toBe(status);
  const body = ApiErrorSchema.parse(await res.json());
  expect(body.error.code).toBe(code);
  return body.error.message;
}

describe.each(testDialects)('the dashboard’s public links on $name', (dialect) => {
  let collector: TestCollector;
  let admin: string;

  beforeEach(async () => {
    collector = await startTestCollector(dialect);
    admin = await collector.signIn('admin');
  });
  afterEach(() => collector.close());

  const list = async (cookie: string): Promise<LinkDetails[]> => {
    const res = await collector.app.request(LINKS, { headers: { cookie } });
    expect(res.status).toBe(200);
    return LinkListSchema.parse(await res.json()).links;
  };
  const post = (path: string, cookie: string, body: unknown = {}) =>
    collector.post(path, body, undefined, { cookie, origin: TEST_ORIGIN });
  const create = (body: unknown, cookie = admin) => post(LINKS, cookie, body);

  describe('GET /admin/links', () => {
    it('lists every link for an administrator, newest first, with its state, responses and paths', async () => {
      const older = await collector.link('main');
      await collector.syncPublic(older, [makePhoneResponse()]);
      await collector.syncPublic(older, [makePhoneResponse()]);
      collector.clock.now = new Date(collector.clock.now.getTime() + 60_000);
      const newer = await collector.link('bookmobile', { until: '2026-11-20T09:00:00.000Z' });

      const links = await list(admin);

      expect(links.map((l) => l.token)).toEqual([newer, older]);
      expect(links[0]).toEqual({
        token: newer,
        branch: { id: 'bookmobile', name: 'Bookmobile' },
        surveyId: SURVEY_ID,
        state: 'closed',
        closedReason: 'expired',
        until: '2026-11-20T09:00:00.000Z',
        createdAt: timestamp(collector.clock.now),
        responses: 0,
        phonePath: `/s/${newer}`,
        phoneUrl: `${TEST_ORIGIN}/s/${newer}`,
        posterPath: `/s/${newer}/poster`,
      });
      expect(links[1]).toMatchObject({ state: 'open', responses: 2, until: null });
      expect(links[1]?.closedReason).toBeUndefined();
    });

    it('names the address phones open on PUBLIC_URL, as the poster prints it', async () => {
      const behindProxy = await startTestCollector(dialect, {
        publicUrl: 'https://survey.library.example',
      });
      try {
        const token = await behindProxy.link('main');
        const cookie = await behindProxy.signIn('admin');
        const res = await behindProxy.app.request(LINKS, { headers: { cookie } });
        const [link] = LinkListSchema.parse(await res.json()).links;
        expect(link?.phoneUrl).toBe(`https://survey.library.example/s/${token}`);
      } finally {
        await behindProxy.close();
      }
    });

    it('shows branch staff their own branch’s links only', async () => {
      const own = await collector.link('main');
      await collector.link('bookmobile');
      const branchStaff = await collector.signIn('branch', 'main');

      expect((await list(branchStaff)).map((l) => l.token)).toEqual([own]);
    });

    it('refuses anyone not signed in', async () => {
      await expectError(await collector.app.request(LINKS), 401, 'unauthorized');
    });
  });

  describe('POST /admin/links', () => {
    it('makes an open link for the branch’s survey, ending with the end day in TIME_ZONE', async () => {
      const res = await create({ branchId: 'bookmobile', until: '2026-12-31' });
      expect(res.status).toBe(200);
      const link = LinkDetailsSchema.parse(await res.json());

      expect(link).toMatchObject({
        branch: { id: 'bookmobile', name: 'Bookmobile' },
        surveyId: SURVEY_ID,
        state: 'open',
        responses: 0,
        createdAt: timestamp(collector.clock.now),
      });
      // The last millisecond of 31 December in Ljubljana (UTC+1 in winter).
      expect(Date.parse(link.until ?? '')).toBe(Date.parse('2026-12-31T22:59:59.999Z'));
      expect((await list(admin)).map((l) => l.token)).toEqual([link.token]);

      // The phone reads the same link as open.
      const phone = await collector.app.request(
        apiPath(ENDPOINTS.publicLink, { token: link.token }),
      );
      expect(PublicLinkSchema.parse(await phone.json())).toMatchObject({
        state: 'open',
        branch: { id: 'bookmobile' },
      });
    });

    it('runs until revoked without an end day, and takes a survey named in the request', async () => {
      const res = await create({ branchId: 'main', surveyId: SURVEY_ID, until: null });
      expect(res.status).toBe(200);
      expect(LinkDetailsSchema.parse(await res.json())).toMatchObject({
        surveyId: SURVEY_ID,
        until: null,
        state: 'open',
      });
    });

    it('refuses an end day that has passed, today’s end included once it is over', async () => {
      const message = await expectError(
        await create({ branchId: 'main', until: '2026-11-19' }),
        400,
        'bad-request',
      );
      expect(message).toContain('has passed');
      // 20 November in Ljubljana has not ended at 10:00 UTC: it is accepted.
      expect((await create({ branchId: 'main', until: '2026-11-20' })).status).toBe(200);
      expect(await list(admin)).toHaveLength(1);
    });

    it('refuses a day that is not in the calendar, an unknown branch or survey, and extra fields, naming the field', async () => {
      for (const [body, path] of [
        [{ branchId: 'main', until: '2026-02-30' }, 'until'],
        [{ branchId: 'main', until: '31.12.2026' }, 'until'],
        [{ branchId: 'nowhere' }, 'branchId'],
        [{ branchId: 'main', surveyId: 'no-such-survey' }, 'surveyId'],
        [{ branchId: 'main', token: 'mine' }, undefined],
        [{}, 'branchId'],
      ] as const) {
        const res = await create(body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        const error = ApiErrorSchema.parse(await res.json()).error;
        expect(error.code).toBe('bad-request');
        if (path) expect(error.path, JSON.stringify(body)).toBe(path);
      }
      expect(await list(admin)).toEqual([]);
    });

    it('is for administrators: branch staff cannot make a link, not even for their branch', async () => {
      const branchStaff = await collector.signIn('branch', 'main');
      await expectError(await create({ branchId: 'main' }, branchStaff), 403, 'forbidden');
      expect(await list(admin)).toEqual([]);
    });

    it('refuses a write from another origin', async () => {
      const res = await collector.post(LINKS, { branchId: 'main' }, undefined, {
        cookie: admin,
        origin: 'https://elsewhere.example',
      });
      expect(res.status).toBe(403);
      expect(await list(admin)).toEqual([]);
    });
  });

  describe('POST /admin/links/:token/revoke', () => {
    it('closes a link for good, and revoking it again changes nothing', async () => {
      const token = await collector.link('main');
      const first = await post(revokePath(token), admin);
      expect(first.status).toBe(200);
      expect(LinkDetailsSchema.parse(await first.json())).toMatchObject({
        token,
        state: 'closed',
        closedReason: 'revoked',
      });
      const revokedAt = (await findPublicLink(collector.database.storage, token))?.revokedAt;
      expect(revokedAt).toBe(timestamp(collector.clock.now));

      collector.clock.now = new Date(collector.clock.now.getTime() + 60_000);
      const again = await post(revokePath(token), admin);
      expect(again.status).toBe(200);
      expect(LinkDetailsSchema.parse(await again.json())).toMatchObject({
        state: 'closed',
        closedReason: 'revoked',
      });
      expect((await findPublicLink(collector.database.storage, token))?.revokedAt).toBe(revokedAt);

      const phone = await collector.app.request(apiPath(ENDPOINTS.publicLink, { token }));
      expect(PublicLinkSchema.parse(await phone.json())).toMatchObject({
        state: 'closed',
        closedReason: 'revoked',
      });
    });

    it('answers 404 for a token no link has, well-formed or not', async () => {
      await expectError(await post(revokePath('x'.repeat(32)), admin), 404, 'not-found');
      await expectError(await post(revokePath('not a token'), admin), 404, 'not-found');
    });

    it('is for administrators: branch staff cannot revoke their own branch’s link', async () => {
      const token = await collector.link('main');
      const branchStaff = await collector.signIn('branch', 'main');
      await expectError(await post(revokePath(token), branchStaff), 403, 'forbidden');
      expect((await findPublicLink(collector.database.storage, token))?.revokedAt).toBeNull();
    });

    it('names a branch added after the link as the list does', async () => {
      await insertBranch(collector.database.storage, {
        id: 'west',
        name: 'West <Library> & Archive',
        kioskOverrides: {},
        surveyId: SURVEY_ID,
        createdAt: timestamp(collector.clock.now),
      });
      const token = await collector.link('west');
      const res = await post(revokePath(token), admin);
      expect(LinkDetailsSchema.parse(await res.json()).branch).toEqual({
        id: 'west',
        name: 'West <Library> & Archive',
      });
    });
  });
});
