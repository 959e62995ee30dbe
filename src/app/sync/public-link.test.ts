/**
 * What a phone reads before it shows anything: the link's state, kept for a reload with
 * no signal, and the link's survey package in the version the link names.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtInPackages } from '../../surveys/packages';
import { cachedLink, cachedSurvey } from '../store';
import { type LinkStore, linkSurvey, readPublicLink } from './public-link';
import { harness } from './testing/engine-harness';
import { apiError, json, networkError, text } from './testing/fake-collector';
import { dropStore, freshStore } from './testing/outbox';

const TOKEN = 'Abc_-0123456789abcdefghijklmnopq';
const [builtIn] = builtInPackages();
if (!builtIn) throw new Error('no built-in survey');
const PACKAGE = { ...builtIn, version: 3 };

function linkReply(state: 'open' | 'closed', token = TOKEN) {
  return json(200, {
    token,
    branch: { id: 'south', name: 'South Branch' },
    survey: { id: PACKAGE.id, version: 3 },
    state,
    ...(state === 'closed' ? { closedReason: 'revoked' } : {}),
    until: null,
    serverTime: '2026-11-20T09:00:00.000Z',
  });
}

beforeEach(() => freshStore());
afterEach(() => dropStore());

describe("a public link's state", () => {
  it('is read from the collector and kept for a reload with no signal', async () => {
    const { deps, collector } = harness();
    collector.script(linkReply('open'), networkError());

    const online = await readPublicLink(deps, TOKEN);
    expect(online).toMatchObject({
      kind: 'read',
      link: { state: 'open', branch: { id: 'south' } },
    });
    expect(collector.requests[0]?.url).toBe(`https://collector.test/api/v1/public/links/${TOKEN}`);

    const offline = await readPublicLink(deps, TOKEN);
    expect(offline).toEqual({ kind: 'unreachable', cached: await cachedLink(TOKEN) });
    expect(offline).toMatchObject({ cached: { survey: { id: PACKAGE.id, version: 3 } } });
  });

  it('is unknown on a 404, and never taken from a page that is not the collector’s', async () => {
    const { deps, collector } = harness();
    collector.script(
      apiError(404, 'not-found', 'No such link.'),
      text(200, '<html>Hotel Wi-Fi login</html>'),
      linkReply('open', 'Zyx_-0123456789abcdefghijklmnopq'),
    );
    expect(await readPublicLink(deps, TOKEN)).toEqual({ kind: 'unknown' });
    expect(await readPublicLink(deps, TOKEN)).toEqual({ kind: 'unreachable', cached: undefined });
    // Another link's reply (a cache that mixed them up) is not this link's.
    expect(await readPublicLink(deps, TOKEN)).toEqual({ kind: 'unreachable', cached: undefined });
    expect(await cachedLink(TOKEN)).toBeUndefined();
  });

  it('keeps a closed state as closed', async () => {
    const { deps, collector } = harness();
    collector.script(linkReply('closed'));
    expect(await readPublicLink(deps, TOKEN)).toMatchObject({ link: { state: 'closed' } });
    expect((await cachedLink(TOKEN))?.state).toBe('closed');
  });
});

describe("a public link's survey", () => {
  it('is fetched in the version the link names, cached, and read from the cache after', async () => {
    const { deps, collector } = harness();
    collector.script(json(200, PACKAGE));

    expect((await linkSurvey(deps, { id: PACKAGE.id, version: 3 }))?.version).toBe(3);
    expect(collector.requests[0]?.url).toBe(
      `https://collector.test/api/v1/surveys/${PACKAGE.id}/versions/3`,
    );
    expect((await cachedSurvey(PACKAGE.id))?.package.version).toBe(3);

    // No signal now: the cached package still serves.
    collector.otherwise(networkError());
    expect((await linkSurvey(deps, { id: PACKAGE.id, version: 3 }))?.version).toBe(3);
    expect(collector.requests).toHaveLength(1);
  });

  it('is not used in another version than the link names, nor when it cannot be fetched', async () => {
    const { deps, collector } = harness();
    collector.script(json(200, { ...PACKAGE, version: 2 }), networkError());
    expect(await linkSurvey(deps, { id: PACKAGE.id, version: 3 })).toBeUndefined();
    expect(await linkSurvey(deps, { id: PACKAGE.id, version: 3 })).toBeUndefined();
    expect(await cachedSurvey(PACKAGE.id)).toBeUndefined();
  });
});

describe('a phone’s first visit', () => {
  it('reads the link and its survey through the store it is given, which keeps the writes', async () => {
    const { deps, collector } = harness();
    collector.script(linkReply('open'), json(200, PACKAGE));
    const kept: string[] = [];
    const store: LinkStore = {
      cachedLink: async () => undefined,
      cachedSurvey: async () => undefined,
      cacheLink: async (token) => void kept.push(`link ${token}`),
      cacheSurvey: async (pkg) => void kept.push(`survey ${pkg.id}`),
    };

    expect(await readPublicLink(deps, TOKEN, store)).toMatchObject({ kind: 'read' });
    expect((await linkSurvey(deps, { id: PACKAGE.id, version: 3 }, store))?.version).toBe(3);
    expect(kept).toEqual([`link ${TOKEN}`, `survey ${PACKAGE.id}`]);
    // Nothing went to the device store.
    expect(await cachedLink(TOKEN)).toBeUndefined();
    expect(await cachedSurvey(PACKAGE.id)).toBeUndefined();
  });
});
