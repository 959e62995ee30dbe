/**
 * A kiosk's report on itself, sent with each sync batch: the build it runs, how many
 * responses wait and how many the collector refused, and its storage. The collector keeps
 * the latest per device for `device list` and the dashboard's devices page. Counts and
 * sizes only, nothing about a patron.
 */
import { z } from 'zod/mini';

/** Characters of the app version a device reports: a release name or a commit. */
export const MAX_APP_VERSION_CHARS = 64;

/**
 * Share of its storage quota a device may use before it is marked: above it a busy week
 * offline can fill the rest, and the browser then refuses the next patron's answers.
 */
export const STORAGE_WARNING_SHARE = 0.8;

/**
 * Shaped to pass the look a collector takes at a batch's text before parsing it
 * (src/server/ingest/record-limits.ts), a collector from before this report included: an
 * object beside the records may have at most three fields, and one inside it as many as a
 * record. Flat, the report would have a batch refused whole by such a collector.
 */
export const DeviceHealthSchema = z.object({
  /** The build the device runs (the app's VITE_APP_VERSION). */
  appVersion: z.string().check(z.minLength(1), z.maxLength(MAX_APP_VERSION_CHARS)),
  responses: z.object({
    /** Queued on the device besides the ones in the batch the report came with. */
    waiting: z.int().check(z.gte(0)),
    /** Refused by the collector, kept on the device until staff decide. */
    quarantined: z.int().check(z.gte(0)),
  }),
  /**
   * The site's storage (navigator.storage); each part absent where the browser does not
   * tell (no StorageManager: an old Safari, a page not served over HTTPS).
   */
  storage: z.object({
    /** Bytes used and the most the browser lets the site use (estimate()). */
    usedBytes: z.optional(z.number().check(z.gte(0))),
    quotaBytes: z.optional(z.number().check(z.gte(0))),
    /** Whether the browser granted persistent storage (persisted()). */
    persistent: z.optional(z.boolean()),
  }),
});
export type DeviceHealth = z.infer<typeof DeviceHealthSchema>;

/** The latest report the collector kept for a device, with when it arrived. */
export const DeviceHealthReportSchema = z.object({
  ...DeviceHealthSchema.shape,
  reportedAt: z.iso.datetime({ offset: true }),
});
export type DeviceHealthReport = z.infer<typeof DeviceHealthReportSchema>;

/** The share of its quota a device uses, or undefined when it did not say. */
export function storageShare(health: DeviceHealth): number | undefined {
  const { usedBytes: used, quotaBytes: quota } = health.storage;
  if (used === undefined || quota === undefined || quota <= 0) return undefined;
  return used / quota;
}

export interface HealthConcerns {
  /** Responses the collector refused wait on the device for staff. */
  quarantined: boolean;
  /** The device uses more than STORAGE_WARNING_SHARE of its quota. */
  storageFull: boolean;
}

/** What about a device's health needs someone to look at it. */
export function healthConcerns(health: DeviceHealth): HealthConcerns {
  return {
    quarantined: health.responses.quarantined > 0,
    storageFull: (storageShare(health) ?? 0) > STORAGE_WARNING_SHARE,
  };
}
