/**
 * Device settings: identity, enrollment, kiosk options and sync bookkeeping, one row per
 * key. The device id is made once and kept for the life of the device.
 */
import { v4 as uuidv4 } from 'uuid';
import { DEFAULT_KIOSK_OPTIONS, DEFAULT_SENT_KEPT_DAYS } from '../../shared/contract/constants';
import type { KioskOptions, Place } from '../../shared/contract/device';
import { withDatabase } from './database';
import type {
  CachedLink,
  Enrollment,
  Interviewing,
  SettingKey,
  SettingValues,
  SurveyDatabase,
  SyncState,
} from './schema';

export async function readSetting<K extends SettingKey>(
  key: K,
): Promise<SettingValues[K] | undefined> {
  const row = await withDatabase((database) => database.settings.get(key));
  return row?.value as SettingValues[K] | undefined;
}

export async function writeSetting<K extends SettingKey>(
  key: K,
  value: SettingValues[K],
): Promise<void> {
  await withDatabase((database) => database.settings.put({ key, value }));
}

/** The device id inside an open transaction, made on first use (random v4: no timestamp). */
export async function deviceIdIn(database: SurveyDatabase): Promise<string> {
  const row = await database.settings.get('deviceId');
  if (row) return row.value as string;
  const deviceId = uuidv4();
  await database.settings.put({ key: 'deviceId', value: deviceId });
  return deviceId;
}

export function ensureDeviceId(): Promise<string> {
  return withDatabase((database) =>
    database.transaction('rw', database.settings, () => deviceIdIn(database)),
  );
}

export function getEnrollment(): Promise<Enrollment | undefined> {
  return readSetting('enrollment');
}

export function saveEnrollment(enrollment: Enrollment): Promise<void> {
  return writeSetting('enrollment', enrollment);
}

/** Forgets the token (revoked or re-enrolling); responses stay where they are. */
export async function forgetEnrollment(): Promise<void> {
  await withDatabase((database) => database.settings.delete('enrollment'));
}

export async function getKioskOptions(): Promise<KioskOptions> {
  return { ...DEFAULT_KIOSK_OPTIONS, ...(await readSetting('kioskOptions')) };
}

export async function saveKioskOptions(options: Partial<KioskOptions>): Promise<void> {
  const current = (await readSetting('kioskOptions')) ?? {};
  await writeSetting('kioskOptions', { ...current, ...options });
}

/** Days a response stays on the device once acknowledged: the branch's, or the default. */
export async function getSentKeptDays(): Promise<number> {
  return (await readSetting('sentKeptDays')) ?? DEFAULT_SENT_KEPT_DAYS;
}

export function saveSentKeptDays(days: number): Promise<void> {
  return writeSetting('sentKeptDays', days);
}

/** Patrons answer on their own, at no place, until staff say otherwise. */
export const NOT_INTERVIEWING: Interviewing = { staffAsks: false, place: null };

export async function getInterviewing(): Promise<Interviewing> {
  return { ...NOT_INTERVIEWING, ...(await readSetting('interviewing')) };
}

/** Merges a change of mode or place, in one transaction (another tab may write too). */
export async function saveInterviewing(change: Partial<Interviewing>): Promise<void> {
  await withDatabase((database) =>
    database.transaction('rw', database.settings, async () => {
      const current = (await database.settings.get('interviewing'))?.value as
        | Interviewing
        | undefined;
      await database.settings.put({
        key: 'interviewing',
        value: { ...NOT_INTERVIEWING, ...current, ...change },
      });
    }),
  );
}

/** The branch's places as last configured; none until the collector sends them. */
export async function getPlaces(): Promise<Place[]> {
  return (await readSetting('places')) ?? [];
}

export function savePlaces(places: Place[]): Promise<void> {
  return writeSetting('places', places);
}

export async function getSyncState(): Promise<SyncState> {
  return (await readSetting('syncState')) ?? {};
}

/**
 * Merges a change into the sync bookkeeping in one transaction (several tabs may write).
 * With `whileToken`, the change is the collector's refusal of that kiosk token, and it is
 * kept only while the token is still the enrollment's: staff may have re-enrolled while
 * the refused request was out, and the new token must not inherit the old one's refusal.
 * The enrollment is read in the same transaction, so a re-enrollment lands either before
 * (nothing is recorded) or after (its own record clears the refusal).
 */
export async function updateSyncState(
  change: Partial<SyncState>,
  whileToken?: string,
): Promise<SyncState> {
  return withDatabase((database) =>
    database.transaction('rw', database.settings, async () => {
      const current =
        ((await database.settings.get('syncState'))?.value as SyncState | undefined) ?? {};
      if (whileToken !== undefined) {
        const enrollment = (await database.settings.get('enrollment'))?.value as
          | Enrollment
          | undefined;
        if (enrollment?.token !== whileToken) return current;
      }
      const next = { ...current, ...change };
      await database.settings.put({ key: 'syncState', value: next });
      return next;
    }),
  );
}

/** A public link as this phone last read it, or undefined when it never did. */
export async function cachedLink(token: string): Promise<CachedLink | undefined> {
  return (await readSetting('links'))?.[token];
}

/** Keeps a link as read, so a reload with no signal still shows its survey. */
export async function cacheLink(token: string, link: CachedLink): Promise<void> {
  await withDatabase((database) =>
    database.transaction('rw', database.settings, async () => {
      const links =
        ((await database.settings.get('links'))?.value as Record<string, CachedLink>) ?? {};
      await database.settings.put({ key: 'links', value: { ...links, [token]: link } });
    }),
  );
}

/**
 * When this phone sent a response through the link (ms), or undefined. Written with the
 * submit itself (submitDraft); see SettingValues.answeredLinks for what it is not.
 */
export async function answeredLinkAt(token: string): Promise<number | undefined> {
  return (await readSetting('answeredLinks'))?.[token];
}
