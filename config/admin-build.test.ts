import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_MANIFEST, adminFilesInPrecache, isAdminFile } from './admin-build';
import { filesMissingFromPrecache } from './build-checks';

describe("the dashboard stays out of the kiosk's precache", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function build(files: string[], precached: string[], adminManifest?: object): string {
    const dir = mkdtempSync(join(tmpdir(), 'admin-build-'));
    dirs.push(dir);
    for (const file of files) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), 'x');
    }
    if (adminManifest) {
      mkdirSync(join(dir, '.vite'), { recursive: true });
      writeFileSync(join(dir, ADMIN_MANIFEST), JSON.stringify(adminManifest));
    }
    const entries = JSON.stringify(precached.map((url) => ({ revision: '1', url })));
    writeFileSync(join(dir, 'sw.js'), `precacheAndRoute(${entries})`);
    return dir;
  }

  const KIOSK = ['index.html', 'assets/index-1.js'];
  const ADMIN = ['admin.html', 'assets/admin/admin-1.js', 'assets/admin/admin-1.css'];
  const MANIFEST = {
    'admin.html': { file: 'assets/admin/admin-1.js', css: ['assets/admin/admin-1.css'] },
  };

  it('finds none in a good build, and the kiosk misses none of its own', () => {
    const dir = build([...KIOSK, ...ADMIN], KIOSK, MANIFEST);
    expect(adminFilesInPrecache(dir)).toEqual([]);
    expect(filesMissingFromPrecache(dir)).toEqual([]);
  });

  it.each([['admin.html'], ['assets/admin/admin-1.js'], ['assets/admin/admin-1.css']])(
    'names %s when the service worker precaches it',
    (leaked) => {
      const dir = build([...KIOSK, ...ADMIN], [...KIOSK, leaked], MANIFEST);
      expect(adminFilesInPrecache(dir)).toEqual([leaked]);
    },
  );

  it('names a file of the admin manifest even outside assets/admin/', () => {
    const dir = build([...KIOSK, 'assets/plot-1.js'], [...KIOSK, 'assets/plot-1.js'], {
      'admin.html': { file: 'assets/plot-1.js' },
    });
    expect(adminFilesInPrecache(dir)).toEqual(['assets/plot-1.js']);
  });

  it.each([
    ['admin.html', true],
    ['assets/admin/x.js', true],
    ['assets/administration.js', false],
    ['index.html', false],
  ])('%s is the dashboard’s: %s', (file, expected) => {
    expect(isAdminFile(file)).toBe(expected);
  });
});
