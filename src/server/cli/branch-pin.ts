/**
 * The staff PIN options of `branch set`: --staff-pin-stdin reads a new PIN from standard
 * input (never from the command line, where shell history and ps would keep it) and
 * --clear-staff-pin removes it. The collector stores only the PIN's hash.
 */
import { hashStaffPin, staffPinProblem } from '../devices/staff-pin';
import { clearBranchStaffPin, type Storage, setBranchStaffPin, timestamp } from '../storage';
import { type CommandContext, CommandError } from './command';

export const STAFF_PIN_OPTIONS = {
  'staff-pin-stdin': { type: 'boolean' },
  'clear-staff-pin': { type: 'boolean' },
} as const;

export type StaffPinChange = { kind: 'set'; pin: string } | { kind: 'clear' };

/** What the options ask for, the PIN read and checked; undefined when they ask nothing. */
export async function readStaffPinChange(
  context: CommandContext,
): Promise<StaffPinChange | undefined> {
  const set = context.options['staff-pin-stdin'] === true;
  const clear = context.options['clear-staff-pin'] === true;
  if (set && clear) throw new CommandError('give either --staff-pin-stdin or --clear-staff-pin');
  if (clear) return { kind: 'clear' };
  if (!set) return undefined;
  const pin = (await context.host.readStdinLine()).trim();
  const problem = staffPinProblem(pin);
  if (problem) {
    throw new CommandError(
      `${problem}; e.g. printf '%s\\n' "$PIN" | npm run collector -- branch set <id> --staff-pin-stdin`,
    );
  }
  return { kind: 'set', pin };
}

/** Stores the change; returns the line that says what happened. */
export async function applyStaffPinChange(
  storage: Storage,
  branchId: string,
  change: StaffPinChange,
  at: Date,
): Promise<string> {
  if (change.kind === 'clear') {
    const cleared = await clearBranchStaffPin(storage, branchId);
    return cleared
      ? `Cleared the staff PIN of ${branchId}: its devices open the staff view without one.`
      : `Branch ${branchId} had no staff PIN; nothing changed.`;
  }
  await setBranchStaffPin(storage, branchId, await hashStaffPin(change.pin), timestamp(at));
  return `Set the staff PIN of ${branchId} (stored as a hash only).`;
}
