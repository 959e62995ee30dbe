/** branch add | list | set: the libraries of the network and how their kiosks behave. */
import { MAX_SENT_KEPT_DAYS } from '../../shared/contract/constants';
import {
  type KioskOptions,
  KioskOptionsSchema,
  SentKeptDaysSchema,
} from '../../shared/contract/device';
import { BranchIdSchema } from '../../shared/contract/ids';
import { safeParseInput } from '../../shared/contract/parse';
import { plainTextProblem } from '../../shared/contract/plain-text';
import { DEFAULT_SURVEY_ID } from '../../surveys';
import {
  findBranch,
  insertBranch,
  latestSurveyVersion,
  listBranches,
  listDevices,
  type Storage,
  timestamp,
  updateBranch,
} from '../storage';
import {
  describeHoursAndLook,
  hasLookChanges,
  LOOK_OPTIONS,
  LOOK_USAGE,
  readLookOptions,
  storeLookChanges,
} from './branch-look-options';
import { applyStaffPinChange, readStaffPinChange, STAFF_PIN_OPTIONS } from './branch-pin';
import { type Command, CommandError, integerOption, withStorage } from './command';
import { formatTable } from './text';

/** A branch name as staff typed it, refused when it breaks the plain-text rule. */
function checkBranchName(name: string, option: string): void {
  const problem = plainTextProblem(name);
  if (problem) throw new CommandError(`${option} ${problem}; type the name again by hand`);
}

async function requireSurvey(storage: Storage, surveyId: string): Promise<void> {
  if ((await latestSurveyVersion(storage, surveyId)) === undefined) {
    throw new CommandError(`survey "${surveyId}" is not on the collector (see: survey list)`);
  }
}

/** "sent kept 1 day" */
export function describeSentKept(days: number): string {
  return `sent kept ${days} ${days === 1 ? 'day' : 'days'}`;
}

/** "idle 120 s, warning 30 s, thanks 8 s, language hu" */
export function describeKioskOptions(overrides: Partial<KioskOptions>): string {
  const o = KioskOptionsSchema.parse(overrides);
  return `idle ${o.idleTimeoutSeconds} s, warning ${o.idleWarningSeconds} s, thanks ${o.thanksSeconds} s, language ${o.defaultLocale}`;
}

export const branchAdd: Command = {
  usage: 'branch add <id> <name> [--survey <survey-id>]',
  summary: 'add a branch (id: lower-case letters, digits and dashes)',
  options: { survey: { type: 'string' } },
  positionals: [2, Number.POSITIVE_INFINITY],
  async run({ host, config, positionals, options }) {
    const [id = '', ...nameParts] = positionals;
    const name = nameParts.join(' ').trim();
    if (!safeParseInput(BranchIdSchema, id).success) {
      throw new CommandError(
        `"${id}" cannot be a branch id: use lower-case letters, digits and single dashes`,
      );
    }
    if (!name)
      throw new CommandError('give the branch a name, e.g. branch add east "East library"');
    checkBranchName(name, 'the branch name');
    const surveyId = typeof options.survey === 'string' ? options.survey : DEFAULT_SURVEY_ID;
    await withStorage(config, async (storage) => {
      if (typeof options.survey === 'string') await requireSurvey(storage, surveyId);
      const added = await insertBranch(storage, {
        id,
        name,
        kioskOverrides: {},
        surveyId,
        createdAt: timestamp(host.now()),
      });
      if (!added) throw new CommandError(`branch "${id}" exists already (see: branch list)`);
    });
    host.out(`Added branch ${id} (${name}), running ${surveyId}.`);
    host.out(`Enroll its first device with: npm run collector -- code create --branch ${id}`);
  },
};

export const branchList: Command = {
  usage: 'branch list',
  summary: 'list the branches, their survey, kiosk options, devices, opening hours and look',
  positionals: [0, 0],
  async run({ host, config }) {
    const rows = await withStorage(config, async (storage) => {
      const [branches, devices] = await Promise.all([listBranches(storage), listDevices(storage)]);
      return branches.map((b) => {
        const own = devices.filter((d) => d.branchId === b.id);
        const active = own.filter((d) => !d.revokedAt).length;
        return [
          b.id,
          b.name,
          b.surveyId,
          String(active),
          `${describeKioskOptions(b.kioskOverrides)}, ${describeSentKept(b.sentKeptDays)}`,
          describeHoursAndLook(b),
        ];
      });
    });
    if (rows.length === 0) {
      host.out('No branches yet: start the collector once, or add one with branch add.');
      return;
    }
    host.out(formatTable(['BRANCH', 'NAME', 'SURVEY', 'DEVICES', 'KIOSK', 'HOURS AND LOOK'], rows));
  },
};

