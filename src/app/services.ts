/**
 * Sync and the collector client, loaded after the first screen is up (they bring the
 * schema library for validating replies, which the first screen does without).
 */
import type { KioskOptions } from '../shared/contract/device';
import type { SurveyStructure } from '../shared/contract/survey-package';
import type { StaffActions } from './staff/StaffScreen';
import type { CollectorApi, SyncEngine } from './sync';
import { atNextWelcome } from './welcome-moment';

/** The kiosk asks the collector for its configuration this often (and after enrolling). */
const CONFIG_REFRESH_INTERVAL_MS = 60 * 60 * 1000;

interface Services {
  sync: SyncEngine;
  collector: CollectorApi;
}

let loaded: Promise<Services> | undefined;

function services(): Promise<Services> {
  loaded ??= import('./sync').then(({ browserSyncDeps, createCollectorApi, createSyncEngine }) => {
    const deps = browserSyncDeps();
    const sync = createSyncEngine(deps);
    // The engine is the only writer of the sync state; the client reports to it.
    return { sync, collector: createCollectorApi(deps, sync) };
  });
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
  void services().then(({ sync }) => {
    sync.start();
    void refreshConfig(running);
    setInterval(() => void refreshConfig(running), CONFIG_REFRESH_INTERVAL_MS);
  });
}

/** A response was queued: send it while the patron reads the thank-you screen. */
export function syncAfterSubmit(): void {
  void services().then(({ sync }) => sync.syncNow('submit'));
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
