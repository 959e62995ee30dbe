/** The production build's first screen fits its byte budget, and all of it works offline. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { filesMissingFromPrecache } from '../../config/build-checks';
import { FIRST_SCREEN_BUDGET_GZIP_BYTES, measureFirstScreen } from '../../config/first-screen';
import { phoneBuild } from '../../src/server/http/static-app';
import { LANGUAGES } from '../../src/shared/languages';

const CLIENT_BUILD = 'dist/client';
/**
 * A public link's page loads the phone's entry and the chunks it imports before the app
 * runs: 77 KB gzip-compressed on 2026-12-03, without Dexie (31 KB), which the phone loads
 * apart (src/app/store/survey-database.ts). Over slow 4G (1.6 Mb/s) every 10 KB is about
 * 50 ms before Start responds.
 */
const PHONE_SCRIPTS_BUDGET_GZIP_BYTES = 85 * 1024;

describe('the production build', () => {
  it.each(LANGUAGES)(
    'shows the first screen in %s within 100 KB of gzip-compressed HTML, JS and CSS',
    (language) => {
      const report = measureFirstScreen(CLIENT_BUILD, language);
      expect(report.files.some((f) => f.file.endsWith('.js'))).toBe(true);
      expect(report.files.some((f) => f.file.endsWith('.css'))).toBe(true);
      expect(report.totalGzipBytes, JSON.stringify(report.files)).toBeLessThanOrEqual(
        FIRST_SCREEN_BUDGET_GZIP_BYTES,
      );
    },
  );

  it('loads the phone’s entry and its imports within 85 KB of gzip-compressed JS, the database’s code apart', () => {
    const manifest: unknown = JSON.parse(
      readFileSync(join(CLIENT_BUILD, '.vite/phone-manifest.json'), 'utf8'),
    );
    const phone = phoneBuild(manifest);
    if (!phone) throw new Error('the build has no phone entry');
    const scripts = [phone.entry, ...phone.imports];
    const sizes = scripts.map((file) => ({
      file,
      gzipBytes: gzipSync(readFileSync(join(CLIENT_BUILD, file))).length,
    }));
    const total = sizes.reduce((sum, { gzipBytes }) => sum + gzipBytes, 0);
    expect(total, JSON.stringify(sizes)).toBeLessThanOrEqual(PHONE_SCRIPTS_BUDGET_GZIP_BYTES);
    const chunks = Object.values(manifest as Record<string, { file: string; src?: string }>);
    const databaseChunk = chunks.find((chunk) => chunk.src === 'src/app/store/survey-database.ts');
    expect(databaseChunk?.file).toMatch(/^assets\/phone\/survey-database-[\w-]+\.js$/);
    expect(scripts).not.toContain(`/${databaseChunk?.file}`);
  });

  it('precaches every file the app is made of', () => {
    expect(filesMissingFromPrecache(CLIENT_BUILD)).toEqual([]);
  });
});
