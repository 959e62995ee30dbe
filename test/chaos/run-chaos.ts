/**
 * One chaos run, as `npm run chaos` and the chaos test start it: a real collector process
 * on an empty database, a fault proxy in front of it, and simulated kiosks (device.ts, one
 * worker thread each) that enroll, make responses through the app's store and send them
 * with the app's sync engine, while the collector is killed and restarted mid-batch. At
 * the end the database is checked against what the devices made (stored-check.ts).
 */
import { Worker } from 'node:worker_threads';
import { createEnrollmentCode } from '../../src/server/devices/enrollment';
import { type DialectName, openStorage } from '../../src/server/storage';
import type { SurveyResponse } from '../../src/shared/contract/response';
import { libraryServiceQuality } from '../../src/surveys/library-service-quality';
import { chaosDatabase } from './chaos-database';
import { collectorProcess } from './collector-process';
import type { DeviceJob, DeviceMessage, DeviceReport } from './device';
import { FAULT_KINDS, type FaultKind, type FaultRates, startFaultProxy } from './fault-proxy';
import { derivedSeed, seededRandom } from './random';
import { checkStored, type StoredCheck } from './stored-check';

export interface ChaosOptions {
  /** Responses made in all, shared among the devices. */
  responses: number;
  devices: number;
  database: DialectName;
  /** The PostgreSQL server a database is made on for the run. */
  databaseUrl?: string | undefined;
  seed: number;
  /** How many times the collector is killed with SIGKILL and restarted. */
  kills: number;
  /** Device time per real time, and the proxy's delays with it: 1 is real time. */
  timeScale: number;
  /** The run fails when the outboxes are not empty by then. */
  deadlineMs: number;
  rates?: Partial<FaultRates>;
  /**
   * The devices' clocks at the start, ms since the epoch; the enrollment codes are made
   * valid from then, so it is the collector's (the real) time.
   */
  clockStartMs: number;
  log?: (line: string) => void;
  /** Ctrl-C (SIGINT) or SIGTERM ends the collector, drops the database and exits (the CLI). */
  exitOnSignal?: boolean;
}

export interface ChaosReport {
  options: Omit<ChaosOptions, 'log' | 'databaseUrl' | 'exitOnSignal'>;
  made: number;
  madeCompleted: number;
  check: StoredCheck;
  /** Responses still on a device that never left it: drafts and queued. */
  outboxLeft: number;
  quarantined: number;
  faults: Record<FaultKind, number>;
  requests: number;
  kills: number;
  /** Sync runs started by a submit, by how they ended, over all devices. */
  runs: Record<string, number>;
  deadlinePassed: boolean;
  /** Devices or engines that failed in a way no run outcome carries. */
  errors: string[];
  runMs: number;
  responsesPerSecond: number;
  /** Nothing lost, nothing twice, nothing changed, nothing refused. */
  ok: boolean;
}

