/**
 * Every clock the code reads can be set by a test. Reading the real time is allowed only in
 * the places listed here, each a clock that tests replace (a host, a deps object, a default
 * parameter, or the browser's clock that the browser tests fake); anything else that reads
 * it is a test that will pass only in a certain week, so this fails and names it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLOCK_READ = /\bDate\.now\(\)|\bnew Date\(\)/;

/** Files that may read the real time, and the way tests set it there. */
const CLOCK_SOURCES: Record<string, string> = {
  'src/server/cli/host.ts': "the collector process's clock; tests pass a host with their own",
  'src/app/sync/browser-deps.ts': "the sync engine's deps; tests pass a fake clock",
  'src/app/store/responses.ts': 'a default parameter; tests pass `now`',
  'src/app/store/surveys.ts': 'a default parameter; tests pass `at`',
  'src/app/staff/response-file-text.ts': 'a default parameter; browser tests fake the clock',
  'src/app/kiosk/resume-policy.ts': 'a default option; tests pass `now`',
  'src/app/kiosk/use-kiosk.ts': "the browser's clock, which browser tests install a fake of",
  'src/app/kiosk/use-idle-timer.ts': "the browser's clock, which browser tests install a fake of",
  'src/app/kiosk/ThanksScreen.tsx': "the browser's clock, which browser tests install a fake of",
  'src/app/kiosk/use-opening-state.ts':
    "the browser's clock, which browser tests install a fake of",
  'src/app/staff/clock.ts': "the browser's clock, which browser tests install a fake of",
  'src/admin/clock.ts': "the dashboard's one clock; its pure functions take `now` or `today`",
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('reading the clock', () => {
  const readers = sourceFiles('src')
    .filter((path) => CLOCK_READ.test(readFileSync(path, 'utf8')))
    .map((path) => relative('.', path));

  it('happens only where a test can set the clock', () => {
    const unexpected = readers.filter((path) => !(path in CLOCK_SOURCES));
    expect(
      unexpected,
      'inject the clock (a `now` parameter or dependency) instead of reading it here',
    ).toEqual([]);
  });

  it('lists no place that no longer reads it', () => {
    expect(Object.keys(CLOCK_SOURCES).filter((path) => !readers.includes(path))).toEqual([]);
  });
});
