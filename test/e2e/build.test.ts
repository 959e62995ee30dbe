/**
 * The production build's first screen fits its byte budget, all of it works offline, and
 * the kiosk's and the phone's scripts carry zod's small build only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesMissingFromPrecache } from '../../config/build-checks';
import { FIRST_SCREEN_BUDGET_GZIP_BYTES, measureFirstScreen } from '../../config/first-screen';
import { LANGUAGES } from '../../src/shared/languages';

const CLIENT_BUILD = 'dist/client';

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

  it('precaches every file the app is made of', () => {
    expect(filesMissingFromPrecache(CLIENT_BUILD)).toEqual([]);
  });

  it("loads zod/mini in the kiosk's and the phone's scripts, never classic zod", () => {
    const assets = join(CLIENT_BUILD, 'assets');
    const scripts = [
      ...readdirSync(assets).filter((file) => file.endsWith('.js')),
      ...readdirSync(join(assets, 'phone'))
        .filter((file) => file.endsWith('.js'))
        .map((file) => `phone/${file}`),
    ];
    const sources = new Map(
      scripts.map((file) => [file, readFileSync(join(assets, file), 'utf8')]),
    );
    // Each flavour names its schemas' constructor: classic `ZodType`, mini `ZodMiniType`.
    const classic = /[`'"]ZodType[`'"]/;
    const mini = /[`'"]ZodMiniType[`'"]/;
    expect(scripts.filter((file) => classic.test(sources.get(file) ?? ''))).toEqual([]);
    expect([...sources.values()].some((source) => mini.test(source))).toBe(true);
    // The collector resolves the contract's zod/mini to classic zod (config/zod-flavours.ts).
    const collector = readFileSync('dist/server/collector.js', 'utf8');
    expect(mini.test(collector)).toBe(false);
    expect(classic.test(collector)).toBe(true);
  });
});
