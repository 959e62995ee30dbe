/**
 * One simulated kiosk of the chaos run, in a worker thread of its own (so its own
 * fake-indexeddb, its own store and its own sync engine, as a tablet has): it enrolls with
 * a one-time code, makes responses through the app's store as the kiosk does (draft, then
 * submit or walk-away) and lets the real sync engine send them, with real fetch, through
 * the fault proxy. Then it waits until its outbox is empty, and reports what it made and
 * what its store holds.
 *
 * The device's clock may run faster than real time (`timeScale` < 1): every wait the engine
 * takes (backoff, Retry-After, its timer, the request timeout) then passes sooner, as if the
 * whole day were sped up, so a short run still meets the waits a long one does.
 */
import 'fake-indexeddb/auto';
import { v7 as uuidv7 } from 'uuid';
import {
  closeDraft,
  countByStatus,
  preloadMasking,
  quarantinedResponses,
  saveDraft,
  submitDraft,
  toSurveyResponse,
} from '../../src/app/store';
import { createCollectorApi } from '../../src/app/sync/collector-api';
import type { Timers } from '../../src/app/sync/http';
import { createSyncEngine, type SyncEngineDeps } from '../../src/app/sync/sync-engine';
import type { SurveyResponse } from '../../src/shared/contract/response';
import { LANGUAGES } from '../../src/shared/languages';
import { libraryServiceQuality } from '../../src/surveys/library-service-quality';
import { patronResponse } from './answers';
import { seededRandom } from './random';

// The store masks free texts with a module it loads by import() at the first submit; the
// worker's module runner is closed once this module has loaded (device-worker.mjs), so the
// masking is loaded now, while it can be.
await preloadMasking();

export interface DeviceJob {
  index: number;
  seed: number;
  /** How many responses this device makes. */
  responses: number;
  /** The fault proxy's origin, which stands for the collector. */
  collectorUrl: string;
  enrollmentCode: string;
  /** Device time per real time: 1 is real time, 0.1 makes every wait ten times shorter. */
  timeScale: number;
  /** The device clock's reading at the start, ms since the epoch. */
  clockStartMs: number;
}

/** What a device tells the run while it works, and at its end. */
export type DeviceMessage =
  | { kind: 'progress'; index: number; made: number }
  | { kind: 'made-all'; index: number }
  | { kind: 'done'; index: number; report: DeviceReport }
  | { kind: 'failed'; index: number; error: string };

export interface DeviceReport {
  deviceId: string;
  /** Every response made, as the contract record the device would send. */
  made: SurveyResponse[];
  /** What is left on the device by status: everything should be synced. */
  counts: Record<'draft' | 'queued' | 'synced' | 'quarantined', number>;
  quarantined: { id: string; outcome: string; reason: string }[];
  /** Sync runs that ended in each outcome. */
  runs: Record<string, number>;
}

/** Told by the run: stop waiting for the outbox and report (the deadline passed). */
export interface DeviceControl {
  stopped: Promise<void>;
}

const PROGRESS_EVERY = 50;
/** How long staff wait before trying the code again after a failure, device time. */
const ENROLL_RETRY_PAUSE_MS = 2000;

