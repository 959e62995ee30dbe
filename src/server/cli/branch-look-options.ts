/**
 * The options of `branch set` for a branch's opening hours and its look on the welcome
 * screen: --hours, --display-name, --logo, --accent (each `none` clears it). Read and
 * checked before anything is stored, so a refused option changes nothing.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MAX_DISPLAY_NAME_LENGTH } from '../../shared/contract/branch-look';
import { plainTextProblem } from '../../shared/contract/plain-text';
import { checkAccent } from '../../shared/kiosk/contrast';
import { formatOpeningHours, parseOpeningHours } from '../../shared/kiosk/opening-hours';
import { checkLogo } from '../branding/logo';
import { type BranchLogo, type BranchRecord, type Storage, setBranchLogo } from '../storage';
import { CommandError } from './command';
import type { CliHost } from './host';

export const LOOK_OPTIONS = {
  hours: { type: 'string' },
  'display-name': { type: 'string' },
  logo: { type: 'string' },
  accent: { type: 'string' },
} as const;

export const LOOK_USAGE =
  '[--hours "mon-fri 09:00-19:00, sat 10:00-14:00" | none] [--display-name <name> | none] [--logo <file.svg|file.png> | none] [--accent #rrggbb | none]';

export interface LookChanges {
  branch: Partial<Pick<BranchRecord, 'openingHours' | 'displayName' | 'accent'>>;
  /** A new logo, null to take it away, undefined to keep it. */
  logo: BranchLogo | null | undefined;
}

const NONE = 'none';

function option(options: Record<string, unknown>, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value.trim() : undefined;
}

/** What the options ask for, checked; throws a CommandError naming the option otherwise. */
export async function readLookOptions(
  host: CliHost,
  options: Record<string, unknown>,
): Promise<LookChanges> {
  const changes: LookChanges = { branch: {}, logo: undefined };
  const hours = option(options, 'hours');
  if (hours !== undefined) {
    if (hours.toLowerCase() === NONE) changes.branch.openingHours = null;
    else {
      const parsed = parseOpeningHours(hours);
      if (!parsed.ok) throw new CommandError(`--hours: ${parsed.message}`);
      changes.branch.openingHours = [...parsed.hours];
    }
  }
  const displayName = option(options, 'display-name');
  if (displayName !== undefined) {
    if (displayName === '' || displayName.toLowerCase() === NONE) changes.branch.displayName = null;
    else {
      const problem = plainTextProblem(displayName);
      if (problem) throw new CommandError(`--display-name ${problem}; type it again by hand`);
      if (displayName.length > MAX_DISPLAY_NAME_LENGTH) {
        throw new CommandError(
          `--display-name is ${displayName.length} characters; at most ${MAX_DISPLAY_NAME_LENGTH} fit on the welcome screen`,
        );
      }
      changes.branch.displayName = displayName;
    }
  }
  const accent = option(options, 'accent');
  if (accent !== undefined) {
    if (accent.toLowerCase() === NONE) changes.branch.accent = null;
    else {
      const checked = checkAccent(accent);
      if (!checked.ok) throw new CommandError(`--accent: ${checked.message}`);
      changes.branch.accent = checked.accent;
    }
  }
  const logo = option(options, 'logo');
  if (logo !== undefined) {
    if (logo.toLowerCase() === NONE) changes.logo = null;
    else {
      const file = resolve(host.cwd, logo);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        throw new CommandError(`--logo: cannot read ${file}`);
      }
      const checked = checkLogo(bytes);
      if (!checked.ok) throw new CommandError(`--logo: ${checked.message}`);
      changes.logo = { contentType: checked.contentType, bytes, hash: checked.hash };
    }
  }
  return changes;
}

export function hasLookChanges(changes: LookChanges): boolean {
  return Object.keys(changes.branch).length > 0 || changes.logo !== undefined;
}

/** Stores the logo change (the rest goes with updateBranch). */
export async function storeLogoChange(
  storage: Storage,
  branchId: string,
  changes: LookChanges,
  at: string,
): Promise<void> {
  if (changes.logo !== undefined) await setBranchLogo(storage, branchId, changes.logo, at);
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
