/** Every CLI command by the words that name it, and the help that lists them. */
import { renderConfigDocs } from '../config';
import { branchAdd, branchList, branchSet } from './branch-commands';
import type { Command } from './command';
import {
  codeCreate,
  deviceList,
  deviceQuarantine,
  deviceResponses,
  deviceRevoke,
} from './device-commands';
import { linkCreate, linkList, linkRevoke } from './link-commands';
import { responsesImport } from './response-commands';
import { migrateCommand, serveCommand } from './serve';
import { stopAdd, stopList, stopRemove } from './stop-commands';
import { surveyImport, surveyList } from './survey-commands';
import { userAdd, userDisable, userList, userReset } from './user-commands';

export const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  'branch add': branchAdd,
  'branch list': branchList,
  'branch set': branchSet,
  'code create': codeCreate,
  'device list': deviceList,
  'device revoke': deviceRevoke,
  'device responses': deviceResponses,
  'device quarantine': deviceQuarantine,
  'link create': linkCreate,
  'link list': linkList,
  'link revoke': linkRevoke,
  'stop add': stopAdd,
  'stop list': stopList,
  'stop remove': stopRemove,
  'responses import': responsesImport,
  'survey import': surveyImport,
  'survey list': surveyList,
  'user add': userAdd,
  'user list': userList,
  'user disable': userDisable,
  'user reset': userReset,
  migrate: migrateCommand,
};

/**
 * The command named by the first words of argv, and the arguments after its name. Only
 * COMMANDS' own entries count: `constructor` or `__proto__` would otherwise find what
 * every object inherits.
 */
export function findCommand(
  argv: readonly string[],
): { name: string; command: Command; args: string[] } | undefined {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (argv.length >= words && command) return { name, command, args: argv.slice(words) };
  }
  return undefined;
}

export function helpText(): string {
  const commands = [...Object.values(COMMANDS), { usage: 'help', summary: 'this text' }].map(
    (c) => `  ${c.usage}\n      ${c.summary}`,
  );
  return [
    'Library survey collector: receives the kiosks’ responses and serves the app.',
    '',
    'Usage: npm start                 (npm run collector -- serve, with memory limits)',
    '       npm run collector -- <command> [options]',
    '',
    'Commands:',
    ...commands,
    '',
    'Configuration (environment variables):',
    renderConfigDocs('text'),
  ].join('\n');
}
