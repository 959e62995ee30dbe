/**
 * The kiosk's report on itself, sent with its sync batches: the build it runs, how many
 * responses wait and how many the collector refused (from the store), and its storage (from
 * the browser's StorageManager). Read once per run; the drain keeps the counts current
 * batch by batch. Never a reason not to sync: a report that cannot be read is left out.
 */
import { type DeviceHealth, MAX_APP_VERSION_CHARS } from '../../shared/contract/device-health';
import { countQuarantined, countQueued } from '../store';

/**
 * Waiting responses are counted up to this many: counting reads every key of the outbox
 * (IndexedDB keeps no count), and a number this large already says "call the bookmobile in".
 */
export const HEALTH_WAITING_COUNTED_UP_TO = 10_000;

/** The part of navigator.storage the report reads. */
export interface StorageReader {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  persisted?: () => Promise<boolean>;
}

/** Where the report's parts come from: the build's version and the browser's storage. */
export interface HealthSource {
  appVersion: string;
  /** navigator.storage; undefined where the browser has none (old Safari, plain HTTP). */
  storage?: StorageReader | undefined;
}

/** A number the browser reported, kept only when it is one a report may carry. */
function bytes(value: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

async function storageOf(storage: StorageReader | undefined): Promise<DeviceHealth['storage']> {
  // Each part on its own: a browser that refuses the estimate may still say persisted.
  const [estimate, persisted] = await Promise.all([
    storage?.estimate?.().catch(() => undefined),
    storage?.persisted?.().catch(() => undefined),
  ]);
  const used = bytes(estimate?.usage);
  const quota = bytes(estimate?.quota);
  return {
    ...(used === undefined ? {} : { usedBytes: used }),
    ...(quota === undefined ? {} : { quotaBytes: quota }),
    ...(typeof persisted === 'boolean' ? { persistent: persisted } : {}),
  };
}

/** The report as of now: every queued response counted as waiting. */
export async function readDeviceHealth(source: HealthSource): Promise<DeviceHealth> {
  const [waiting, quarantined, storage] = await Promise.all([
    countQueued(HEALTH_WAITING_COUNTED_UP_TO),
    countQuarantined(),
    storageOf(source.storage),
  ]);
  return {
    appVersion: source.appVersion.slice(0, MAX_APP_VERSION_CHARS) || 'unknown',
    responses: { waiting, quarantined },
    storage,
  };
}
