/** The production build's first screen fits its byte budget, and all of it works offline. */
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
});
