/**
 * The engine on a visitor's phone: the outbox of one public link goes to the public
 * endpoint with the link's token, and a link that closed does not keep the phone retrying.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countByStatus, quarantinedResponses } from '../store';
import { createSyncEngine } from './sync-engine';
import { linkTarget } from './target';
import { COLLECTOR_URL, harness, stopEngines } from './testing/engine-harness';
import { apiError, batchOf, json, networkError, text } from './testing/fake-collector';
import { dropStore, freshStore, queuePhoneResponse, queueResponses } from './testing/outbox';

const LINK = 'Abc_-0123456789abcdefghijklmnopq';
const OTHER_LINK = 'Zyx_-0123456789abcdefghijklmnopq';

/** The harness's engine, but aimed at a public link (no enrollment on a phone). */
function phoneEngine(link = LINK) {
  const h = harness();
  const engine = createSyncEngine({ ...h.deps, target: linkTarget(link) });
  return { ...h, engine };
}

beforeEach(() => freshStore());
afterEach(async () => {
  await stopEngines();
  await dropStore();
});

describe('a phone on a public link', () => {
  it("sends that link's responses to the public endpoint with the link's token, and only those", async () => {
    const mine = await queuePhoneResponse(LINK, 'south');
    await queuePhoneResponse(OTHER_LINK, 'east');
    await queueResponses(1); // a kiosk's, on the same browser: never sent with a link
    const { engine, collector } = phoneEngine();
    collector.otherwise(collector.ingest());
    collector.script(collector.health());

    const result = await engine.syncNow('start');

    expect(result).toMatchObject({ outcome: 'done', acknowledged: 1, remaining: 0 });
    const batch = collector.requests.find((r) => r.method === 'POST');
    expect(batch?.url).toBe(`${COLLECTOR_URL}/api/v1/public/responses`);
    expect(batch?.headers.get('Authorization')).toBe(`Bearer ${LINK}`);
    expect(batch && batchOf(batch).map((r) => [r.id, r.channel, r.branchId])).toEqual([
      [mine, 'qr', 'south'],
    ]);
    expect(await countByStatus()).toMatchObject({ synced: 1, queued: 2 });
  });

  it('keeps the answers through a lost signal and sends them once it is back', async () => {
    const id = await queuePhoneResponse(LINK, 'south');
    const { engine, collector, window } = phoneEngine();
    collector.script(collector.health(), networkError());

    expect(await engine.syncNow('submit')).toMatchObject({ outcome: 'failed', error: 'offline' });
    expect(await countByStatus()).toMatchObject({ queued: 1 });

    collector.otherwise(collector.ingest());
    engine.start();
    window.dispatchEvent(new Event('online'));
    await engine.settled();
    expect(await countByStatus()).toMatchObject({ queued: 0, synced: 1 });
    expect([...collector.stored.keys()]).toEqual([id]);
  });

  it.each([
    [
      'revoked or expired (403, as the collector answers it)',
      apiError(403, 'link-closed', 'This link is closed.'),
    ],
    ['revoked or expired (410)', apiError(410, 'link-closed', 'This link is closed.')],
    ['gone with no body (410 from a proxy)', text(410, '<html>Gone</html>')],
    ['unknown (404)', apiError(404, 'not-found', 'No such link.')],
    ['refused (401)', apiError(401, 'unauthorized', 'Not a link token.')],
  ])('keeps responses of a link %s as refused instead of retrying for ever', async (_, answer) => {
    const ids = [await queuePhoneResponse(LINK, 'south'), await queuePhoneResponse(LINK, 'south')];
    const { engine, collector } = phoneEngine();
    collector.script(collector.health());
    collector.otherwise(answer);

    const result = await engine.syncNow('start');

    expect(result).toMatchObject({ quarantined: 2, remaining: 0 });
    const refused = await quarantinedResponses();
    expect(refused.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(refused[0]?.quarantine?.reason).toMatch(/^link-closed: /);
    // Nothing waits, so nothing is tried again.
    const posts = collector.requests.filter((r) => r.method === 'POST').length;
    expect(await engine.syncNow('timer')).toMatchObject({ outcome: 'done', sent: 0 });
    expect(collector.requests.filter((r) => r.method === 'POST').length).toBe(posts);
  });

  it("keeps a link's responses waiting when a proxy's own 403 page answers, not the collector", async () => {
    await queuePhoneResponse(LINK, 'south');
    const { engine, collector } = phoneEngine();
    collector.script(collector.health(), text(403, '<html>Forbidden</html>'));

    const result = await engine.syncNow('start');

    expect(result).toMatchObject({ quarantined: 0, remaining: 1 });
    expect(await quarantinedResponses()).toEqual([]);
  });

  it('waits the Retry-After of a busy collector like a kiosk does', async () => {
    await queuePhoneResponse(LINK, 'south');
    const { engine, collector, clock } = phoneEngine();
    collector.script(
      collector.health(),
      json(
        429,
        { error: { code: 'rate-limited', message: 'Slow down.' } },
        { 'Retry-After': '120' },
      ),
    );

    const result = await engine.syncNow('submit');

    expect(result).toMatchObject({ outcome: 'failed', error: 'server-error', remaining: 1 });
    expect(result.nextAttemptAt).toBeGreaterThanOrEqual(clock.now() + 120_000);
  });
});
