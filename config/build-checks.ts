/**
 * Checks that run after the client build: every file the app is made of is in the service
 * worker's precache (a file left out would break the kiosk offline), and the size of the
 * first screen is reported.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { isAdminFile } from './admin-build.ts';
import { precachedUrls } from './beside-kiosk.ts';
import { FIRST_SCREEN_BUDGET_GZIP_BYTES, measureFirstScreen } from './first-screen.ts';
import { isPhoneFile } from './phone-build.ts';

/** Files of the build that the browser never fetches as part of the app. */
const OUTSIDE_THE_APP = [/^\.vite\//, /^sw\.js$/];

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path, root) : [relative(root, path)];
  });
}

/** Returns the files of a client build that its service worker does not precache. */
export function filesMissingFromPrecache(outDir: string): string[] {
  const precached = new Set(precachedUrls(outDir));
  return (
    listFiles(outDir)
      .map((file) => file.split('\\').join('/'))
      .filter((file) => !OUTSIDE_THE_APP.some((pattern) => pattern.test(file)))
      // The dashboard is another app; config/admin-build.ts checks it stays out of the precache.
      .filter((file) => !isAdminFile(file))
      // The phone's entry is not precached: offline, a phone starts from index.html's.
      .filter((file) => !isPhoneFile(file))
      .filter((file) => !precached.has(file))
  );
}

export function buildChecks(): Plugin {
  let outDir = '';
  let isClientBuild = true;
  return {
    name: 'library-survey:build-checks',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      isClientBuild = !config.build.ssr;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        if (!isClientBuild) return;
        const missing = filesMissingFromPrecache(outDir);
        if (missing.length > 0) {
          throw new Error(
            `These files are not precached, so the app would break offline:\n  ${missing.join('\n  ')}\n` +
              'Add their extension to PRECACHE_GLOB_PATTERNS in config/pwa.ts.',
          );
        }
        const report = measureFirstScreen(outDir);
        const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
        const verdict = report.totalGzipBytes <= FIRST_SCREEN_BUDGET_GZIP_BYTES ? 'within' : 'OVER';
        console.log(
          `\nfirst screen: ${kb(report.totalGzipBytes)} gzip (budget ${kb(FIRST_SCREEN_BUDGET_GZIP_BYTES)}, ${verdict})\n` +
            report.files.map((f) => `  ${kb(f.gzipBytes).padStart(9)}  ${f.file}`).join('\n'),
        );
      },
    },
  };
}
