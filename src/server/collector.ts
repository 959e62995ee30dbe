/**
 * The collector's entry point: `npm start` and `npm run collector -- <command>` end here
 * (scripts/collector.mjs builds this file into dist/server/collector.js and calls main).
 * Errors a person can act on print as one line and exit non-zero.
 */
import { parseArgs } from 'node:util';
import { CommandError } from './cli/command';
import { findCommand, helpText } from './cli/commands';
import { type CliHost, processHost } from './cli/host';
import { ConfigError, loadConfig } from './config';
import { ListenError } from './listen';
import { SurveyVersionClash } from './surveys/publish';

const EXIT_ERROR = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

async function run(argv: string[], host: CliHost): Promise<void> {
  if (argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    host.out(helpText());
    return;
  }
  const found = findCommand(argv.length === 0 ? ['serve'] : argv);
  if (!found) {
    throw new UsageError(`unknown command "${argv.join(' ')}"; see: npm run collector -- help`);
  }
  const { command } = found;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: found.args,
      options: command.options ?? {},
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(
      `${error instanceof Error ? error.message : error}; usage: ${command.usage}`,
    );
  }
  const [min, max] = command.positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    throw new UsageError(`usage: ${command.usage}`);
  }
  await command.run({
    host,
    config: loadConfig(host.env, host.cwd),
    positionals: parsed.positionals,
    options: parsed.values as Record<string, string | boolean | undefined>,
  });
}

export async function main(argv: string[], host: CliHost = processHost()): Promise<void> {
  try {
    await run(argv, host);
  } catch (error) {
    const expected = [CommandError, ConfigError, ListenError, SurveyVersionClash];
    const message = error instanceof Error ? error.message : String(error);
    const oneLine = message.replace(/\s*\n\s*/g, ' ');
    if (error instanceof UsageError) {
      host.err(`collector: ${oneLine}`);
      host.setExitCode(EXIT_USAGE);
    } else if (expected.some((kind) => error instanceof kind)) {
      host.err(`collector: ${oneLine}`);
      host.setExitCode(EXIT_ERROR);
    } else {
      host.err(`collector: unexpected error: ${oneLine}`);
      host.setExitCode(EXIT_ERROR);
    }
  }
}
