import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesMissingFromPrecache } from './build-checks';

describe('filesMissingFromPrecache', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function build(files: string[], precached: string[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'build-'));
    dirs.push(dir);
    for (const file of files) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), 'x');
    }
    // As workbox-build injects it: JSON.
    const manifest = JSON.stringify(precached.map((url) => ({ revision: '1', url })));
    writeFileSync(join(dir, 'sw.js'), `precacheAndRoute(${manifest})`);
    return dir;
  }

  it('finds nothing missing when every app file is precached', () => {
    const dir = build(
      ['index.html', 'assets/index-1.js', 'sw.js', '.vite/manifest.json'],
      ['index.html', 'assets/index-1.js'],
    );
    expect(filesMissingFromPrecache(dir)).toEqual([]);
  });

  it('names an app file the service worker would not have offline', () => {
    const dir = build(
      ['index.html', 'assets/font.woff3', 'assets/index-1.js'],
      ['index.html', 'assets/index-1.js'],
    );
    expect(filesMissingFromPrecache(dir)).toEqual(['assets/font.woff3']);
  });
});
