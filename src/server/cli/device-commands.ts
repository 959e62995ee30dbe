/**
 * code create, device list | revoke | responses | quarantine: enrolling kiosks, taking them
 * out of service, and seeing (and taking out of the results) what a device sent.
 */
import {
  type DeviceHealthReport,
  healthConcerns,
  STORAGE_WARNING_SHARE,
  storageShare,
} from '../../shared/contract/device-health';
import { addDays, dayInZone, dayStartMs } from '../../shared/results/days';
import { publicBaseUrl } from '../config';
import { createEnrollmentCode } from '../devices/enrollment';
import {
  countDeviceResponses,
  type DeviceRecord,
  deviceReceivedSpan,
  findBranch,
  findDevice,
  listDevices,
  quarantineDeviceResponses,
  revokeDevice,
  type Storage,
  timestamp,
} from '../storage';
import {
  type Command,
  type CommandContext,
  CommandError,
  integerOption,
  withStorage,
} from './command';
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

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** Bytes in the largest binary unit that leaves at least 1: "512 B", "1.5 GiB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** "120.0 MiB of 2.0 GiB (6%)", or "-" where the browser did not tell. */
function storageCell(health: DeviceHealthReport): string {
  const share = storageShare(health);
  const { usedBytes, quotaBytes } = health.storage;
  if (share === undefined || usedBytes === undefined || quotaBytes === undefined) return '-';
  return `${formatBytes(usedBytes)} of ${formatBytes(quotaBytes)} (${Math.round(share * 100)}%)`;
}

/** What needs a look, in words after a symbol, so it reads without colour. */
function attentionCell(health: DeviceHealthReport): string {
  const concerns = healthConcerns(health);
  const notes = [
    ...(concerns.quarantined
      ? [`⚠ ${health.responses.quarantined} refused, kept on the device`]
      : []),
    ...(concerns.storageFull
      ? [`⚠ storage over ${Math.round(STORAGE_WARNING_SHARE * 100)}% full`]
      : []),
  ];
  return notes.length > 0 ? notes.join('; ') : 'ok';
}

/** The health columns of a device: its latest report, or dashes before its first. */
function healthCells(health: DeviceHealthReport | null): string[] {
  if (!health) return ['-', '-', '-', '-', '-', 'not reported', '-'];
  const { persistent: granted } = health.storage;
  const persistent = granted === undefined ? '-' : granted ? 'yes' : 'no';
  return [
    health.appVersion,
    String(health.responses.waiting),
    String(health.responses.quarantined),
    storageCell(health),
    persistent,
    formatTime(health.reportedAt),
    attentionCell(health),
  ];
}

