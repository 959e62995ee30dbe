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