export const branchSet: Command = {
  usage:
    'branch set <id> [--name <name>] [--idle-seconds N] [--warning-seconds N] [--thanks-seconds N] [--default-locale xx] [--keep-sent-days N] [--survey <survey-id>] [--staff-pin-stdin | --clear-staff-pin] ' +
    LOOK_USAGE,
  summary: `change a branch: its name, kiosk options, survey, the days (0–${MAX_SENT_KEPT_DAYS}) its devices keep a response once sent, its opening hours (in TIME_ZONE), its look on the welcome screen, or its staff PIN (4–8 digits, read from standard input)`,
  options: {
    ...LOOK_OPTIONS,
    name: { type: 'string' },
    'idle-seconds': { type: 'string' },
    'warning-seconds': { type: 'string' },
    'thanks-seconds': { type: 'string' },
    'default-locale': { type: 'string' },
    'keep-sent-days': { type: 'string' },
    survey: { type: 'string' },
    ...STAFF_PIN_OPTIONS,
  },
  positionals: [1, 1],
  async run(context) {
    const { host, config, positionals, options } = context;
    const id = positionals[0] ?? '';
    const changes: Partial<KioskOptions> = {};
    const idle = integerOption(options, 'idle-seconds');
    const warning = integerOption(options, 'warning-seconds');
    const thanks = integerOption(options, 'thanks-seconds');
    if (idle !== undefined) changes.idleTimeoutSeconds = idle;
    if (warning !== undefined) changes.idleWarningSeconds = warning;
    if (thanks !== undefined) changes.thanksSeconds = thanks;
    if (typeof options['default-locale'] === 'string') {
      changes.defaultLocale = options['default-locale'] as KioskOptions['defaultLocale'];
    }
    const name = typeof options.name === 'string' ? options.name.trim() : undefined;
    const surveyId = typeof options.survey === 'string' ? options.survey : undefined;
    const sentKeptDays = integerOption(options, 'keep-sent-days');
    if (sentKeptDays !== undefined && !safeParseInput(SentKeptDaysSchema, sentKeptDays).success) {
      throw new CommandError(
        `--keep-sent-days must be from 0 (delete once the collector has them) to ${MAX_SENT_KEPT_DAYS}, not ${sentKeptDays}`,
      );
    }
    const look = await readLookOptions(host, options);
    if (
      Object.keys(changes).length === 0 &&
      name === undefined &&
      surveyId === undefined &&
      sentKeptDays === undefined &&
      !hasLookChanges(look) &&
      !options['staff-pin-stdin'] &&
      !options['clear-staff-pin']
    ) {
      throw new CommandError('nothing to change: give at least one option (see: help)');
    }
    const pinChange = await readStaffPinChange(context);
    if (name === '') throw new CommandError('--name cannot be empty');
    if (name !== undefined) checkBranchName(name, '--name');
    await withStorage(config, async (storage) => {
      const branch = await findBranch(storage, id);
      if (!branch) throw new CommandError(`there is no branch "${id}" (see: branch list)`);
      const kioskOverrides = { ...branch.kioskOverrides, ...changes };
      const checked = safeParseInput(KioskOptionsSchema, kioskOverrides);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        const option = OPTION_NAMES[String(issue?.path[0])] ?? String(issue?.path[0]);
        throw new CommandError(`--${option}: ${issue?.message ?? 'is not allowed'}`);
      }
      if (surveyId !== undefined) await requireSurvey(storage, surveyId);
      await updateBranch(storage, id, { kioskOverrides, name, surveyId, sentKeptDays });
      if (hasLookChanges(look)) await storeLookChanges(storage, id, look, timestamp(host.now()));
      if (pinChange) host.out(await applyStaffPinChange(storage, id, pinChange, host.now()));
      const after = await findBranch(storage, id);
      host.out(
        `Branch ${id} (${after?.name}) runs ${after?.surveyId}; kiosks: ${describeKioskOptions(kioskOverrides)}, ${describeSentKept(after?.sentKeptDays ?? 0)}; ${describeHoursAndLook(after)}.`,
      );
      host.out('Devices pick up the change the next time they ask for their configuration.');
    });
  },
};

const OPTION_NAMES: Record<string, string> = {
  idleTimeoutSeconds: 'idle-seconds',
  idleWarningSeconds: 'warning-seconds',
  thanksSeconds: 'thanks-seconds',
  defaultLocale: 'default-locale',
};
