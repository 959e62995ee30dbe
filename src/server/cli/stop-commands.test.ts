/** stop add, list and remove, run as the CLI over a collector's database. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testHost } from '../../../test/fixtures/cli-host';
import {
  startTestCollector,
  type TestCollector,
  TIME_ZONE,
} from '../../../test/fixtures/collector';
import { testDialects } from '../../../test/fixtures/test-databases';
import { MAX_LOCATION_LENGTH } from '../../shared/contract/response';
import { main } from '../collector';
import { insertPlace, listPlaces } from '../storage';

describe.each(testDialects)('the stop commands on $name', (dialect) => {
  let collector: TestCollector;

  async function cli(...argv: string[]) {
    const host = testHost({ ...collector.database.env, TIME_ZONE });
    await main(argv, host);
    return host;
  }

  beforeEach(async () => {
    collector = await startTestCollector(dialect);
  });
  afterEach(() => collector.close());

  it('adds a branch’s places, lists them by branch and name, and removes one by name or id', async () => {
    const added = await cli('stop', 'add', 'bookmobile', 'Market', 'square');
    expect(added.errors).toEqual([]);
    expect(added.output[0]).toMatch(
      /^Added place "Market square" \([\w-]{8}\) to branch bookmobile: /,
    );
    await cli('stop', 'add', 'bookmobile', 'School, east wing');
    await cli('stop', 'add', 'main', 'Second floor');

    const all = await listPlaces(collector.database.storage);
    expect(all.map((p) => [p.branchId, p.name])).toEqual([
      ['bookmobile', 'Market square'],
      ['bookmobile', 'School, east wing'],
      ['main', 'Second floor'],
    ]);
    const listed = (await cli('stop', 'list', '--branch', 'bookmobile')).output.join('\n');
    expect(listed).toContain('Market square');
    expect(listed).toContain('School, east wing');
    expect(listed).not.toContain('Second floor');
    expect((await cli('stop', 'list')).output.join('\n')).toContain('Second floor');

    const byName = await cli('stop', 'remove', 'bookmobile', 'Market square');
    expect(byName.output[0]).toMatch(/^Removed place "Market square"/);
    const school = all.find((p) => p.name === 'School, east wing');
    await cli('stop', 'remove', 'bookmobile', school?.id ?? '');
    expect((await listPlaces(collector.database.storage)).map((p) => p.name)).toEqual([
      'Second floor',
    ]);
    expect((await cli('stop', 'list', '--branch', 'bookmobile')).output).toEqual([
      'No places in branch bookmobile (stop add bookmobile <name> adds one).',
    ]);
  });

  it('removes a place whose id begins with "-" when the id follows --', async () => {
    // Ids are no longer drawn so, but a place added before that may have one.
    const place = {
      id: '-dash1Ab',
      branchId: 'bookmobile',
      name: 'Old stop',
      createdAt: '2026-11-01T09:00:00.000Z',
    };
    expect(await insertPlace(collector.database.storage, place)).toBe(true);
    const removed = await cli('stop', 'remove', 'bookmobile', '--', '-dash1Ab');
    expect(removed.errors).toEqual([]);
    expect(removed.output[0]).toMatch(/^Removed place "Old stop" \(-dash1Ab\)/);
    expect(await listPlaces(collector.database.storage)).toEqual([]);
  });

  it.each([
    [
      'a branch that is not there',
      ['stop', 'add', 'nowhere', 'Market'],
      'there is no branch "nowhere" (see: branch list)',
    ],
    [
      'a right-to-left override',
      ['stop', 'add', 'main', 'East\u202Ewing'],
      'invisible formatting character',
    ],
    [
      'a zero-width space',
      ['stop', 'add', 'main', 'Zero\u200Bwidth'],
      'invisible formatting character',
    ],
    [
      'a name too long',
      ['stop', 'add', 'main', 'x'.repeat(MAX_LOCATION_LENGTH + 1)],
      'longer than 120 characters',
    ],
    [
      'removing a place that is not there',
      ['stop', 'remove', 'main', 'Attic'],
      'branch main has no place "Attic"',
    ],
  ])('refuses %s', async (_, argv, message) => {
    const host = await cli(...argv);
    expect(host.exitCode).not.toBe(0);
    expect(host.errors.join('\n')).toContain(message);
    expect(await listPlaces(collector.database.storage)).toEqual([]);
  });

  it('refuses a second place of the same name in a branch, and allows it in another', async () => {
    await cli('stop', 'add', 'main', 'Desk');
    const again = await cli('stop', 'add', 'main', ' Desk ');
    expect(again.errors.join('\n')).toContain('branch main has a place named "Desk" already');
    expect((await cli('stop', 'add', 'bookmobile', 'Desk')).errors).toEqual([]);
    expect(await listPlaces(collector.database.storage)).toHaveLength(2);
  });
});
