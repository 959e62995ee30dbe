/** code create, device list | revoke: enrolling kiosks and taking them out of service. */
import { publicBaseUrl } from '../config';
import { createEnrollmentCode } from '../devices/enrollment';
import { findBranch, findDevice, listDevices, revokeDevice, timestamp } from '../storage';
import { type Command, CommandError, integerOption, withStorage } from './command';
import { formatTable, formatTime } from './text';

/** The link that opens the app ready to enroll with this code. */
export function enrollmentLink(baseUrl: string, code: string): string {
  return `${baseUrl}/#enroll=${code}`;
}

export const codeCreate: Command = {
  usage: 'code create --branch <id> [--hours N]',
  summary: 'make a one-time enrollment code for a device of a branch',
  options: { branch: { type: 'string' }, hours: { type: 'string' } },
  positionals: [0, 0],
  async run({ host, config, options }) {
    const branchId = options.branch;
    if (typeof branchId !== 'string') throw new CommandError('say which branch: --branch <id>');
    const hours = integerOption(options, 'hours') ?? config.enrollmentCodeTtlHours;
    if (hours < 1 || hours > 24 * 365) throw new CommandError('--hours must be from 1 to 8760');
    const created = await withStorage(config, async (storage) => {
      const branch = await findBranch(storage, branchId);
      if (!branch) throw new CommandError(`there is no branch "${branchId}" (see: branch list)`);
      return { branch, ...(await createEnrollmentCode(storage, branchId, hours, host.now())) };
    });
    host.out(`Enrollment code for ${created.branch.name} (${created.branchId}): ${created.code}`);
    host.out(`Open on the device: ${enrollmentLink(publicBaseUrl(config), created.code)}`);
    host.out(`Valid once, until ${formatTime(created.expiresAt)}.`);
  },
};

export const deviceList: Command = {
  usage: 'device list [--branch <id>]',
  summary: 'list enrolled devices: name, branch, enrolled, last seen, revoked',
  options: { branch: { type: 'string' } },
  positionals: [0, 0],
  async run({ host, config, options }) {
    const branchId = typeof options.branch === 'string' ? options.branch : undefined;
    const devices = await withStorage(config, (storage) => listDevices(storage, { branchId }));
    if (devices.length === 0) {
      host.out(branchId ? `No devices in branch ${branchId}.` : 'No devices enrolled yet.');
      return;
    }
    host.out(
      formatTable(
        ['DEVICE', 'NAME', 'BRANCH', 'ENROLLED', 'LAST SEEN', 'REVOKED'],
        devices.map((d) => [
          d.id,
          d.name ?? '-',
          d.branchId,
          formatTime(d.enrolledAt),
          formatTime(d.lastSeenAt, 'never'),
          formatTime(d.revokedAt, 'no'),
        ]),
      ),
    );
  },
};

export const deviceRevoke: Command = {
  usage: 'device revoke <device-id>',
  summary: 'stop a device’s token at once (a lost or retired tablet)',
  positionals: [1, 1],
  async run({ host, config, positionals }) {
    // Device ids are UUIDs: one id in any case, stored in lower case.
    const id = (positionals[0] ?? '').toLowerCase();
    await withStorage(config, async (storage) => {
      const device = await findDevice(storage, id);
      if (!device) throw new CommandError(`there is no device "${id}" (see: device list)`);
      if (!(await revokeDevice(storage, id, timestamp(host.now())))) {
        throw new CommandError(
          `device ${id} was revoked already, on ${formatTime(device.revokedAt)}`,
        );
      }
      host.out(
        `Revoked ${id}${device.name ? ` (${device.name})` : ''} of branch ${device.branchId}.`,
      );
      host.out(
        'Its responses already sent stay. It cannot be enrolled again under this id: to use the tablet again, clear the app’s data in its browser and enroll it with a new code.',
      );
    });
  },
};