function scaledClock(job: DeviceJob): { now: () => number; timers: Timers } {
  const realStart = performance.now();
  return {
    now: () => Math.round(job.clockStartMs + (performance.now() - realStart) / job.timeScale),
    timers: {
      setTimeout: (callback, ms) => setTimeout(callback, ms * job.timeScale),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
  };
}

/** Counts this device's collector calls as they end, so the device can wait for the next. */
class CallWatch {
  count = 0;
  #waiting: { after: number; resolve: () => void }[] = [];
  ended(): void {
    this.count++;
    const due = this.#waiting.filter((w) => w.after < this.count);
    this.#waiting = this.#waiting.filter((w) => w.after >= this.count);
    for (const w of due) w.resolve();
  }
  /** Resolves once a call has ended after the `seen`th. */
  after(seen: number): Promise<void> {
    if (this.count > seen) return Promise.resolve();
    return new Promise((resolve) => this.#waiting.push({ after: seen, resolve }));
  }
}

export async function runDevice(
  job: DeviceJob,
  control: DeviceControl,
  tell: (message: DeviceMessage) => void,
): Promise<DeviceReport> {
  const random = seededRandom(job.seed);
  const clock = scaledClock(job);
  const calls = new CallWatch();
  const runs: Record<string, number> = {};
  const deps: SyncEngineDeps = {
    baseUrl: job.collectorUrl,
    fetch: (url, init) =>
      fetch(url, init).finally(() => {
        // The body is read after this; let the engine finish with it before we look.
        setImmediate(() => calls.ended());
      }),
    now: clock.now,
    random: random.next,
    timers: clock.timers,
    isOnline: () => true,
    onError: (error) => tell({ kind: 'failed', index: job.index, error: String(error) }),
  };
  const engine = createSyncEngine(deps);
  const api = createCollectorApi(deps, engine);

  // Enrolling is safe to repeat with the same code (a lost reply must not use it up). As
  // staff would, it is tried again after a pause, or after the Retry-After of a 429.
  let deviceId = '';
  for (;;) {
    const enrolled = await api.enrollDevice(job.enrollmentCode, `chaos kiosk ${job.index + 1}`);
    if (enrolled.ok) {
      deviceId = enrolled.enrollment.deviceId;
      break;
    }
    if (['code-invalid', 'code-expired', 'code-used'].includes(enrolled.code)) {
      throw new Error(`device ${job.index + 1} could not enroll: ${enrolled.code}`);
    }
    const pauseMs = enrolled.retryAfterMs ?? ENROLL_RETRY_PAUSE_MS;
    await new Promise((resolve) => clock.timers.setTimeout(() => resolve(undefined), pauseMs));
  }
  engine.start();

  const countRun = (outcome: string) => {
    runs[outcome] = (runs[outcome] ?? 0) + 1;
  };
  const made: SurveyResponse[] = [];
  for (let i = 0; i < job.responses; i++) {
    const patron = patronResponse(libraryServiceQuality, LANGUAGES, random);
    const startedMs = clock.now();
    const id = uuidv7({
      msecs: startedMs,
      random: Uint8Array.from({ length: 16 }, () => random.int(0, 255)),
    });
    await saveDraft(
      {
        id,
        surveyId: libraryServiceQuality.id,
        surveyVersion: libraryServiceQuality.version,
        locale: patron.locale,
        channel: 'kiosk',
        startedAt: new Date(startedMs).toISOString(),
        answers: patron.answers,
      },
      startedMs,
    );
    const at = new Date(clock.now());
    const queued = patron.completed ? await submitDraft(id, at) : await closeDraft(id, at);
    if (!queued) throw new Error(`response ${id} was not queued`);
    made.push(toSurveyResponse(queued));
    // As the app does after a submit: a run now, unless one is already going or waiting.
    engine.syncNow('submit').then((result) => countRun(result.outcome), deps.onError);
    if ((i + 1) % PROGRESS_EVERY === 0) tell({ kind: 'progress', index: job.index, made: i + 1 });
  }
  tell({ kind: 'progress', index: job.index, made: job.responses });
  tell({ kind: 'made-all', index: job.index });

  // The engine's own timer retries; we only look after each call whether anything waits.
  let stopped = false;
  control.stopped.then(() => {
    stopped = true;
    calls.ended();
  });
  for (;;) {
    const seen = calls.count;
    if (stopped || (await countByStatus()).queued === 0) break;
    await calls.after(seen);
    await engine.settled();
  }
  engine.stop();
  await engine.settled();

  return {
    deviceId,
    made,
    counts: await countByStatus(),
    quarantined: (await quarantinedResponses()).map((row) => ({
      id: row.id,
      outcome: row.quarantine?.outcome ?? '?',
      reason: row.quarantine?.reason ?? '',
    })),
    runs,
  };
}
