/**
 * user add | list | disable | reset: the staff who sign in to the results. Passwords are
 * read from standard input (--password-stdin), never from the command line, where other
 * users of the machine and the shell's history would see them.
 */
import { publicBaseUrl } from '../config';
import {
  addStaffUser,
  disableStaff,
  normaliseEmail,
  resetStaffPassword,
  StaffAccountProblem,
} from '../staff/accounts';
import { findStaffUserByEmail, listStaffUsers, type Storage } from '../storage';
import { type Command, type CommandContext, CommandError, withStorage } from './command';
import { formatTable, formatTime } from './text';

const ROLES = { admin: 'administrator', branch: 'branch staff' } as const;

function passwordFromStdin(context: CommandContext, usage: string): Promise<string> {
  if (context.options['password-stdin'] !== true) {
    throw new CommandError(
      `give the password on standard input with --password-stdin, e.g. printf '%s\\n' "$PASSWORD" | npm run collector -- ${usage}`,
    );
  }
  return context.host.readStdinLine();
}

/** Runs fn, turning an account problem into the one line the CLI prints. */
async function explained<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof StaffAccountProblem) throw new CommandError(error.message);
    throw error;
  }
}

async function requireUser(storage: Storage, email: string) {
  const user = await findStaffUserByEmail(
    storage,
    await explained(async () => normaliseEmail(email)),
  );
  if (!user) throw new CommandError(`there is no account "${email}" (see: user list)`);
  return user;
}

export const userAdd: Command = {
  usage: 'user add <email> --role admin|branch [--branch <id>] --password-stdin',
  summary: 'add a staff account: an administrator (every branch) or branch staff (one branch)',
  options: {
    role: { type: 'string' },
    branch: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  },
  positionals: [1, 1],
  async run(context) {
    const { host, config, positionals, options } = context;
    const email = positionals[0] ?? '';
    const role = options.role;
    if (role !== 'admin' && role !== 'branch') {
      throw new CommandError('say which role: --role admin (every branch) or --role branch');
    }
    const branchId = typeof options.branch === 'string' ? options.branch : null;
    const password = await passwordFromStdin(context, `user add ${email} --role ${role} …`);
    const user = await withStorage(config, (storage) =>
      explained(() => addStaffUser(storage, { email, password, role, branchId }, host.now())),
    );
    host.out(
      `Added ${ROLES[user.role]} ${user.email}${user.branchId ? ` (branch ${user.branchId})` : ''}.`,
    );
    host.out(`They sign in at ${publicBaseUrl(config)}/admin/`);
  },
};

export const userList: Command = {
  usage: 'user list',
  summary: 'list the staff accounts: email, role, branch, disabled, created',
  positionals: [0, 0],
  async run({ host, config }) {
    const users = await withStorage(config, (storage) => listStaffUsers(storage));
    if (users.length === 0) {
      host.out('No staff accounts yet: open the setup link printed at start, or use user add.');
      return;
    }
    host.out(
      formatTable(
        ['EMAIL', 'ROLE', 'BRANCH', 'DISABLED', 'CREATED'],
        users.map((u) => [
          u.email,
          u.role,
          u.branchId ?? '-',
          formatTime(u.disabledAt, 'no'),
          formatTime(u.createdAt),
        ]),
      ),
    );
  },
};

export const userDisable: Command = {
  usage: 'user disable <email>',
  summary: 'stop an account from signing in, and end its sessions at once',
  positionals: [1, 1],
  async run({ host, config, positionals }) {
    const email = positionals[0] ?? '';
    await withStorage(config, async (storage) => {
      const user = await requireUser(storage, email);
      const { disabled, endedSessions } = await disableStaff(storage, user.id, host.now());
      if (!disabled) {
        throw new CommandError(
          `${user.email} was disabled already, on ${formatTime(user.disabledAt)}`,
        );
      }
      host.out(`Disabled ${user.email}; ended ${endedSessions} session(s).`);
    });
  },
};

export const userReset: Command = {
  usage: 'user reset <email> --password-stdin',
  summary: 'set a new password for an account, ending its sessions',
  options: { 'password-stdin': { type: 'boolean' } },
  positionals: [1, 1],
  async run(context) {
    const { host, config, positionals } = context;
    const email = positionals[0] ?? '';
    const password = await passwordFromStdin(context, `user reset ${email}`);
    await withStorage(config, async (storage) => {
      const user = await requireUser(storage, email);
      const ended = await explained(() =>
        resetStaffPassword(storage, user.id, password, host.now()),
      );
      host.out(`Set a new password for ${user.email}; ended ${ended} session(s).`);
      if (user.disabledAt) host.out('The account stays disabled.');
    });
  },
};
