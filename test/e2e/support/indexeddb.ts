/** Reads the app's IndexedDB from inside the page, the way the app itself stores it. */
import type { Page } from 'playwright-core';

export interface DeviceResponseRow {
  id: string;
  surveyId: string;
  status: 'draft' | 'queued' | 'synced' | 'quarantined';
  locale: string;
  channel: string;
  completed: boolean;
  deviceSeq?: number;
  deviceId: string;
  branchId: string | null;
  answers: Record<string, unknown>;
  /** A draft's gap items answered on only some of their lines. */
  partialGaps?: Record<string, Record<string, unknown>>;
  quarantine?: { outcome: string; reason: string; path?: string };
  /** Answers that came too fast to have been read (set when the response is queued). */
  suspect?: boolean;
  /** A draft's record of when each question was first answered (ms, the page's clock). */
  answerTimes?: Record<string, number>;
}

export function readResponses(page: Page): Promise<DeviceResponseRow[]> {
  return page.evaluate(
    () =>
      new Promise<DeviceResponseRow[]>((resolve, reject) => {
        const open = indexedDB.open('library-survey');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('responses').objectStore('responses').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as DeviceResponseRow[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** One row of the app's settings table (device id, enrollment, active survey, sync state…). */
export function readSetting(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (settingKey) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('library-survey');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('settings').objectStore('settings').get(settingKey);
          request.onsuccess = () => {
            db.close();
            resolve((request.result as { value?: unknown } | undefined)?.value);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    key,
  );
}

/** Deletes one row of the app's settings table; its absence is what the app sees next. */
export function deleteSetting(page: Page, key: string): Promise<void> {
  return page.evaluate(
    (settingKey) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('library-survey');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('settings', 'readwrite');
          tx.objectStore('settings').delete(settingKey);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        };
      }),
    key,
  );
}

/** Empties the responses table, so the next test starts from an empty device. */
export function clearResponses(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('library-survey');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('responses', 'readwrite');
          tx.objectStore('responses').clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** A queued response as the app's store keeps it (store/schema.ts DeviceResponse). */
export interface QueuedRowInput {
  id: string;
  surveyId: string;
  surveyVersion: number;
  locale: string;
  answers: Record<string, unknown>;
  /** Put straight into quarantine with this reason instead of the outbox. */
  quarantine?: { outcome: 'conflict' | 'rejected'; reason: string };
}

/**
 * Puts responses on the device as the app's store queues them, in one transaction: the
 * device's id and enrollment branch, the next deviceSeq for each (the counter moved on as
 * the store moves it). Thousands of patrons' worth in a second, where answering each
 * would take hours; what the app then does with them is the app's own code.
 */
export function queueResponses(page: Page, rows: QueuedRowInput[], at: string): Promise<void> {
  return page.evaluate(
    ({ rows, at }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('library-survey');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['responses', 'settings'], 'readwrite', {
            durability: 'strict',
          });
          const settings = tx.objectStore('settings');
          const read = (key: string) =>
            new Promise<unknown>((done) => {
              const request = settings.get(key);
              request.onsuccess = () => done((request.result as { value?: unknown })?.value);
            });
          Promise.all([read('deviceId'), read('enrollment'), read('deviceSeq')]).then(
            ([deviceId, enrollment, lastSeq]) => {
              let seq = (lastSeq as number | undefined) ?? 0;
              const branchId =
                (enrollment as { branch?: { id: string } } | undefined)?.branch?.id ?? null;
              const responses = tx.objectStore('responses');
              const atMs = Date.parse(at);
              for (const row of rows) {
                seq += 1;
                const { quarantine, ...fields } = row;
                responses.put({
                  ...fields,
                  channel: 'kiosk',
                  deviceId,
                  branchId,
                  startedAt: at,
                  submittedAt: at,
                  completed: true,
                  deviceSeq: seq,
                  updatedAt: atMs,
                  status: quarantine ? 'quarantined' : 'queued',
                  ...(quarantine ? { quarantine: { ...quarantine, at: atMs } } : {}),
                });
              }
              settings.put({ key: 'deviceSeq', value: seq });
            },
          );
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { rows, at },
  );
}
