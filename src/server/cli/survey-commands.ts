/** survey import | list: questionnaires on the collector, every version kept. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { safeParseInput } from '../../shared/contract/parse';
import { SurveyPackageSchema } from '../../shared/contract/survey-package';
import { listSurveyVersions } from '../storage';
import { publishSurveyPackage } from '../surveys/publish';
import { type Command, CommandError, withStorage } from './command';
import { formatTable, formatTime } from './text';

/** Problems shown at most in the one line a refused import prints. */
const MAX_PROBLEMS_SHOWN = 5;

export const surveyImport: Command = {
  usage: 'survey import <file.json>',
  summary: 'store a survey package (structure and all five languages) as a new version',
  positionals: [1, 1],
  async run({ host, config, positionals }) {
    const file = resolve(host.cwd, positionals[0] ?? '');
    let input: unknown;
    try {
      input = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new CommandError(
        `cannot read ${file}: ${error instanceof Error ? error.message : error}`,
      );
    }
    const parsed = safeParseInput(SurveyPackageSchema, input);
    if (!parsed.success) {
      const problems = parsed.error.issues.map(
        (i) => `${i.path.join('.') || 'package'} ${i.message}`,
      );
      const more =
        problems.length > MAX_PROBLEMS_SHOWN
          ? `; and ${problems.length - MAX_PROBLEMS_SHOWN} more`
          : '';
      throw new CommandError(
        `${file} is not a complete survey package: ${problems.slice(0, MAX_PROBLEMS_SHOWN).join('; ')}${more}`,
      );
    }
    const pkg = parsed.data;
    const action = await withStorage(config, (storage) =>
      publishSurveyPackage(storage, pkg, host.now(), 'imported'),
    );
    const what = `survey ${pkg.id} v${pkg.version}`;
    host.out(
      action === 'inserted'
        ? `Imported ${what}. Devices use it from their next respondent on.`
        : action === 'texts-updated'
          ? `Updated the texts of ${what} (its structure is unchanged).`
          : `${what} is stored already, unchanged.`,
    );
  },
};

export const surveyList: Command = {
  usage: 'survey list',
  summary: 'list the survey versions on the collector',
  positionals: [0, 0],
  async run({ host, config }) {
    const versions = await withStorage(config, (storage) => listSurveyVersions(storage));
    if (versions.length === 0) {
      host.out('No surveys yet: the collector stores the built-in ones when it starts.');
      return;
    }
    const latest = new Map(versions.map((v) => [v.surveyId, v.version]));
    host.out(
      formatTable(
        ['SURVEY', 'VERSION', 'STORED', 'LATEST'],
        versions.map((v) => [
          v.surveyId,
          String(v.version),
          formatTime(v.createdAt),
          latest.get(v.surveyId) === v.version ? 'yes' : '',
        ]),
      ),
    );
  },
};
