/**
 * `npm run chaos`: proof that every response reaches the collector exactly once, unchanged,
 * under the faults a library network has. Starts the real collector (the built bundle) on
 * an empty SQLite or PostgreSQL database, puts a fault proxy in front of it (dropped
 * connections, 502s, a captive portal's page, bursts of 429 and 503 with Retry-After,
 * seconds of latency, replies cut after the batch was stored) and kills the collector with
 * SIGKILL several times mid-batch. Simulated kiosks, each with its own IndexedDB
 * (fake-indexeddb) and the app's own store and sync engine, make the responses and send
 * them. At the end every response made is looked up in the database; any duplicate,
 * missing, changed, quarantined or unsent response fails the run (exit code 1).
 *
 *   npm run chaos -- [--responses 100000] [--devices 20] [--database sqlite|postgres]
 *                    [--database-url postgres://…] [--seed N] [--kills 5]
 *                    [--time-scale 1] [--deadline-minutes 60]
 *
 * The code of the run is in test/chaos/ (README there); its test runs a small one.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { buildIfStale } from './build-if-stale.mjs';

type RunChaos = typeof import('../test/chaos/run-chaos.ts');

const { values } = parseArgs({
  options: {
    responses: { type: 'string', default: '100000' },
    devices: { type: 'string', default: '20' },
    database: { type: 'string', default: 'sqlite' },
    'database-url': { type: 'string' },
    seed: { type: 'string' },
    kills: { type: 'string', default: '5' },
    'time-scale': { type: 'string', default: '1' },
    'deadline-minutes': { type: 'string', default: '60' },
    help: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function count(name: string, min: number): number {
  const value = Number(values[name as keyof typeof values]);
  if (!Number.isInteger(value) || value < min) fail(`--${name} must be a whole number ≥ ${min}`);
  return value;
}

if (values.help) {
  console.log(
    'npm run chaos -- [--responses N] [--devices N] [--database sqlite|postgres] ' +
      '[--database-url URL] [--seed N] [--kills N] [--time-scale X] [--deadline-minutes N]',
  );
  process.exit(0);
}
const database = values.database;
if (database !== 'sqlite' && database !== 'postgres') fail('--database is sqlite or postgres');
const timeScale = Number(values['time-scale']);
if (!(timeScale > 0 && timeScale <= 1)) fail('--time-scale is a number above 0, at most 1');
const startedAt = Date.now();
const seed = values.seed === undefined ? startedAt % 2 ** 31 : count('seed', 0);
const options = {
  responses: count('responses', 1),
  devices: count('devices', 1),
  database,
  databaseUrl: values['database-url'] ?? process.env.TEST_DATABASE_URL,
  seed,
  kills: count('kills', 0),
  timeScale,
  deadlineMs: count('deadline-minutes', 1) * 60_000,
  clockStartMs: startedAt,
  exitOnSignal: true,
  log: (line: string) => console.log(`${((Date.now() - startedAt) / 1000).toFixed(1)} s  ${line}`),
} as const;

if (!buildIfStale()) process.exit(1);
// The run's code is TypeScript from test/chaos and src, loaded through Vite's module runner.
// The runner stays open for the whole run: the storage loads `pg` only when a PostgreSQL
// database is first used, long after the run's modules were imported.
const vite = await createServer({
  root: fileURLToPath(new URL('..', import.meta.url)),
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
});
const module = (await vite.ssrLoadModule(
  fileURLToPath(new URL('../test/chaos/run-chaos.ts', import.meta.url)),
)) as RunChaos;
console.log(`chaos run, seed ${seed} (repeat it with --seed ${seed})`);
const report = await module.runChaos(options);
for (const line of module.formatReport(report)) console.log(line);
await vite.close();
process.exit(report.ok ? 0 : 1);
