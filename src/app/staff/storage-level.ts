/**
 * How full the device's storage is, for the staff view: used and free bytes of the quota
 * the browser gives this site, and a warning from STORAGE_WARNING_FRACTION on, while there
 * is still room to send or save what waits before a new response can no longer be saved.
 */
import type { Language } from '../../shared/languages';

/** From this share of the quota used, staff are warned. */
export const STORAGE_WARNING_FRACTION = 0.8;

export interface StorageLevel {
  usage: number;
  quota: number;
  free: number;
  /** usage / quota, from 0 to 1. */
  fraction: number;
  warn: boolean;
}

export function storageLevel(estimate: { usage: number; quota: number }): StorageLevel {
  const usage = Math.max(0, estimate.usage);
  const quota = Math.max(0, estimate.quota);
  const fraction = quota > 0 ? Math.min(1, usage / quota) : 1;
  return {
    usage,
    quota,
    free: Math.max(0, quota - usage),
    fraction,
    warn: fraction >= STORAGE_WARNING_FRACTION,
  };
}

const UNITS = [
  ['gigabyte', 1e9],
  ['megabyte', 1e6],
  ['kilobyte', 1e3],
] as const;

/** Bytes in the largest unit that keeps the number at 1 or more (SI: 1 MB = 1,000,000 bytes). */
export function formatBytes(language: Language, bytes: number): string {
  for (const [unit, size] of UNITS) {
    if (bytes >= size) {
      return new Intl.NumberFormat(language, {
        style: 'unit',
        unit,
        maximumFractionDigits: bytes >= 10 * size ? 0 : 1,
      }).format(bytes / size);
    }
  }
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'byte' }).format(bytes);
}

export function formatShare(language: Language, fraction: number): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(
    fraction,
  );
}
