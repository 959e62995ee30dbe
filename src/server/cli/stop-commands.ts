/**
 * stop add | list | remove: a branch's places. For a bookmobile, its stops; for a
 * building, its floors or desks. Devices receive their branch's places in their
 * configuration, and staff choose the current one in the staff view: every response made
 * afterwards carries it as its location.
 */

import { plainTextProblem } from '../../shared/contract/plain-text';
import { MAX_LOCATION_LENGTH } from '../../shared/contract/response';
import {
  findBranch,
  generatePlaceId,
  insertPlace,
  listPlaces,
  removePlace,
  type Storage,
  timestamp,
} from '../storage';
import { type Command, CommandError, withStorage } from './command';
import { formatTable } from './text';

/** A place's name as staff typed it: trimmed, one line, no invisible characters, not too long. */
export function checkPlaceName(typed: string): string {
  const name = typed.trim();
  if (name === '')
    throw new CommandError('say the place’s name, e.g. stop add bookmobile "Market square"');
  const problem = plainTextProblem(name);
  if (problem) throw new CommandError(`the place’s name ${problem}; type the name again by hand`);
  if ([...name].length > MAX_LOCATION_LENGTH)
    throw new CommandError(
      `the place’s name is longer than ${MAX_LOCATION_LENGTH} characters; shorten it`,
    );
  return name;
}

async function requireBranch(storage: Storage, branchId: string): Promise<void> {
  if (!(await findBranch(storage, branchId)))
    throw new CommandError(`there is no branch "${branchId}" (see: branch list)`);
}

export const stopAdd: Command = {
  usage: 'stop add <branch> <name>',
  summary:
    'add a place to a branch (a bookmobile’s stop, a floor, a desk): its devices offer it in the staff view',
  positionals: [2, Number.POSITIVE_INFINITY],
  async run({ host, config, positionals }) {
    const [branchId = '', ...nameParts] = positionals;
    const name = checkPlaceName(nameParts.join(' '));
    const place = { id: generatePlaceId(), branchId, name, createdAt: timestamp(host.now()) };
    await withStorage(config, async (storage) => {
      await requireBranch(storage, branchId);
      if (!(await insertPlace(storage, place)))
        throw new CommandError(`branch ${branchId} has a place named "${name}" already`);
    });
    host.out(
      `Added place "${name}" (${place.id}) to branch ${branchId}: its devices offer it once they next read their configuration.`,
    );
  },
};

export const stopList: Command = {
  usage: 'stop list [--branch <id>]',
  summary: 'list places: id, branch, name',
  options: { branch: { type: 'string' } },
  positionals: [0, 0],
  async run({ host, config, options }) {
    const branchId = typeof options.branch === 'string' ? options.branch : undefined;
    const places = await withStorage(config, async (storage) => {
      if (branchId) await requireBranch(storage, branchId);
      return listPlaces(storage, { branchId });
    });
    if (places.length === 0) {
      host.out(
        branchId
          ? `No places in branch ${branchId} (stop add ${branchId} <name> adds one).`
          : 'No places yet (stop add <branch> <name> adds one).',
      );
      return;
    }
    host.out(
      formatTable(
        ['ID', 'BRANCH', 'NAME'],
        places.map((p) => [p.id, p.branchId, p.name]),
      ),
    );
  },
};

export const stopRemove: Command = {
  usage: 'stop remove <branch> <name-or-id>',
  summary:
    'remove a place from a branch’s devices; the responses made there keep its name in the results',
  positionals: [2, Number.POSITIVE_INFINITY],
  async run({ host, config, positionals }) {
    const [branchId = '', ...nameParts] = positionals;
    const nameOrId = nameParts.join(' ').trim();
    const removed = await withStorage(config, async (storage) => {
      await requireBranch(storage, branchId);
      return removePlace(storage, branchId, nameOrId);
    });
    if (!removed)
      throw new CommandError(
        `branch ${branchId} has no place "${nameOrId}" (see: stop list --branch ${branchId})`,
      );
    host.out(
      `Removed place "${removed.name}" (${removed.id}) from branch ${branchId}; the responses made there keep its name.`,
    );
  },
};
