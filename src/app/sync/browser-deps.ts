/**
 * The engine's and the collector client's dependencies, taken from the browser. Built
 * once at start-up; tests build their own from fakes instead.
 */
import { APP_VERSION } from '../app-version';
import type { SyncEngineDeps } from './sync-engine';

export function browserSyncDeps(baseUrl = ''): SyncEngineDeps {
  const locks = globalThis.navigator?.locks;
  return {
    baseUrl,
    // Called through a wrapper: fetch invoked as a method of another object throws
    // "Illegal invocation" in Chromium and Safari.
    fetch: (url, init) => globalThis.fetch(url, init),
    now: () => Date.now(),
    random: () => Math.random(),
    timers: {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as number | undefined),
    },
    // Web Locks arrived in Safari 15.4; older iPads sync without it (one tab there anyway).
    ...(locks
      ? { locks: { request: (name, options, callback) => locks.request(name, options, callback) } }
      : {}),
    isOnline: () => globalThis.navigator?.onLine !== false,
    window: globalThis.window,
    document: globalThis.document,
    onError: (error) => console.error('sync failed', error),
    // The kiosk's health report; the engine leaves it out for a phone's public link.
    health: { appVersion: APP_VERSION, storage: globalThis.navigator?.storage },
  };
}
