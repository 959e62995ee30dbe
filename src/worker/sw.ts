/**
 * The app's service worker: precache, navigations, prompt-mode updates and Background
 * Sync. What each does, and why, is in this folder's README.md; config/pwa.ts builds it.
 */
import '../shared/zod-without-eval';
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  type PrecacheEntry,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (PrecacheEntry | string)[];
};

/** The Background Sync event (not in TypeScript's WebWorker library). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

/**
 * Navigations the app shell does not answer: the collector's API, the librarians'
 * dashboard, and a public link's poster (/s/<token>/poster, the collector's page). The
 * link's own page (/s/<token>) is the app, which a phone that opened it reloads offline.
 */
const NOT_THE_APP = [/^\/api\//, /^\/admin/, /^\/s\/[^/]+\/poster/];

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: NOT_THE_APP }),
);

// The first visit installs the worker while the page runs; claiming that page makes its
// later lazy loads (another language's texts) come from the precache, so a kiosk whose
// network drops before anyone reloads it still switches language. Updates still wait:
// without skipWaiting a new worker activates only when the welcome screen applies it.
clientsClaim();

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/**
 * Sync's code (the store, zod, the engine) is imported only when a sync event comes: the
 * worker starts for every navigation it answers, and evaluating that code each time would
 * delay a kiosk's or a phone's start for an event that is rare. Bundled into this one
 * script, the import is a function that runs its modules on first call.
 */
async function sendFor(tag: string): Promise<void> {
  const [{ sendInBackground }, { browserSyncDeps }] = await Promise.all([
    import('../app/sync/background-sync'),
    import('../app/sync/browser-deps'),
  ]);
  await sendInBackground(tag, browserSyncDeps());
}

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  sync.waitUntil(sendFor(sync.tag));
});
