/**
 * The real collector for the chaos run: the built bundle `npm start` runs (without its
 * memory flags, which the chaos run does not measure) in a
 * process of its own, on one port for its whole life, so that it can be killed with
 * SIGKILL in the middle of a batch and started again on the same data.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../e2e/support/collector';

const BUNDLE_URL = new URL('../../dist/server/collector.js', import.meta.url).href;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What the collector prints once it listens. */
const LISTENING = 'Collector listening on ';

export interface CollectorProcess {
  url: string;
  /** Starts it (again) and resolves once it listens. */
  start(): Promise<void>;
  /** Ends the process at once, as a power cut or the OOM killer would. */
  kill(): Promise<void>;
  /** Asks it to end, as a service manager does. */
  stop(): Promise<void>;
  /** Everything it printed, over every start. */
  output(): string;
}

export async function collectorProcess(env: {
  DATA_DIR: string;
  DATABASE_URL?: string | undefined;
}): Promise<CollectorProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  let child: ChildProcess | undefined;

  const exited = (process: ChildProcess) =>
    process.exitCode !== null || process.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => process.once('exit', () => resolve()));

  return {
    url,
    output: () => log,
    start: () =>
      new Promise((resolve, reject) => {
        const started = spawn(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            `const { main } = await import(${JSON.stringify(BUNDLE_URL)}); await main(['serve']);`,
          ],
          {
            cwd: ROOT,
            env: {
              ...process.env,
              ...env,
              PORT: String(port),
              HOST: '127.0.0.1',
              PUBLIC_URL: url,
              TIME_ZONE: 'UTC',
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        child = started;
        let listening = false;
        let printed = '';
        const take = (chunk: Buffer) => {
          log += chunk;
          printed += chunk;
          if (!listening && printed.includes(LISTENING)) {
            listening = true;
            resolve();
          }
        };
        started.stdout?.on('data', take);
        started.stderr?.on('data', take);
        started.once('exit', (code, signal) => {
          if (!listening)
            reject(new Error(`the collector exited (${code ?? signal}):\n${printed}`));
        });
      }),
    kill: async () => {
      if (!child) return;
      const running = child;
      running.kill('SIGKILL');
      await exited(running);
      log += '\n[killed with SIGKILL]\n';
    },
    stop: async () => {
      if (!child) return;
      const running = child;
      running.kill('SIGTERM');
      await exited(running);
    },
  };
}
