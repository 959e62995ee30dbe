/**
 * The kiosk's own store and sync code in a page of its own, for the browser benchmarks:
 * bundled by bench-page.ts and served on the collector's origin, so it shares the kiosk's
 * IndexedDB. Each function runs the app's code as the kiosk runs it and times it in the
 * page with performance.now().
 */
// First, as the app's entries do: zod jitless, as under the app's policy.
import '../../src/shared/zod-without-eval';
import { v7 as uuidv7 } from 'uuid';
import { DraftWriter } from '../../src/app/kiosk/draft-writer';
import { countByStatus, type DraftInput, saveDraft, submitDraft } from '../../src/app/store';
import { db } from '../../src/app/store/database';
import { browserSyncDeps, createCollectorApi, createSyncEngine } from '../../src/app/sync';
import type { Answers } from '../../src/shared/contract/answer';
import { completeAnswers } from '../../test/fixtures/survey-package';

const SURVEY = { surveyId: 'library-service-quality', surveyVersion: 1 } as const;

/** The durability each read-write transaction asked IndexedDB for, counted (the check behind "strict"). */
const durabilities = new Map<string, number>();
const openTransaction = IDBDatabase.prototype.transaction;
IDBDatabase.prototype.transaction = function transaction(this: IDBDatabase, ...args) {
  const [, mode, options] = args;
  if (mode === 'readwrite') {
    const durability = options?.durability ?? 'default';
    durabilities.set(durability, (durabilities.get(durability) ?? 0) + 1);
  }
  return openTransaction.apply(this, args);
} as typeof openTransaction;

function draft(id: string, answers: Answers, currentQuestionId?: string): DraftInput {
  return {
    id,
    ...SURVEY,
    locale: 'sl',
    channel: 'kiosk',
    startedAt: new Date(performance.timeOrigin).toISOString(),
    answers,
    ...(currentQuestionId ? { currentQuestionId } : {}),
  };
}

/**
 * Patrons answering: each answer of the questionnaire saved as the draft the way the kiosk
 * saves a tap (use-kiosk.ts: DraftWriter.writeNow, which calls saveDraft and resolves once
 * the draft is on disk), each response submitted at its end. Returns each save's duration,
 * ms, and how many read-write transactions asked for each durability.
 */
async function answerSaves(
  count: number,
): Promise<{ durations: number[]; durability: Record<string, number> }> {
  durabilities.clear();
  const durations: number[] = [];
  const entries = Object.entries(completeAnswers());
  while (durations.length < count) {
    const id = uuidv7();
    let failure: string | null = null;
    const writer = new DraftWriter((kind) => {
      failure = kind;
    });
    const answers: Answers = {};
    for (const [questionId, value] of entries) {
      if (durations.length >= count) break;
      answers[questionId] = value;
      const started = performance.now();
      const saved = await writer.writeNow(draft(id, { ...answers }, questionId));
      durations.push(performance.now() - started);
      if (!saved) throw new Error(`the answer to ${questionId} was not saved: ${failure}`);
    }
    await submitDraft(id);
  }
  return { durations, durability: Object.fromEntries(durabilities) };
}

/**
 * The browser's own floor for comparison: a bare IndexedDB put of a draft-sized record
 * with strict durability, in a database of its own, one transaction each. Durations, ms.
 */
async function barePuts(count: number): Promise<number[]> {
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('bench-bare-puts', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('rows', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const row = { ...draft(uuidv7(), completeAnswers()), status: 'draft', updatedAt: 0 };
  const durations: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const transaction = database.transaction('rows', 'readwrite', { durability: 'strict' });
      transaction.objectStore('rows').put({ ...row, updatedAt: i });
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    durations.push(performance.now() - started);
  }
  database.close();
  return durations;
}

/** Rows written per transaction when filling the outbox (see fillOutbox). */
const FILL_CHUNK = 5_000;

/**
 * Queues `count` complete responses the way the kiosk does, each through saveDraft and
 * submitDraft (two strict transactions, as a patron's submit makes them).
 */
async function queueResponses(count: number): Promise<void> {
  const answers = completeAnswers();
  for (let i = 0; i < count; i++) {
    const id = uuidv7();
    await saveDraft(draft(id, answers));
    await submitDraft(id);
  }
}

/**
 * Fills the outbox with `count` waiting responses in seconds, where queueing each would
 * take two flushes: one response is queued through saveDraft and submitDraft, and its row,
 * exactly as the store wrote it, is copied with a new id and the next deviceSeq into the
 * store's own database, FILL_CHUNK rows per transaction, the device's deviceSeq moved on.
 */
async function fillOutbox(count: number): Promise<void> {
  const firstId = uuidv7();
  await saveDraft(draft(firstId, completeAnswers()));
  const template = await submitDraft(firstId);
  if (template?.deviceSeq === undefined) throw new Error('the first response was not queued');
  let seq = template.deviceSeq;
  for (let done = 1; done < count; done += FILL_CHUNK) {
    const rows = Array.from({ length: Math.min(FILL_CHUNK, count - done) }, () => ({
      ...template,
      id: uuidv7(),
      deviceSeq: ++seq,
    }));
    await db.transaction('rw', db.responses, db.settings, async () => {
      await db.responses.bulkAdd(rows);
      await db.settings.put({ key: 'deviceSeq', value: seq });
    });
  }
}

/** Time spent waiting on the collector's replies, to tell the device's share from the collector's. */
const collectorWait = { requests: 0, ms: 0 };
const browserDeps = browserSyncDeps();
const deps = {
  ...browserDeps,
  fetch: async (url: string, init: RequestInit) => {
    const started = performance.now();
    try {
      return await browserDeps.fetch(url, init);
    } finally {
      collectorWait.requests++;
      collectorWait.ms += performance.now() - started;
    }
  },
};
const engine = createSyncEngine(deps);
const collector = createCollectorApi(deps, engine);

/** Enrolls with a code from the collector; throws with the reason when it is refused. */
async function enroll(code: string): Promise<void> {
  const result = await collector.enrollDevice(code, 'benchmark kiosk');
  if (!result.ok) throw new Error(`enrollment refused: ${result.code}`);
}

/**
 * One sync run to the collector, timed; the engine drains until nothing is left. Returns the
 * run's duration, the requests it made and how long it waited for their replies, ms.
 */
async function syncAll(): Promise<{
  ms: number;
  requests: number;
  collectorMs: number;
  acknowledged: number;
  remaining: number;
}> {
  collectorWait.requests = 0;
  collectorWait.ms = 0;
  const started = performance.now();
  const result = await engine.syncNow('manual');
  return {
    ms: performance.now() - started,
    requests: collectorWait.requests,
    collectorMs: collectorWait.ms,
    acknowledged: result.acknowledged,
    remaining: result.remaining,
  };
}

const deviceBench = {
  answerSaves,
  barePuts,
  queueResponses,
  fillOutbox,
  countByStatus,
  enroll,
  syncAll,
};
export type DeviceBench = typeof deviceBench;
Object.assign(globalThis, { deviceBench });