export const deviceList: Command = {
  usage: 'device list [--branch <id>]',
  summary:
    'list enrolled devices: name, branch, enrolled, last seen, revoked, and each kiosk’s last health report',
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
        [
          'DEVICE',
          'NAME',
          'BRANCH',
          'ENROLLED',
          'LAST SEEN',
          'REVOKED',
          'VERSION',
          'WAITING',
          'QUARANTINED',
          'STORAGE USED',
          'PERSISTENT',
          'REPORTED',
          'ATTENTION',
        ],
        devices.map((d) => [
          d.id,
          d.name ?? '-',
          d.branchId,
          formatTime(d.enrolledAt),
          formatTime(d.lastSeenAt, 'never'),
          formatTime(d.revokedAt, 'no'),
          ...healthCells(d.health),
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

/** A --from day as typed (YYYY-MM-DD, a real date), or undefined when not given. */
function dayOption(options: CommandContext['options'], name: string): string | undefined {
  const value = options[name];
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || addDays(value, 0) !== value)
    throw new CommandError(`--${name} must be a day as YYYY-MM-DD, not "${value}"`);
  return value;
}

async function existingDevice(storage: Storage, id: string): Promise<DeviceRecord> {
  const device = await findDevice(storage, id);
  if (!device) throw new CommandError(`there is no device "${id}" (see: device list)`);
  return device;
}

/** The first and last day (in the zone) a device's responses arrived on, from an instant. */
async function receivedDays(
  storage: Storage,
  deviceId: string,
  since: string,
  timeZone: string,
): Promise<{ first: string; last: string } | undefined> {
  const spans = [
    await deviceReceivedSpan(storage, deviceId, 'responses', since),
    await deviceReceivedSpan(storage, deviceId, 'quarantined_responses', since),
  ].filter((span) => span !== undefined);
  if (spans.length === 0) return undefined;
  const day = (iso: string) => dayInZone(Date.parse(iso), timeZone);
  return {
    first: day(spans.map((s) => s.first).sort()[0] ?? ''),
    last: day(
      spans
        .map((s) => s.last)
        .sort()
        .at(-1) ?? '',
    ),
  };
}

export const deviceResponses: Command = {
  usage: 'device responses <device-id> [--from YYYY-MM-DD]',
  summary: 'count a device’s responses per day they arrived (TIME_ZONE), quarantined apart',
  options: { from: { type: 'string' } },
  positionals: [1, 1],
  async run({ host, config, positionals, options }) {
    const id = positionals[0] ?? '';
    const from = dayOption(options, 'from');
    const { timeZone } = config;
    const since = from ? new Date(dayStartMs(from, timeZone)).toISOString() : '';
    const rows = await withStorage(config, async (storage) => {
      await existingDevice(storage, id);
      const days = await receivedDays(storage, id, since, timeZone);
      const counted: [string, number, number][] = [];
      for (let day = days?.first; days && day && day <= days.last; day = addDays(day, 1)) {
        const span = {
          since: new Date(dayStartMs(day, timeZone)).toISOString(),
          until: new Date(dayStartMs(addDays(day, 1), timeZone)).toISOString(),
        };
        const stored = await countDeviceResponses(storage, id, span);
        const quarantined = await countDeviceResponses(storage, id, span, 'quarantined_responses');
        if (stored + quarantined > 0) counted.push([day, stored, quarantined]);
      }
      return counted;
    });
    const fromText = from ? ` from ${from}` : '';
    if (rows.length === 0) {
      host.out(`No responses of device ${id} arrived${fromText}.`);
      return;
    }
    const total = (i: 1 | 2) => rows.reduce((sum, row) => sum + row[i], 0);
    host.out(
      formatTable(
        ['DAY', 'RESPONSES', 'QUARANTINED'],
        rows.map(([day, stored, quarantined]) => [day, String(stored), String(quarantined)]),
      ),
    );
    host.out(
      `Total${fromText}: ${total(1)} responses in the results, ${total(2)} quarantined (days they arrived, ${timeZone}).`,
    );
  },
};

export const deviceQuarantine: Command = {
  usage: 'device quarantine <device-id> --from YYYY-MM-DD [--delete]',
  summary:
    'take a device’s responses that arrived from a day (TIME_ZONE) on out of the results; --delete erases them',
  options: { from: { type: 'string' }, delete: { type: 'boolean' } },
  positionals: [1, 1],
  async run({ host, config, positionals, options }) {
    const id = positionals[0] ?? '';
    const from = dayOption(options, 'from');
    if (!from) throw new CommandError('say from which day: --from YYYY-MM-DD');
    const erase = options.delete === true;
    const { device, outcome } = await withStorage(config, async (storage) => {
      const device = await existingDevice(storage, id);
      const outcome = await quarantineDeviceResponses(storage, {
        deviceId: id,
        since: new Date(dayStartMs(from, config.timeZone)).toISOString(),
        at: timestamp(host.now()),
        erase,
      });
      return { device, outcome };
    });
    const since = `that arrived from ${from} (${config.timeZone}) on`;
    host.out(
      erase
        ? `Took ${outcome.moved} responses of device ${id} ${since} out of the results, and erased ${outcome.erased} (only their ids are kept).`
        : `Took ${outcome.moved} responses of device ${id} ${since} out of the results; they are kept in quarantine.`,
    );
    host.out(
      'They no longer count in the results, comments or exports; sent again, they are answered as stored and not counted.',
    );
    if (!device.revokedAt)
      host.out(
        `The device is still enrolled: if its token was stolen, revoke it (device revoke ${id}).`,
      );
  },
};
