/**
 * The app's service worker: precache, navigations, prompt-mode updates and Background
 * Sync. What each does, and why, is in this folder's README.md; config/pwa.ts builds it.
 */
import '../shared/zod-without-eval';
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  PrecacheController,
  type PrecacheEntry,
  PrecacheRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import {
  APP_PAGE,
  type RouterRule,
  SHELL_CACHE_PREFIX,
  shellCacheName,
  shellFiles,
  staticRoutes,
  type UrlPatternConstructor,
} from './static-routes';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (PrecacheEntry | string)[];
  URLPattern?: UrlPatternConstructor;
};

/** The install event where the browser has static routes (static-routes.ts). */
type RoutingInstallEvent = ExtendableEvent & {
  addRoutes?: (rules: RouterRule[]) => Promise<void>;
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

const MANIFEST = self.__WB_MANIFEST;
const precache = new PrecacheController();
precache.addToCacheList(MANIFEST);
const SHELL_CACHE = shellCacheName(MANIFEST);

/**
 * The static routes to the precache and the shell cache (static-routes.ts), asked for while
 * the install event is dispatched; they apply once this version is active, by when both
 * caches are filled. Undefined where the browser has no such routes or refuses them: the
 * worker then installs without, and its fetch handler answers everything.
 */
function addStaticRoutes(event: RoutingInstallEvent): Promise<void> | undefined {
  if (!event.addRoutes || !self.URLPattern) return undefined;
  try {
    const rules = staticRoutes(
      MANIFEST,
      { precache: precache.strategy.cacheName, shell: SHELL_CACHE },
      self.location.origin,
      self.URLPattern,
    );
    if (rules.length === 0) {
      refused(new Error(`${MANIFEST.length} precached files: more than the routes may name`));
      return undefined;
    }
    return event.addRoutes(rules).catch(refused);
  } catch (error) {
    refused(error);
    return undefined;
  }
}

function refused(error: unknown): void {
  console.warn('The static routes were refused; the worker answers every request.', error);
}

/**
 * Makes the copies the shell cache lacks of the precache's files (all of them, at
 * install); returns the files the precache lacks.
 */
async function fillShell(): Promise<string[]> {
  const shell = await caches.open(SHELL_CACHE);
  const missing: string[] = [];
  for (const file of shellFiles(MANIFEST)) {
    for (const path of file.paths) {
      if (await shell.match(path)) continue;
      const response = await precache.matchPrecache(file.url);
      if (response) await shell.put(path, response);
      else missing.push(file.url);
    }
  }
  return missing;
}

// Install: the routes, the precache, then the shell cache's copies of its files.
self.addEventListener('install', (event) => {
  const routes = addStaticRoutes(event as RoutingInstallEvent);
  event.waitUntil(
    (async () => {
      await precache.install(event);
      // A file missing here fails the install: the browser tries again at its next check.
      const missing = await fillShell();
      if (missing.length > 0) throw new Error(`not in the precache: ${missing.join(', ')}`);
      await routes;
    })(),
  );
});

// Activate: a copy the shell cache lacks is made again where the precache has it (the
// routes may answer from it already), then earlier versions' files go: their shell caches
// (made before this one's: Cache Storage lists caches in the order they were made, so a
// newer version's is never among them), and, unless a newer version is installing or
// waiting (a deploy found while this one waited), the precache's files not in this
// version, which would include what the newer one has cached so far. It cleans up itself
// when it takes over.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const url of await fillShell()) console.warn(`${url} is not in the precache`);
      const names = await caches.keys();
      for (const name of names.slice(0, Math.max(0, names.indexOf(SHELL_CACHE)))) {
        if (name.startsWith(SHELL_CACHE_PREFIX)) await caches.delete(name);
      }
      if (self.registration.installing || self.registration.waiting) return;
      await precache.activate(event);
    })(),
  );
});

registerRoute(new PrecacheRoute(precache));
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(precache.createHandlerBoundToURL(APP_PAGE), { denylist: NOT_THE_APP }),
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
 * worker starts for every request the browser does not answer from the caches itself (a
 * public link's page, or any page where there are no static routes), and evaluating that
 * code each time would delay a start for an event that is rare. Bundled into this one
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