const BRANCH_ID = 'main';
/** How long the collector stays down after a kill, at most, in device time. */
const MAX_DOWN_MS = 5000;

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => {});
  const began = performance.now();
  const random = seededRandom(derivedSeed(options.seed, options.devices));
  const database = await chaosDatabase(options.database, options.databaseUrl);
  const collector = await collectorProcess(database.env);
  let report: ChaosReport | undefined;
  const onSignal = () => {
    log('stopped: ending the collector and dropping the database');
    collector
      .kill()
      .then(() => database.drop())
      .finally(() => process.exit(130));
  };
  if (options.exitOnSignal) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  try {
    await collector.start();
    log(`collector on ${collector.url}, ${database.where}`);
    const storageOptions = {
      dataDir: database.env.DATA_DIR,
      databaseUrl: database.env.DATABASE_URL,
    };
    const codes: string[] = [];
    const storage = openStorage(storageOptions);
    try {
      for (let i = 0; i < options.devices; i++) {
        const created = await createEnrollmentCode(
          storage,
          BRANCH_ID,
          72,
          new Date(options.clockStartMs),
        );
        codes.push(created.code);
      }
    } finally {
      await storage.close();
    }

    const proxy = await startFaultProxy({
      target: collector.url,
      random,
      rates: {
        ...options.rates,
        maxLatencyMs: (options.rates?.maxLatencyMs ?? 3000) * options.timeScale,
      },
    });
    const devices = await runDevices(options, codes, proxy.url, collector, proxy, random, log);
    await collector.stop();
    await proxy.close();

    const made: SurveyResponse[] = devices.reports.flatMap((r) => r.made);
    const check = await checkStored(storageOptions, made, {
      surveyId: libraryServiceQuality.id,
      branchId: BRANCH_ID,
    });
    const outboxLeft = devices.reports.reduce((n, r) => n + r.counts.queued + r.counts.draft, 0);
    const quarantined = devices.reports.reduce((n, r) => n + r.counts.quarantined, 0);
    for (const r of devices.reports) {
      for (const q of r.quarantined.slice(0, 3)) {
        devices.errors.push(`quarantined on ${r.deviceId}: ${q.id} ${q.outcome} ${q.reason}`);
      }
    }
    const runs: Record<string, number> = {};
    for (const r of devices.reports) {
      for (const [outcome, n] of Object.entries(r.runs)) runs[outcome] = (runs[outcome] ?? 0) + n;
    }
    const madeCompleted = made.filter((r) => r.completed).length;
    const runMs = performance.now() - began;
    const { log: _, databaseUrl: __, exitOnSignal: ___, ...shown } = options;
    report = {
      options: shown,
      made: made.length,
      madeCompleted,
      check,
      outboxLeft,
      quarantined,
      faults: { ...proxy.faults },
      requests: proxy.requests(),
      kills: devices.kills,
      runs,
      deadlinePassed: devices.deadlinePassed,
      errors: devices.errors,
      runMs,
      responsesPerSecond: made.length / (runMs / 1000),
      ok:
        made.length === options.responses &&
        check.stored === made.length &&
        check.duplicates === 0 &&
        check.missing === 0 &&
        check.mismatched === 0 &&
        check.unexpected === 0 &&
        check.counted.responses === made.length &&
        check.counted.completed === madeCompleted &&
        outboxLeft === 0 &&
        quarantined === 0 &&
        !devices.deadlinePassed &&
        devices.errors.length === 0,
    };
    return report;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await collector.stop();
    // A failed SQLite run keeps its file, to be looked into.
    await database.drop(report?.ok === false && options.database === 'sqlite');
    if (report?.ok === false && options.database === 'sqlite') log(`kept ${database.where}`);
  }
}

interface DevicesOutcome {
  reports: DeviceReport[];
  kills: number;
  deadlinePassed: boolean;
  errors: string[];
}

/** Responses per device: the total shared out, the first devices taking one more. */
export function shareOf(total: number, devices: number, index: number): number {
  return Math.floor(total / devices) + (index < total % devices ? 1 : 0);
}

