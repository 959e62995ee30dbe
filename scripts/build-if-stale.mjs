// Builds the app and the collector when either build is missing or older than any of its
// sources. `npm start` and the browser tests both call it, so neither ever runs a stale build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What a build is made from; tests are left out (they are not built). */
export const BUILD_SOURCES = [
  'src',
  'locales',
  'public',
  'index.html',
  'admin.html',
  'vite.config.ts',
  'config',
  'package-lock.json',
];
export const BUILD_OUTPUTS = [
  'dist/client/index.html',
  'dist/client/admin.html',
  'dist/client/.vite/phone-manifest.json',
  'dist/server/collector.js',
];

/** The newest modification time under a path, in ms (0 when it does not exist). */
function newestMs(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path)
      .filter((name) => !name.endsWith('.test.ts') && !name.endsWith('.test.tsx'))
      .map((name) => newestMs(join(path, name))),
  );
}

/** Whether a build is missing or older than its newest source, under the folder `root`. */
export function buildIsStale(root = '.') {
  const builtMs = Math.min(
    ...BUILD_OUTPUTS.map((f) => (existsSync(join(root, f)) ? statSync(join(root, f)).mtimeMs : 0)),
  );
  return builtMs < Math.max(...BUILD_SOURCES.map((s) => newestMs(join(root, s))));
}

/** Runs `npm run build` when the build is stale; returns false when that build failed. */
export function buildIfStale(log = console.log) {
  if (!buildIsStale()) return true;
  log('Building the app and the collector (the sources changed since the last build)…');
  // Vitest runs its global setup with NODE_ENV=test, which the children would inherit:
  // Vite then builds a development bundle whose files the service worker does not precache.
  const env = { ...process.env, NODE_ENV: 'production' };
  return spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', env }).status === 0;
}
