/**
 * responses import: a file of responses staff saved on a kiosk that could not reach the
 * collector, stored through the same ingest as sync (ingest/import-file.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MAX_FILE_BYTES } from '../../shared/contract/response-file';
import { SYNC_OUTCOMES } from '../../shared/contract/sync';
import { ImportRefused, importResponseFile, parseResponseFileText } from '../ingest/import-file';
import { ALL_BRANCHES } from '../storage';
import { type Command, CommandError, withStorage } from './command';
import { formatTable } from './text';

/** Refused records whose reason is printed; the rest are counted. */
const MAX_REASONS_SHOWN = 10;

export const responsesImport: Command = {
  usage: 'responses import <file.json>',
  summary: 'store the responses a kiosk saved to a file (Staff → Save waiting responses to a file)',
  positionals: [1, 1],
  async run({ host, config, positionals }) {
    const path = resolve(host.cwd, positionals[0] ?? '');
    let text: string;
    try {
      if ((await stat(path)).size > MAX_FILE_BYTES) {
        throw new Error(`it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
      }
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new CommandError(
        `cannot read ${path}: ${error instanceof Error ? error.message : error}`,
      );
    }
    const result = await withStorage(config, async (storage) => {
      try {
        return await importResponseFile(storage, parseResponseFileText(text), {
          timeZone: config.timeZone,
          now: () => host.now(),
          scope: ALL_BRANCHES,
        });
      } catch (error) {
        if (!(error instanceof ImportRefused)) throw error;
        throw new CommandError(`cannot import ${path}: ${error.message}. Nothing was stored.`);
      }
    });
    const total = result.results.length;
    host.out(
      `Imported ${path}: ${total} ${total === 1 ? 'response' : 'responses'}${result.kind === 'refused' ? ' (refused on the device)' : ''} of device ${result.deviceId}, counted for branch ${result.branchId}.`,
    );
    host.out(
      formatTable(
        ['OUTCOME', 'RESPONSES'],
        SYNC_OUTCOMES.map((outcome) => [outcome, String(result.counts[outcome])]),
      ),
    );
    const refused = result.results.filter(
      (r) => r.outcome === 'conflict' || r.outcome === 'rejected',
    );
    for (const r of refused.slice(0, MAX_REASONS_SHOWN)) {
      host.out(
        `${r.outcome} ${r.id ?? '(no id)'}: ${r.path ? `${r.path}: ` : ''}${r.reason ?? ''}`,
      );
    }
    if (refused.length > MAX_REASONS_SHOWN) {
      host.out(`… and ${refused.length - MAX_REASONS_SHOWN} more refused.`);
    }
    if (result.counts.duplicate > 0) {
      host.out(
        'Duplicates were stored before (by sync or an earlier import) and are not stored again.',
      );
    }
  },
};
