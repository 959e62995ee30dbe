/**
 * What a device is told when it asks for its configuration: its branch, the kiosk options
 * the branch sets (over the defaults), the survey it runs in its latest version, the hash
 * of the branch's staff PIN (so the device checks it offline), and the collector's time,
 * from which it estimates its own clock's offset; the branch's places (stops, floors), for
 * staff to choose the one responses are made at; its opening hours and its look.
 */
import { type DeviceConfig, KioskOptionsSchema } from '../../shared/contract/device';
import { branchLook } from '../branding/branch-look';
import {
  type DeviceRecord,
  findBranch,
  findBranchStaffPin,
  latestSurveyVersion,
  listPlaces,
  recordDeviceContact,
  type Storage,
  timestamp,
} from '../storage';

export type DeviceConfigResult =
  | { ok: true; config: DeviceConfig }
  | { ok: false; message: string };

export async function deviceConfig(
  storage: Storage,
  device: DeviceRecord,
  now: () => Date,
  /** TIME_ZONE, the zone of the branches' opening hours. */
  timeZone?: string,
): Promise<DeviceConfigResult> {
  const branch = await findBranch(storage, device.branchId);
  if (!branch) return { ok: false, message: `branch ${device.branchId} no longer exists` };
  const version = await latestSurveyVersion(storage, branch.surveyId);
  if (version === undefined) {
    return {
      ok: false,
      message: `survey ${branch.surveyId} of branch ${branch.id} is not on the collector`,
    };
  }
  const places = await listPlaces(storage, { branchId: branch.id });
  await recordDeviceContact(storage, device.id, { at: timestamp(now()) });
  return {
    ok: true,
    config: {
      serverTime: timestamp(now()),
      deviceId: device.id,
      deviceName: device.name,
      branch: { id: branch.id, name: branch.name },
      kiosk: KioskOptionsSchema.parse(branch.kioskOverrides),
      survey: { id: branch.surveyId, version },
      sentKeptDays: branch.sentKeptDays,
      places: places.map((p) => ({ id: p.id, name: p.name })),
      ...branchLook(branch, timeZone),
      staffPin: (await findBranchStaffPin(storage, branch.id)) ?? null,
    },
  };
}
