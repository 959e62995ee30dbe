/**
 * What the CLI needs from its process: environment, output, the stop signal, the clock and
 * the built-in surveys. Tests pass their own host and read what was printed.
 */
import type { SurveyPackage } from '../../shared/contract/survey-package';
import { builtInPackages } from '../../surveys/packages';

export interface CliHost {
  env: Record<string, string | undefined>;
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  setExitCode(code: number): void;
  /** Resolves with the signal's name when the collector should stop. */
  stopSignal(): Promise<string>;
  builtInPackages(): SurveyPackage[];
  now(): Date;
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
    builtInPackages,
    now: () => new Date(),
  };
}
