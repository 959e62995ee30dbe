/**
 * What the CLI needs from its process: environment, output, standard input, the stop
 * signal, the clock and the built-in surveys. Tests pass their own host and read what was
 * printed.
 */
import { createInterface } from 'node:readline';
import type { SurveyPackage } from '../../shared/contract/survey-package';
import { builtInPackageVersions } from '../../surveys/packages';

export interface CliHost {
  env: Record<string, string | undefined>;
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  setExitCode(code: number): void;
  /** Resolves with the signal's name when the collector should stop. */
  stopSignal(): Promise<string>;
  /** Every version of every built-in survey, oldest first: `serve` stores them all. */
  builtInPackages(): SurveyPackage[];
  now(): Date;
  /** The first line of standard input, without its line end ('' when there is none). */
  readStdinLine(): Promise<string>;
}

/** Reads one line of standard input; a password never goes on the command line, where ps shows it. */
function readStdinLine(): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write(
      'Type the password and press Enter (pipe it in to keep it off the screen): ',
    );
  }
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: process.stdin, terminal: false });
    let line: string | undefined;
    lines.once('line', (first) => {
      line = first;
      lines.close();
    });
    lines.once('close', () => resolve(line ?? ''));
    process.stdin.once('error', reject);
  });
}

export function processHost(): CliHost {
  return {
    env: process.env,
    cwd: process.cwd(),
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    setExitCode: (code) => {
      process.exitCode = code;
    },
    stopSignal: () =>
      new Promise((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) {
          process.once(signal, () => resolve(signal));
        }
      }),
    builtInPackages: builtInPackageVersions,
    now: () => new Date(),
    readStdinLine,
  };
}
