/**
 * The browser tests run against the production build. `npm test` builds first; run alone
 * (`npm run test:e2e`), this builds when the build is missing or older than its sources.
 */
import { existsSync } from 'node:fs';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';
import { CHROMIUM_PATH } from './support/browser';

export default function setup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM_PATH}: install Debian's chromium (bash .ci/run does) or set CHROMIUM_PATH`,
    );
  }
  if (!buildIfStale()) throw new Error('the build failed: the browser tests need it');
}
