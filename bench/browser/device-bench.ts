/**
 * The kiosk's own store and sync code in a page of its own, for the browser benchmarks:
 * bundled by bench-page.ts and served on the collector's origin, so it shares the kiosk's
 * IndexedDB. Each function runs the app's code as the kiosk runs it and times it in the
 * page with performance.now().
 */
import { v7 as uuidv7 } from 'uuid';
import { countByStatus, type DraftInput, saveDraft, submitDraft } from '../../src/app/store';
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
 * Patrons answering: each answer of the questionnaire saved as the draft (what the kiosk
 * does on every tap), each response submitted at its end. Returns each save's duration, ms,
 * and how many read-write transactions asked for each durability.
 */
async function answerSaves(
  count: number,
): Promise<{ durations: number[]; durability: Record<string, number> }> {
  durabilities.clear();
  const durations: number[] = [];
  const entries = Object.entries(completeAnswers());
  while (durations.length < count) {
    const id = uuidv7();
    const answers: Answers = {};
    for (const [questionId, value] of entries) {
      if (durations.length >= count) break;
      answers[questionId] = value;
      const started = performance.now();
      await saveDraft(draft(id, { ...answers }, questionId));
      durations.push(performance.now() - started);
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

/** Queues `count` complete responses the way the kiosk does: a draft, then submit. */
async function queueResponses(count: number): Promise<void> {
  const answers = completeAnswers();
  for (let i = 0; i < count; i++) {
    const id = uuidv7();
    await saveDraft(draft(id, answers));
    await submitDraft(id);
  }
}

const deps = browserSyncDeps();
const engine = createSyncEngine(deps);
const collector = createCollectorApi(deps, engine);

/** Enrolls with a code from the collector; throws with the reason when it is refused. */
async function enroll(code: string): Promise<void> {
  const result = await collector.enrollDevice(code, 'benchmark kiosk');
  if (!result.ok) throw new Error(`enrollment refused: ${result.code}`);
}

/** One sync run to the collector, timed; the engine drains until nothing is left. */
async function syncAll(): Promise<{ ms: number; acknowledged: number; remaining: number }> {
  const started = performance.now();
  const result = await engine.syncNow('manual');
  return {
    ms: performance.now() - started,
    acknowledged: result.acknowledged,
    remaining: result.remaining,
  };
}

const deviceBench = { answerSaves, barePuts, queueResponses, countByStatus, enroll, syncAll };
export type DeviceBench = typeof deviceBench;
Object.assign(globalThis, { deviceBench });
