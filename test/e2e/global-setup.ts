/**
 * The browser tests run against the production build. `npm test` builds first; run alone
 * (`npm run test:e2e`), this builds when the build is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './support/browser';

export default function setup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM_PATH}: install Debian's chromium (bash .ci/run does) or set CHROMIUM_PATH`,
    );
  }
  if (!existsSync('dist/client/index.html') || !existsSync('dist/server/collector.js')) {
    execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  }
}
