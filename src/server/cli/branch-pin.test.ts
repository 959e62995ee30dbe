/** branch set --staff-pin-stdin and --clear-staff-pin, run as the CLI over a collector's database. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testHost } from '../../../test/fixtures/cli-host';
import { startTestCollector, type TestCollector } from '../../../test/fixtures/collector';
import { testDialects } from '../../../test/fixtures/test-databases';
import { checkStaffPin } from '../../app/staff/pin-check';
import { main } from '../collector';
import { findBranchStaffPin } from '../storage';

describe.each(testDialects)('the staff PIN options of branch set on $name', (dialect) => {
  let collector: TestCollector;

  async function cli(stdin: string, ...argv: string[]) {
    const host = testHost(collector.database.env);
    host.stdin = stdin;
    await main(argv, host);
    return host;
  }

  beforeEach(async () => {
    collector = await startTestCollector(dialect);
  });
  afterEach(() => collector.close());

  it('reads the PIN from standard input and stores only a hash the devices can check', async () => {
    const host = await cli('482913\n', 'branch', 'set', 'main', '--staff-pin-stdin');
    expect(host.errors).toEqual([]);
    expect(host.output.join('\n')).toContain('Set the staff PIN of main');
    expect(host.output.join('\n')).not.toContain('482913');
    const stored = await findBranchStaffPin(collector.database.storage, 'main');
    expect(stored).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: 600_000 });
    expect(JSON.stringify(stored)).not.toContain('482913');
    if (!stored) throw new Error('no PIN stored');
    expect(await checkStaffPin('482913', stored)).toBe(true);
  });

  it('refuses a PIN that is not 4 to 8 digits, and keeps the old one', async () => {
    await cli('1234\n', 'branch', 'set', 'main', '--staff-pin-stdin');
    const before = await findBranchStaffPin(collector.database.storage, 'main');
    for (const typed of ['123', '123456789', '12 34', 'abcd', '']) {
      const host = await cli(`${typed}\n`, 'branch', 'set', 'main', '--staff-pin-stdin');
      expect(host.exitCode).not.toBe(0);
      expect(host.errors.join('\n')).toMatch(/4 to 8 digits/);
    }
    expect(await findBranchStaffPin(collector.database.storage, 'main')).toEqual(before);
  });

  it('clears the PIN, and says so when there was none', async () => {
    await cli('1234\n', 'branch', 'set', 'main', '--staff-pin-stdin');
    const cleared = await cli('', 'branch', 'set', 'main', '--clear-staff-pin');
    expect(cleared.output.join('\n')).toContain('Cleared the staff PIN of main');
    expect(await findBranchStaffPin(collector.database.storage, 'main')).toBeUndefined();
    const again = await cli('', 'branch', 'set', 'main', '--clear-staff-pin');
    expect(again.exitCode).toBe(0);
    expect(again.output.join('\n')).toContain('had no staff PIN');
  });

  it('refuses both options at once, and an unknown branch', async () => {
    const both = await cli(
      '1234\n',
      'branch',
      'set',
      'main',
      '--staff-pin-stdin',
      '--clear-staff-pin',
    );
    expect(both.exitCode).not.toBe(0);
    const unknown = await cli('1234\n', 'branch', 'set', 'nowhere', '--staff-pin-stdin');
    expect(unknown.errors.join('\n')).toContain('there is no branch "nowhere"');
    expect(await findBranchStaffPin(collector.database.storage, 'nowhere')).toBeUndefined();
  });

  it('sets only the PIN of the branch named', async () => {
    await cli('1234\n', 'branch', 'set', 'bookmobile', '--staff-pin-stdin');
    expect(await findBranchStaffPin(collector.database.storage, 'main')).toBeUndefined();
    expect(await findBranchStaffPin(collector.database.storage, 'bookmobile')).toBeDefined();
  });
});
