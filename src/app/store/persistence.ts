/**
 * Asks the browser to keep this site's storage even under pressure. Without it, a browser
 * may evict IndexedDB of a site not visited for a while, taking unsent answers with it.
 */
import { writeSetting } from './settings';

export async function requestPersistentStorage(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return false;
  const persisted = (await storage.persisted?.()) || (await storage.persist());
  await writeSetting('storagePersisted', persisted);
  return persisted;
}

/** How much this site stores and may store, in bytes, as the browser estimates it. */
export interface StorageEstimate {
  usage: number;
  quota: number;
}

/** The browser's estimate (navigator.storage.estimate); undefined where it gives none. */
export async function estimateStorage(): Promise<StorageEstimate | undefined> {
  const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
  if (estimate?.usage === undefined || !estimate.quota) return undefined;
  return { usage: estimate.usage, quota: estimate.quota };
}
