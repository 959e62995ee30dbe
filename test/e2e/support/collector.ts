/**
 * Runs the real collector bundle (what `npm start` runs) on a free port with its own data
 * directory. It serves the production build of the app and the API on one port.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTOR_HEAP_FLAGS, COLLECTOR_MALLOC_ENV } from '../../../scripts/collector-heap.mjs';
import { apiPath, ENDPOINTS } from '../../../src/shared/contract/endpoints';

const START_TIMEOUT_MS = 30_000;

export interface RunningCollector {
  url: string;
  port: number;
  dataDir: string;
  /** The collector process's id while it runs (its memory is read from /proc). */
  pid: () => number | undefined;
  /** The one-time enrollment link printed on the first start. */
  enrollmentLink: string | undefined;
  output: () => string;
  stop: () => Promise<void>;
  /** Stops and starts again on the same port and data (a collector restart). */
  restart: () => Promise<void>;
  /**
   * Runs a CLI command against the same data, e.g. ['code', 'create', '--branch', 'main'];
   * `stdin` is what the command reads from standard input (a password).
   */
  cli: (args: string[], options?: { stdin?: string }) => Promise<string>;
  dispose: () => Promise<void>;
}

/** A TCP port free on this machine now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function run(args: string[], env: NodeJS.ProcessEnv, stdin?: string): ChildProcess {
  // `serve` runs with the heap and malloc `npm start` gives it; the other commands as
  // `npm run collector`.
  const serve = args[0] === 'serve';
  const heap = serve ? COLLECTOR_HEAP_FLAGS : [];
  const child = spawn(process.execPath, [...heap, 'test/e2e/support/run-collector.mjs', ...args], {
    env: { ...process.env, ...(serve ? COLLECTOR_MALLOC_ENV : {}), ...env },
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (stdin !== undefined) child.stdin?.end(stdin);
  return child;
}

/**
 * Device limits no benchmark reaches: one simulated device sends tens of thousands of
 * responses in minutes, where a real one sends a few hundred a day.
 */
export const BENCH_DEVICE_LIMITS: NodeJS.ProcessEnv = {
  DEVICE_RESPONSE_BURST: '1000000',
  DEVICE_RESPONSES_PER_MINUTE: '1000000',
  DEVICE_DAILY_RESPONSE_QUOTA: '10000000',
};

export async function startCollector(
  options: { staticDir?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunningCollector> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'collector-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_URL: url,
    // The days results count on, whatever zone the test machine is in.
    TIME_ZONE: 'UTC',
  };
  if (options.staticDir) env.STATIC_DIR = options.staticDir;
  Object.assign(env, options.env);
  let log = '';
  let child: ChildProcess | undefined;

  const start = async () => {
    child = run(['serve'], env);
    child.stdout?.on('data', (chunk) => {
      log += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      log += chunk;
    });
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the collector exited:\n${log}`);
      const ready = await fetch(`${url}${apiPath(ENDPOINTS.health)}`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the collector did not start within ${START_TIMEOUT_MS} ms:\n${log}`);
  };

  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };

  await start();
  const collector: RunningCollector = {
    url,
    port,
    dataDir,
    pid: () => (child?.exitCode === null ? child.pid : undefined),
    enrollmentLink: /(http\S+#enroll=[0-9A-Z-]+)/.exec(log)?.[1],
    output: () => log,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    cli: (args, options = {}) =>
      new Promise((resolve, reject) => {
        const command = run(args, env, options.stdin);
        let out = '';
        command.stdout?.on('data', (chunk) => {
          out += chunk;
        });
        command.stderr?.on('data', (chunk) => {
          out += chunk;
        });
        command.once('exit', (code) =>
          code === 0
            ? resolve(out)
            : reject(new Error(`collector ${args.join(' ')} failed:\n${out}`)),
        );
      }),
    dispose: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return collector;
}
