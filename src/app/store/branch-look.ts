/**
 * The branch's opening hours and look as this device last heard them, kept in its settings
 * so the kiosk shows them with no network: the hours and the zone they are in, and the
 * welcome screen's display name, accent and logo (the file itself, as a data: URL, since
 * the service worker's precache is made at build time and knows no branch's logo).
 */
import type { OpeningPeriod } from '../../shared/kiosk/opening-hours';
import { useLiveQuery } from './live';
import { readSetting, writeSetting } from './settings';

export interface StoredOpeningHours {
  hours: OpeningPeriod[] | null;
  /** IANA zone of the hours; undefined: the device's own. */
  timeZone?: string;
}

export interface StoredBranchLook {
  displayName?: string;
  accent?: string;
  /** The logo as fetched from `url` (the config's logoUrl), as a data: URL. */
  logo?: { url: string; dataUrl: string };
}

export function saveOpeningHours(hours: StoredOpeningHours): Promise<void> {
  return writeSetting('openingHours', hours);
}

export async function getOpeningHours(): Promise<StoredOpeningHours> {
  return (await readSetting('openingHours')) ?? { hours: null };
}

export function saveBranchLook(look: StoredBranchLook): Promise<void> {
  return writeSetting('branchLook', look);
}

export async function getBranchLook(): Promise<StoredBranchLook> {
  return (await readSetting('branchLook')) ?? {};
}

/** The hours as they change; undefined while loading (the kiosk then counts as open). */
export function useOpeningHours(): StoredOpeningHours | undefined {
  return useLiveQuery(getOpeningHours);
}

export function useBranchLook(): StoredBranchLook | undefined {
  return useLiveQuery(getBranchLook);
}
