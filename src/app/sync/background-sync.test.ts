/**
 * Background Sync: the tags a page registers, and the service worker's run for a tag over
 * the real store, with the engine's own decisions on when the browser should try again.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countByStatus, markSynced, outboxBatch, updateSyncState } from '../store';
import { breakStore } from '../store/testing';
import {
  askForBackgroundSync,
  outboxTag,
  SyncLeftForLater,
  sendAfterSubmit,
  sendInBackground,
  targetOfTag,
} from './background-sync';
import { createSyncEngine, SYNC_LOCK_NAME } from './sync-engine';
import { DEVICE_TARGET, linkTarget } from './target';
import { COLLECTOR_URL, harness, stopEngines } from './testing/engine-harness';
import { TEST_START } from './testing/fake-clock';
import { apiError, networkError } from './testing/fake-collector';
import { FakeLocks } from './testing/fake-locks';
import {
  DEVICE_TOKEN,
  dropStore,
  enroll,
  freshStore,
  queuePhoneResponse,
  queueResponses,
} from './testing/outbox';

const LINK = 'Abc_-0123456789abcdefghijklmnopq';

async function queuedIds(): Promise<string[]> {
  return (await outboxBatch(100, LINK)).map((row) => row.id);
}

beforeEach(() => freshStore());
afterEach(async () => {
  await stopEngines();
  await dropStore();
});

describe('the tags', () => {
  it("names the kiosk's outbox and each link's, and reads them back", async () => {
    expect(outboxTag()).toBe('outbox');
    expect(outboxTag(LINK)).toBe(`outbox:${LINK}`);
    expect(targetOfTag(outboxTag())).toBe(DEVICE_TARGET);
    const target = targetOfTag(outboxTag(LINK));
    expect(target?.link).toBe(LINK);
    expect(await target?.credential()).toEqual({ token: LINK, since: 0 });
  });

  it.each(['outbox:', 'workbox-background-sync:x', 'Outbox', ''])(
    'leaves a tag that is not the app\'s alone: "%s"',
    (tag) => {
      expect(targetOfTag(tag)).toBeUndefined();
    },
  );
});

describe('asking the browser', () => {
  it("registers the link's tag with the worker's registration", async () => {
    const register = vi.fn(async (_tag: string) => undefined);
    const container = { getRegistration: async () => ({ sync: { register } }) };
    expect(await askForBackgroundSync(LINK, container)).toBe(true);
    expect(register).toHaveBeenCalledWith(`outbox:${LINK}`);
  });

  it.each([
    ['no service worker support', undefined],
    ['no registration yet', { getRegistration: async () => undefined }],
    ['no Background Sync (Safari, Firefox)', { getRegistration: async () => ({}) }],
    [
      'a refusal (no active worker yet)',
      {
        getRegistration: async () => ({
          sync: { register: () => Promise.reject(new DOMException('', 'InvalidStateError')) },
        }),
      },
    ],
  ])('says no, and throws nothing, with %s', async (_, container) => {
    expect(await askForBackgroundSync(undefined, container)).toBe(false);
  });
});

describe("the worker's run for a tag", () => {
  it("sends a link's waiting responses with its token, and settles", async () => {
    const id = await queuePhoneResponse(LINK);
    await queueResponses(1); // the kiosk's: not this tag's
    const { deps, collector } = harness();
    collector.otherwise(collector.ingest());

    expect(await sendInBackground(outboxTag(LINK), deps)).toMatchObject({
      reason: 'background',
      outcome: 'done',
      acknowledged: 1,
      remaining: 0,
    });
    const batch = collector.requests.find((r) => r.method === 'POST');
    expect(batch?.url).toBe(`${COLLECTOR_URL}/api/v1/public/responses`);
    expect(batch?.headers.get('Authorization')).toBe(`Bearer ${LINK}`);
    expect([...collector.stored.keys()]).toEqual([id]);
    expect(await countByStatus()).toMatchObject({ synced: 1, queued: 1 });
  });

  it("sends the kiosk's outbox with its token for the kiosk's tag", async () => {
    await enroll(TEST_START - 1000);
    const ids = await queueResponses(3);
    const { deps, collector } = harness();
    collector.otherwise(collector.ingest());

    expect(await sendInBackground(outboxTag(), deps)).toMatchObject({ outcome: 'done' });
    expect(
      collector.requests
        .filter((r) => r.method === 'POST')
        .map((r) => r.headers.get('Authorization')),
    ).toEqual([`Bearer ${DEVICE_TOKEN}`]);
    expect([...collector.stored.keys()]).toEqual(ids);
  });

  it('asks the browser to try again when the network fails, and keeps the answers', async () => {
    await queuePhoneResponse(LINK);
    const { deps, collector } = harness();
    collector.otherwise(networkError());

    const run = sendInBackground(outboxTag(LINK), deps);
    await expect(run).rejects.toBeInstanceOf(SyncLeftForLater);
    await expect(run).rejects.toMatchObject({ result: { outcome: 'failed', error: 'offline' } });
    expect(await countByStatus()).toMatchObject({ queued: 1, synced: 0 });
  });

  it('waits for a page that holds the sync, and settles once that page sent everything', async () => {
    await queuePhoneResponse(LINK);
    const locks = new FakeLocks();
    locks.held.add(SYNC_LOCK_NAME); // a page's run
    const { deps, collector } = harness({ locks });
    collector.otherwise(collector.ingest());

    let settled = false;
    const run = sendInBackground(outboxTag(LINK), deps).finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(collector.requests).toHaveLength(0);
    // The page's run sends the response, then lets go.
    await markSynced(await queuedIds());
    locks.release(SYNC_LOCK_NAME);

    expect(await run).toMatchObject({ outcome: 'done', sent: 0, remaining: 0 });
    expect(collector.requests).toHaveLength(0);
  });

  it('asks the browser to try again while a backoff from a failing collector holds', async () => {
    await queuePhoneResponse(LINK);
    await updateSyncState({
      lastError: { code: 'server-error', at: TEST_START - 1000 },
      failures: 2,
      nextAttemptAt: TEST_START + 60_000,
    });
    const { deps, collector } = harness();

    await expect(sendInBackground(outboxTag(LINK), deps)).rejects.toMatchObject({
      result: { outcome: 'backing-off' },
    });
    expect(collector.requests).toHaveLength(0);
  });

  it('asks the browser to try again when the store fails', async () => {
    await queuePhoneResponse(LINK);
    const { deps } = harness({ onError: () => undefined });
    const repair = breakStore({
      operations: ['count', 'query', 'get', 'getMany', 'openCursor', 'mutate'],
      error: () => new DOMException('the disk failed', 'UnknownError'),
    });

    await expect(sendInBackground(outboxTag(LINK), deps)).rejects.toMatchObject({
      result: { outcome: 'storage-error' },
    });
    repair();
    expect(await countByStatus()).toMatchObject({ queued: 1 });
  });

  it('settles for a kiosk not enrolled: only staff can help', async () => {
    await queueResponses(1);
    const { deps, collector } = harness();
    expect(await sendInBackground(outboxTag(), deps)).toMatchObject({ outcome: 'not-enrolled' });
    expect(collector.requests).toHaveLength(0);
  });

  it('settles when only a person can help: a refused kiosk token', async () => {
    await enroll(TEST_START - 1000);
    await queueResponses(2);
    const { deps, collector } = harness();
    collector.script(collector.health(), apiError(401, 'unauthorized', 'revoked'));

    expect(await sendInBackground(outboxTag(), deps)).toMatchObject({ outcome: 'unauthorized' });
    expect(await countByStatus()).toMatchObject({ queued: 2 });
  });

  it('settles at once with nothing waiting, and ignores a tag not its own', async () => {
    const { deps, collector } = harness();
    expect(await sendInBackground(outboxTag(LINK), deps)).toMatchObject({ outcome: 'done' });
    expect(await sendInBackground('something-else', deps)).toBeUndefined();
    expect(collector.requests).toHaveLength(0);
  });
});

describe("the page's Send", () => {
  function browserWithSync() {
    const register = vi.fn(async (_tag: string) => undefined);
    return { register, container: { getRegistration: async () => ({ sync: { register } }) } };
  }

  it('asks for nothing when its own run sent everything', async () => {
    await queuePhoneResponse(LINK);
    const { deps, collector } = harness();
    collector.otherwise(collector.ingest());
    const { register, container } = browserWithSync();

    const engine = createSyncEngine({ ...deps, target: linkTarget(LINK) });
    expect(await sendAfterSubmit(engine, LINK, container)).toMatchObject({ remaining: 0 });
    expect(register).not.toHaveBeenCalled();
  });

  it("leaves what its run could not send to Background Sync, under the link's tag", async () => {
    await queuePhoneResponse(LINK);
    const { deps, collector } = harness();
    collector.otherwise(networkError());
    const { register, container } = browserWithSync();

    const engine = createSyncEngine({ ...deps, target: linkTarget(LINK) });
    expect(await sendAfterSubmit(engine, LINK, container)).toMatchObject({
      outcome: 'failed',
      remaining: 1,
    });
    expect(register).toHaveBeenCalledWith(`outbox:${LINK}`);
  });

  it('asks as well when the run itself broke', async () => {
    const { register, container } = browserWithSync();
    const broken = { syncNow: () => Promise.reject(new Error('a bug')) };
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    expect(await sendAfterSubmit(broken, undefined, container)).toBeUndefined();
    expect(register).toHaveBeenCalledWith('outbox');
    expect(error).toHaveBeenCalledWith('sync failed', expect.any(Error));
    error.mockRestore();
  });
});
