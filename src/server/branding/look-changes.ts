/**
 * A change to a branch's opening hours or look, as staff asked for it (the CLI's options
 * or the dashboard's form), checked in one place: the hours parsed, the display name a
 * plain line, the accent readable on the kiosk, the logo a PNG or SVG. `null` (the CLI's
 * `none`) takes a setting away; undefined leaves it.
 */
import { MAX_DISPLAY_NAME_LENGTH } from '../../shared/contract/branch-look';
import { plainTextProblem } from '../../shared/contract/plain-text';
import { checkAccent } from '../../shared/kiosk/contrast';
import { parseOpeningHours } from '../../shared/kiosk/opening-hours';
import {
  type BranchLogo,
  type BranchRecord,
  inTransaction,
  type Storage,
  setBranchLogo,
  updateBranch,
} from '../storage';
import { checkLogo } from './logo';

export interface LookRequest {
  hours?: string | null;
  displayName?: string | null;
  accent?: string | null;
  logo?: Buffer | null;
}

export interface LookChanges {
  branch: Partial<Pick<BranchRecord, 'openingHours' | 'displayName' | 'accent'>>;
  /** A new logo, null to take it away, undefined to keep it. */
  logo: BranchLogo | null | undefined;
}

export type LookCheck =
  | { ok: true; changes: LookChanges }
  | { ok: false; field: keyof LookRequest; message: string };

export function checkLookRequest(request: LookRequest): LookCheck {
  const changes: LookChanges = { branch: {}, logo: undefined };
  const { hours, accent, logo } = request;
  if (hours !== undefined) {
    if (hours === null) changes.branch.openingHours = null;
    else {
      const parsed = parseOpeningHours(hours);
      if (!parsed.ok) return { ok: false, field: 'hours', message: parsed.message };
      changes.branch.openingHours = [...parsed.hours];
    }
  }
  const displayName = request.displayName?.trim();
  if (displayName !== undefined) {
    if (displayName === '' || request.displayName === null) changes.branch.displayName = null;
    else {
      const problem = plainTextProblem(displayName);
      if (problem) {
        return { ok: false, field: 'displayName', message: `${problem}; type it again by hand` };
      }
      if (displayName.length > MAX_DISPLAY_NAME_LENGTH) {
        return {
          ok: false,
          field: 'displayName',
          message: `is ${displayName.length} characters; at most ${MAX_DISPLAY_NAME_LENGTH} fit on the welcome screen`,
        };
      }
      changes.branch.displayName = displayName;
    }
  } else if (request.displayName === null) changes.branch.displayName = null;
  if (accent !== undefined) {
    if (accent === null) changes.branch.accent = null;
    else {
      const checked = checkAccent(accent);
      if (!checked.ok) return { ok: false, field: 'accent', message: checked.message };
      changes.branch.accent = checked.accent;
    }
  }
  if (logo !== undefined) {
    if (logo === null) changes.logo = null;
    else {
      const checked = checkLogo(logo);
      if (!checked.ok) return { ok: false, field: 'logo', message: checked.message };
      changes.logo = { contentType: checked.contentType, bytes: logo, hash: checked.hash };
    }
  }
  return { ok: true, changes };
}

export function hasLookChanges(changes: LookChanges): boolean {
  return Object.keys(changes.branch).length > 0 || changes.logo !== undefined;
}

/** Stores a checked change in one transaction. */
export async function storeLookChanges(
  storage: Storage,
  branchId: string,
  changes: LookChanges,
  at: string,
): Promise<void> {
  await inTransaction(storage, async (tx) => {
    await updateBranch(tx, branchId, changes.branch);
    if (changes.logo !== undefined) await setBranchLogo(tx, branchId, changes.logo, at);
  });
}
