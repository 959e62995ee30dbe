/**
 * The options of `branch set` for a branch's opening hours and its look on the welcome
 * screen: --hours, --display-name, --logo, --accent (each `none` clears it). Read and
 * checked (branding/look-changes.ts) before anything is stored, so a refused option
 * changes nothing.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatOpeningHours } from '../../shared/kiosk/opening-hours';
import { checkLookRequest, type LookChanges, type LookRequest } from '../branding/look-changes';
import type { BranchRecord } from '../storage';
import { CommandError } from './command';
import type { CliHost } from './host';

export { hasLookChanges, storeLookChanges } from '../branding/look-changes';

export const LOOK_OPTIONS = {
  hours: { type: 'string' },
  'display-name': { type: 'string' },
  logo: { type: 'string' },
  accent: { type: 'string' },
} as const;

export const LOOK_USAGE =
  '[--hours "mon-fri 09:00-19:00, sat 10:00-14:00" | none] [--display-name <name> | none] [--logo <file.svg|file.png> | none] [--accent #rrggbb | none]';

const OPTION_OF: Record<keyof LookRequest, string> = {
  hours: '--hours',
  displayName: '--display-name',
  accent: '--accent',
  logo: '--logo',
};

function option(options: Record<string, unknown>, name: string): string | null | undefined {
  const value = options[name];
  if (typeof value !== 'string') return undefined;
  return value.trim().toLowerCase() === 'none' ? null : value.trim();
}

/** What the options ask for, checked; throws a CommandError naming the option otherwise. */
export async function readLookOptions(
  host: CliHost,
  options: Record<string, unknown>,
): Promise<LookChanges> {
  const request: LookRequest = {};
  const hours = option(options, 'hours');
  const displayName = option(options, 'display-name');
  const accent = option(options, 'accent');
  const logo = option(options, 'logo');
  if (hours !== undefined) request.hours = hours;
  if (displayName !== undefined) request.displayName = displayName;
  if (accent !== undefined) request.accent = accent;
  if (logo === null) request.logo = null;
  else if (logo !== undefined) {
    const file = resolve(host.cwd, logo);
    try {
      request.logo = await readFile(file);
    } catch {
      throw new CommandError(`--logo: cannot read ${file}`);
    }
  }
  const checked = checkLookRequest(request);
  if (!checked.ok) {
    const name = OPTION_OF[checked.field];
    // "--display-name contains …" reads as a sentence; the others are "--hours: …".
    throw new CommandError(
      checked.field === 'displayName'
        ? `${name} ${checked.message}`
        : `${name}: ${checked.message}`,
    );
  }
  return checked.changes;
}

/** "open mon-fri 09:00-19:00; look: name "East", logo, accent #1d4f91" */
export function describeHoursAndLook(branch: BranchRecord | undefined): string {
  if (!branch) return '';
  const look = [
    branch.displayName ? `name "${branch.displayName}"` : undefined,
    branch.logoHash ? 'logo' : undefined,
    branch.accent ? `accent ${branch.accent}` : undefined,
  ].filter(Boolean);
  const hours = branch.openingHours
    ? `open ${formatOpeningHours(branch.openingHours)}`
    : 'always open (no hours set)';
  return `${hours}; look: ${look.length > 0 ? look.join(', ') : "the kiosk's own"}`;
}
