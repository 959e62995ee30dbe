/**
 * Background Sync, where the browser has it (Chromium; Safari and Firefox do not): a page
 * that queued a response asks the browser for a `sync` event, which the browser fires in
 * the service worker once it has a connection, even after the tab was closed. The worker
 * (src/worker/sw.ts) answers it with this same engine on the same store, so what it sends
 * is marked synced exactly as the page would, and the collector's per-record outcomes make
 * a response sent twice (by the page and the worker) count once. One sync at a time across
 * the page and the worker (Web Locks). Without Background Sync, answers wait until the
 * page is open with a signal, as they always did.
 *
 * One tag per credential: the kiosk's own outbox, or one public link's.
 */
import { createSyncEngine, type SyncEngine, type SyncEngineDeps } from './sync-engine';
import type { SyncRunResult } from './sync-result';
import { DEVICE_TARGET, linkTarget, type SyncTarget } from './target';

const OUTBOX_TAG = 'outbox';

/** The tag a page registers for its outbox: the kiosk's, or a public link's. */
export function outboxTag(link?: string): string {
  return link === undefined ? OUTBOX_TAG : `${OUTBOX_TAG}:${link}`;
}

/** Where a tag's responses go; undefined for a tag that is not the app's. */
export function targetOfTag(tag: string): SyncTarget | undefined {
  if (tag === OUTBOX_TAG) return DEVICE_TARGET;
  const prefix = `${OUTBOX_TAG}:`;
  const link = tag.startsWith(prefix) ? tag.slice(prefix.length) : '';
  return link ? linkTarget(link) : undefined;
}

/** The part of a service worker registration that Background Sync adds. */
interface SyncRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/** The part of navigator.serviceWorker used here. */
export interface WorkerContainer {
  getRegistration(): Promise<object | undefined>;
}

/**
 * Asks the browser to fire `sync` for this outbox once it has a connection. True when
 * the browser took the request; false where it has no Background Sync, no active service
 * worker yet, or refused (the page then sends by itself, as without it).
 */
export async function askForBackgroundSync(
  link?: string,
  container: WorkerContainer | undefined = globalThis.navigator?.serviceWorker,
): Promise<boolean> {
  try {
    // getRegistration, not `ready`: `ready` never settles where no worker was registered.
    const registration = (await container?.getRegistration()) as SyncRegistration | undefined;
    const sync = registration?.sync;
    if (!sync) return false;
    await sync.register(outboxTag(link));
    return true;
  } catch {
    return false; // InvalidStateError before the worker is active, NotAllowedError
  }
}

/**
 * What a page does after a patron's Send: its own run first, which sends at once when it
 * can; whatever that run leaves waiting (no signal, the collector failing, a storage
 * error) is left to Background Sync too, so it goes even if the tab is closed before the
 * signal returns. Not asked for up front: the page's run and the worker's would race for
 * the same responses. A tab closed while its run is still waiting on the network has
 * asked for nothing; its answers go when the link is opened again, as without it.
 */
export async function sendAfterSubmit(
  engine: Pick<SyncEngine, 'syncNow'>,
  link?: string,
  container?: WorkerContainer,
): Promise<SyncRunResult | undefined> {
  const result = await engine.syncNow('submit').catch((error: unknown) => {
    console.error('sync failed', error);
    return undefined;
  });
  if (!result || leftForLater(result)) await askForBackgroundSync(link, container);
  return result;
}

/** Thrown to the browser so it fires the sync event again later. */
export class SyncLeftForLater extends Error {
  constructor(readonly result: SyncRunResult) {
    super(`background sync left responses waiting (${result.outcome})`);
    this.name = 'SyncLeftForLater';
  }
}

/**
 * Whether a run left responses waiting for something time can cure (the network or the
 * collector failed, a backoff holds, the store failed, more were queued meanwhile), which
 * Background Sync may then send. Not when the outbox is empty, nor when only a person can
 * help (the token refused, the device not enrolled): the browser's retries would not.
 */
function leftForLater(result: SyncRunResult): boolean {
  if (result.outcome === 'unauthorized' || result.outcome === 'not-enrolled') return false;
  return result.remaining > 0 || result.outcome !== 'done';
}

/**
 * The service worker's answer to a `sync` event: one run of the engine for the tag's
 * outbox. It waits for the sync lock rather than giving up when a page holds it (the
 * page's run may have sent everything by then; Chromium allows only a few attempts).
 * Rejects while responses are left for later (`leftForLater`), so the browser tries
 * again at its own pace; settles otherwise.
 */
export async function sendInBackground(
  tag: string,
  deps: SyncEngineDeps,
): Promise<SyncRunResult | undefined> {
  const target = targetOfTag(tag);
  if (!target) return undefined;
  const { locks } = deps;
  const waitForLock: SyncEngineDeps['locks'] = locks && {
    request: (name, _ifAvailable, work) => locks.request(name, {}, work),
  };
  const engine = createSyncEngine({
    ...deps,
    target,
    ...(waitForLock ? { locks: waitForLock } : {}),
  });
  const result = await engine.syncNow('background');
  if (leftForLater(result)) throw new SyncLeftForLater(result);
  return result;
}