async function runDevices(
  options: ChaosOptions,
  codes: readonly string[],
  collectorUrl: string,
  collector: { kill(): Promise<void>; start(): Promise<void> },
  proxy: { nextBatchForwarded(): Promise<void> },
  random: ReturnType<typeof seededRandom>,
  log: (line: string) => void,
): Promise<DevicesOutcome> {
  const made = new Array<number>(options.devices).fill(0);
  const reports: DeviceReport[] = [];
  const errors: string[] = [];
  let madeAll = 0;
  let loggedStep = 0;
  const total = () => made.reduce((a, b) => a + b, 0);
  let progressWaiters: (() => void)[] = [];
  const progressed = () => {
    for (const resolve of progressWaiters.splice(0)) resolve();
  };

  const workers = codes.map((code, index) => {
    const job: DeviceJob = {
      index,
      seed: derivedSeed(options.seed, index),
      responses: shareOf(options.responses, options.devices, index),
      collectorUrl,
      enrollmentCode: code,
      timeScale: options.timeScale,
      clockStartMs: options.clockStartMs,
    };
    return new Worker(new URL('./device-worker.mjs', import.meta.url), { workerData: job });
  });
  let ended = 0;
  const finished = workers.map(
    (worker) =>
      new Promise<void>((settle) => {
        let over = false;
        const resolve = () => {
          if (over) return;
          over = true;
          ended++;
          progressed();
          settle();
        };
        worker.on('message', (message: DeviceMessage) => {
          if (message.kind === 'progress') {
            made[message.index] = message.made;
            const step = Math.floor((total() * 10) / options.responses);
            if (step > loggedStep) {
              loggedStep = step;
              log(`${total()} responses made`);
            }
            progressed();
          } else if (message.kind === 'made-all') {
            madeAll++;
            log(`device ${message.index + 1} made its responses`);
            progressed();
          } else if (message.kind === 'done') {
            reports.push(message.report);
            log(`device ${message.index + 1} has an empty outbox`);
            resolve();
          } else {
            errors.push(`device ${message.index + 1}: ${message.error}`);
          }
        });
        worker.on('error', (error: Error) => {
          errors.push(`device worker: ${error.stack ?? error.message}`);
          resolve();
        });
        worker.on('exit', () => resolve());
      }),
  );
  const allFinished = Promise.all(finished);

  let deadlinePassed = false;
  const deadline = setTimeout(() => {
    deadlinePassed = true;
    log(`the deadline of ${Math.round(options.deadlineMs / 1000)} s passed: stopping the devices`);
    for (const worker of workers) worker.postMessage('stop');
  }, options.deadlineMs);

  // Kill the collector at even steps of the responses made, each time just after a batch
  // was handed to it, so that it dies with a batch in its hands.
  let kills = 0;
  for (let k = 1; k <= options.kills && !deadlinePassed; k++) {
    const threshold = (options.responses * k) / (options.kills + 1);
    // A device that failed never makes its share: stop waiting once every device has ended.
    while (total() < threshold && madeAll < options.devices && ended < options.devices) {
      await new Promise<void>((resolve) => progressWaiters.push(resolve));
    }
    await Promise.race([proxy.nextBatchForwarded(), allFinished]);
    await collector.kill();
    kills++;
    log(`killed the collector (${kills}) at ${total()} responses made`);
    const downMs = random.next() * MAX_DOWN_MS * options.timeScale;
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await collector.start();
  }
  progressWaiters = [];
  await allFinished;
  clearTimeout(deadline);
  return { reports, kills, deadlinePassed, errors };
}

export function formatReport(report: ChaosReport): string[] {
  const { options: o, check } = report;
  const faults = FAULT_KINDS.map((kind) => `${kind} ${report.faults[kind]}`).join(', ');
  const runs = Object.entries(report.runs)
    .map(([outcome, n]) => `${outcome} ${n}`)
    .join(', ');
  return [
    `${o.devices} devices, ${o.responses} responses, ${o.database}, seed ${o.seed}, time scale ${o.timeScale}`,
    `made        ${report.made} (${report.madeCompleted} complete)`,
    `stored      ${check.stored}`,
    `counted     ${check.counted.responses} in the results (${check.counted.completed} complete)`,
    `duplicates  ${check.duplicates}`,
    `missing     ${check.missing}`,
    `mismatched  ${check.mismatched}`,
    `unexpected  ${check.unexpected}`,
    `quarantined ${report.quarantined}`,
    `left queued ${report.outboxLeft}`,
    `requests    ${report.requests}; faults: ${faults}`,
    `kills       ${report.kills} (SIGKILL, restarted)`,
    `after submit ${runs} (sync runs a submit started, by outcome)`,
    `run time    ${(report.runMs / 1000).toFixed(1)} s, ${report.responsesPerSecond.toFixed(1)} responses/s`,
    ...(report.deadlinePassed ? ['the deadline passed before every outbox was empty'] : []),
    ...check.examples,
    ...report.errors.slice(0, 10),
    report.ok ? 'OK: every response stored exactly once, as made' : 'FAILED',
  ];
}
