/**
 * What the staff view's PIN check needs from the device: whether it is enrolled, the PIN
 * hash its branch's configuration carried, and the wrong attempts so far (kept here, so a
 * reload does not undo a lock).
 */
import type { StaffPinHash } from '../../shared/contract/staff-pin';
import { withDatabase } from './database';
import type { SettingValues } from './schema';
import { readSetting, writeSetting } from './settings';

export interface StaffPinFacts {
  enrolled: boolean;
  /** undefined: no configuration has said yet (not enrolled, or a collector from before PINs). */
  pin: StaffPinHash | null | undefined;
  /** As stored: staff/pin-lockout.ts reads it (a row from another version may differ). */
  lockout: unknown;
}

export function staffPinFacts(): Promise<StaffPinFacts> {
  return withDatabase(async (database) => {
    const rows = await database.settings.bulkGet(['enrollment', 'staffPin', 'staffPinLockout']);
    return {
      enrolled: rows[0] !== undefined,
      pin: rows[1]?.value as StaffPinHash | null | undefined,
      lockout: rows[2]?.value,
    };
  });
}

/** Keeps the PIN hash of the branch's latest configuration (null: it has none). */
export function saveStaffPin(pin: StaffPinHash | null): Promise<void> {
  return writeSetting('staffPin', pin);
}

export function saveStaffPinLockout(lockout: SettingValues['staffPinLockout']): Promise<void> {
  return writeSetting('staffPinLockout', lockout);
}

/** The stored hash, for tests and the sync client. */
export function getStaffPin(): Promise<StaffPinHash | null | undefined> {
  return readSetting('staffPin');
}
