import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_OUTPUTS, buildIsStale } from '../scripts/build-if-stale.mjs';

/** Seconds since the epoch, a fixed point: file times are set, never read from the clock. */
const BUILT_AT_S = 1_800_000_000;

describe('buildIsStale', () => {
  let root: string;

  /** Writes a file whose modification time is `secondsAfterBuild` away from the build. */
  function file(path: string, secondsAfterBuild: number) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, '');
    const at = BUILT_AT_S + secondsAfterBuild;
    utimesSync(full, at, at);
    // Folders count too: date each one the file was written into before the build, since
    // writing gave them the machine's real time.
    for (let folder = dirname(full); folder !== root; folder = dirname(folder)) {
      utimesSync(folder, BUILT_AT_S - 100, BUILT_AT_S - 100);
    }
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'build-if-stale-'));
    file('src/app/main.tsx', -60);
    file('locales/en/app.json', -60);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('asks for a build when there is none', () => {
    expect(buildIsStale(root)).toBe(true);
  });

  it('asks for a build when only one of the two builds is there', () => {
    file(BUILD_OUTPUTS[0] as string, 0);
    expect(buildIsStale(root)).toBe(true);
  });

  it('keeps a build that is newer than every source', () => {
    for (const output of BUILD_OUTPUTS) file(output, 0);
    expect(buildIsStale(root)).toBe(false);
  });

  it('rebuilds when a source changed after the build', () => {
    for (const output of BUILD_OUTPUTS) file(output, 0);
    file('locales/hu/app.json', 30);
    expect(buildIsStale(root)).toBe(true);
  });

  it('ignores tests, which are not part of the build', () => {
    for (const output of BUILD_OUTPUTS) file(output, 0);
    file('src/app/kiosk/session.test.ts', 30);
    expect(buildIsStale(root)).toBe(false);
  });
});
