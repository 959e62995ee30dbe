/**
 * Sync and the collector client, loaded after the first screen is up (they bring the
 * schema library for validating replies, which the first screen does without).
 */
import type { KioskOptions } from '../shared/contract/device';
import type { SurveyStructure } from '../shared/contract/survey-package';
import { nextIdle } from './after-first-screen';
import type { StaffActions } from './staff/StaffScreen';
import type { CollectorApi, SyncEngine } from './sync';
import { atNextWelcome } from './welcome-moment';

/** The kiosk asks the collector for its configuration this often (and after enrolling). */
const CONFIG_REFRESH_INTERVAL_MS = 60 * 60 * 1000;

interface Services {
  sync: SyncEngine;
  collector: CollectorApi;
  /** After a Send: sync now, and leave what stays queued to Background Sync. */
  afterSubmit(): Promise<unknown>;
}

let loaded: Promise<Services> | undefined;

/**
 * Loads sync in steps, each evaluated in a task of its own, the next once the browser is
 * idle again: together (zod and the device's schemas, built as their modules are
 * evaluated, then the sync code and the engine's first reads) they made one task long
 * enough to hold up a tap on a slow tablet for a third of a second. Each import finds the
 * earlier ones' modules evaluated already, so it evaluates only what it adds; the
 * contract's modules come in the order they import one another. A module left out of the
 * list is evaluated with the next one that needs it: the order changes how long the tasks
 * are, never what runs. A step of its own for zod alone, or for a module without exports,
 * made the bundler move zod's modules and its own runtime helpers into chunks of their own,
 * which the entry then loads before the first screen; zod is configured without an import
 * of it (shared/zod-without-eval.ts).
 */
const SYNC_STEPS = [
  () => import('../shared/contract/answer'),
  () => import('../shared/contract/survey-package'),
  () => import('../shared/contract/sync'),
  () => import('../shared/contract/device-api'),
] as const;

async function loadServices(): Promise<Services> {
  for (const step of SYNC_STEPS) {
    await step();
    await nextIdle();
  }
  const { browserSyncDeps, createCollectorApi, createSyncEngine, sendAfterSubmit } = await import(
    './sync'
  );
  await nextIdle();
  const deps = browserSyncDeps();
  const sync = createSyncEngine(deps);
  // The engine is the only writer of the sync state; the client reports to it.
  return {
    sync,
    collector: createCollectorApi(deps, sync),
    afterSubmit: () => sendAfterSubmit(sync),
  };
}

function services(): Promise<Services> {
  loaded ??= loadServices();
  return loaded;
}

/**
 * Asks the collector what this kiosk should run; when the survey version or the kiosk
 * options changed, the app reloads at the next welcome screen to use them.
 */
async function refreshConfig(running: {
  survey: SurveyStructure;
  kioskOptions: KioskOptions;
}): Promise<void> {
  const { collector } = await services();
  const result = await collector.refreshDeviceConfig();
  if (!result.ok) return;
  const active = result.survey.active;
  const surveyChanged =
    active !== undefined &&
    (active.id !== running.survey.id || active.version !== running.survey.version);
  const options = Object.keys(result.config.kiosk) as (keyof KioskOptions)[];
  const optionsChanged = options.some(
    (key) => result.config.kiosk[key] !== running.kioskOptions[key],
  );
  if (surveyChanged || optionsChanged) atNextWelcome(() => location.reload());
}

export function startServices(running: {
  survey: SurveyStructure;
  kioskOptions: KioskOptions;
}): void {
  void services().then(async ({ sync }) => {
    await nextIdle();
    sync.start();
    void refreshConfig(running);
    setInterval(() => void refreshConfig(running), CONFIG_REFRESH_INTERVAL_MS);
  });
}

/**
 * A response was queued: send it while the patron reads the thank-you screen; what cannot
 * go now is left to Background Sync too, for a tablet closed before the network is back.
 */
export function syncAfterSubmit(): void {
  void services().then(({ afterSubmit }) => afterSubmit());
}

export function staffActions(running: {
  survey: SurveyStructure;
  kioskOptions: KioskOptions;
}): StaffActions {
  return {
    syncNow: async () => (await services()).sync.syncNow('manual'),
    enroll: async (code, deviceName) => {
      const { sync, collector } = await services();
      const result = await collector.enrollDevice(code, deviceName);
      if (!result.ok) return result.code;
      void sync.syncNow('enrolled');
      void refreshConfig(running);
      return null;
    },
  };
}
