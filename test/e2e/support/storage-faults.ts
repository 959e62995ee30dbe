/**
 * The device's storage failing under the app, caused the way the browser or the system
 * causes it: a full disk (a quota override through CDP), the site's data cleared, and
 * IndexedDB connections closed by the browser (as iOS does to a page in the background).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { deleteSetting } from './indexeddb';

/**
 * A row of the test's own in the app's settings table, written to find out when the
 * browser enforces a quota change: Chromium checks a write against the space it last
 * found free in that database, and looks again only every so often.
 */
const PROBE_KEY = 'storage-fault-probe';

/** Writes the probe row: 'ok', or the name of the error that stopped it. */
function probeWrite(page: Page): Promise<string> {
  return page.evaluate(
    (key) =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('library-survey');
        open.onerror = () => resolve(open.error?.name ?? 'open failed');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('settings', 'readwrite', { durability: 'strict' });
          tx.objectStore('settings').put({ key, value: performance.now() });
          tx.oncomplete = () => {
            db.close();
            resolve('ok');
          };
          tx.onabort = () => {
            db.close();
            resolve(tx.error?.name ?? 'aborted');
          };
        };
      }),
    PROBE_KEY,
  );
}

function originOf(page: Page): string {
  return new URL(page.url()).origin;
}

/** A full disk, until `free()` gives the origin its real quota back. */
export interface FullDisk {
  free: () => Promise<void>;
}

/**
 * Leaves the origin one byte of quota: from the moment this returns, every write to the
 * app's database fails with QuotaExceededError, as on a tablet whose disk is full. The
 * override lasts as long as the CDP session that set it, so that session is kept open
 * until `free()`.
 */
export async function fillDisk(page: Page): Promise<FullDisk> {
  const origin = originOf(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await expect.poll(() => probeWrite(page), { timeout: 90_000 }).toBe('QuotaExceededError');
  return {
    free: async () => {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await cdp.detach();
      await expect.poll(() => probeWrite(page), { timeout: 90_000 }).toBe('ok');
      await deleteSetting(page, PROBE_KEY);
    },
  };
}

/**
 * Clears everything the site keeps in the browser (IndexedDB, Cache Storage, the service
 * worker, local storage, cookies), as "Clear site data" in the browser's settings does.
 */
export async function clearSiteData(context: BrowserContext, origin: string): Promise<void> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
    await cdp.detach();
  } finally {
    await page.close();
  }
}

/** Where the init script keeps every IndexedDB connection the page opened. */
const CONNECTIONS = 'e2e:indexeddb-connections';

/**
 * Keeps every IndexedDB connection the page opens, from before the app's first script, so
 * a test can close them the way the browser does. Test instrumentation: the app itself
 * offers nothing for this.
 */
export async function trackDatabaseConnections(page: Page): Promise<void> {
  await page.addInitScript((key) => {
    const connections: IDBDatabase[] = [];
    (globalThis as unknown as Record<symbol, IDBDatabase[]>)[Symbol.for(key)] = connections;
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: [string, number?]) {
      const request = open.apply(this, args);
      request.addEventListener('success', () => connections.push(request.result));
      return request;
    };
  }, CONNECTIONS);
}

/**
 * Closes every open connection to the app's database, as the browser does to a page in
 * the background (iOS Safari) or when it must (the disk is cleaned up): the connection
 * stops working and, where the browser says so, its `close` event fires. Returns how many
 * were open: the app's own is one of them.
 */
export async function closeDatabaseUnderApp(
  page: Page,
  how: { closeEvent: boolean },
): Promise<number> {
  return page.evaluate(
    ({ key, closeEvent }) => {
      const connections =
        (globalThis as unknown as Record<symbol, IDBDatabase[] | undefined>)[Symbol.for(key)] ?? [];
      const isOpen = (connection: IDBDatabase) => {
        try {
          connection.transaction(connection.objectStoreNames[0] ?? '').abort();
          return true;
        } catch {
          return false; // InvalidStateError: closed already (the test's own reads close theirs)
        }
      };
      let closed = 0;
      for (const connection of connections.splice(0)) {
        if (connection.name !== 'library-survey' || !isOpen(connection)) continue;
        connection.close();
        if (closeEvent) connection.dispatchEvent(new Event('close'));
        closed++;
      }
      return closed;
    },
    { key: CONNECTIONS, closeEvent: how.closeEvent },
  );
}
