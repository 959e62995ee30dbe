/** The part of a device's configuration that its branch's hours and look make. */
import type { DeviceConfig } from '../../shared/contract/device';
import type { BranchRecord } from '../storage';
import { logoPath } from './logo';

export function branchLook(
  branch: BranchRecord,
  timeZone: string | undefined,
): Pick<DeviceConfig, 'openingHours' | 'timeZone' | 'look'> {
  return {
    openingHours: branch.openingHours,
    ...(timeZone ? { timeZone } : {}),
    look: {
      ...(branch.displayName ? { displayName: branch.displayName } : {}),
      ...(branch.logoHash ? { logoUrl: logoPath(branch.id, branch.logoHash) } : {}),
      ...(branch.accent ? { accent: branch.accent } : {}),
    },
  };
}
