#!/usr/bin/env node
// Runs the collector (`npm start`, `npm run collector -- …`), building first what is
// missing or older than its sources, so a fresh clone needs only `npm install && npm start`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = [
  'src',
  'locales',
  'public',
  'index.html',
  'vite.config.ts',
  'config',
  'package-lock.json',
];
const OUTPUTS = { client: 'dist/client/index.html', server: 'dist/server/collector.js' };

/** The newest modification time under a path, in ms. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path)
      .filter((name) => !name.endsWith('.test.ts'))
      .map((name) => newest(join(path, name))),
  );
}

const built = Math.min(
  ...Object.values(OUTPUTS).map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)),
);
if (built < Math.max(...SOURCES.map(newest))) {
  console.log('Building the app and the collector (only when sources changed)…');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { main } = await import(new URL('../dist/server/collector.js', import.meta.url).href);
await main(process.argv.slice(2));
