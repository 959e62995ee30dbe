/**
 * How fast the exports write, and how much memory they hold while they do: 200,000
 * synthetic responses of the library questionnaire (varied answers, a comment in one of
 * the five languages on every third) through the CSV and the XLSX writer into a reader that
 * takes every byte at once. Prints rows per second and the peak growth of the resident set
 * over the run (sampled every 1,000 rows), a streaming writer's whole point: it should stay
 * flat however many rows there are. Figures only; nothing here passes or fails.
 */
import type { Readable } from 'node:stream';
import { test } from 'vitest';
import { buildCodebook } from '../src/server/results/export/codebook';
import { type ExportRow, exportColumns } from '../src/server/results/export/columns';
import { responsesCsv } from '../src/server/results/export/csv-export';
import { responsesXlsx } from '../src/server/results/export/xlsx-export';
import { LANGUAGES } from '../src/shared/languages';
import { questionsAcrossVersions } from '../src/shared/survey/question-versions';
import { BUILT_IN_SURVEY_VERSIONS } from '../src/surveys';
import { builtInPackages } from '../src/surveys/packages';
import { collectedResponse, PATRON_TEXTS } from '../test/fixtures/export-rows';
import { completeAnswers } from '../test/fixtures/survey-package';

const ROWS = 200_000;
const SAMPLE_EVERY_ROWS = 1_000;
const NOW = new Date('2026-11-21T08:00:00.000Z');

const [pkg] = builtInPackages();
if (!pkg) throw new Error('no built-in survey');
// The questions of every version, as the export route writes them (the rows answer version 1).
const columns = exportColumns(questionsAcrossVersions(BUILT_IN_SURVEY_VERSIONS));
const codebook = buildCodebook(columns, pkg, 'en');

/** Synthetic rows, varied by index so that compression and strings behave as in real data. */
async function* syntheticRows(memory: { peak: number }): AsyncGenerator<ExportRow> {
  const template = collectedResponse();
  for (let i = 0; i < ROWS; i++) {
    const language = LANGUAGES[i % LANGUAGES.length] ?? 'en';
    const answers = {
      ...completeAnswers(),
      'overall-satisfaction': 1 + (i % 5),
      recommend: i % 11,
      'staff-helpful': i % 7 === 0 ? 'na' : 1 + ((i * 3) % 5),
      'todays-visit': { selected: i % 2 ? ['borrow-return'] : ['study-work', 'event'] },
      'one-improvement': i % 3 === 0 ? `${PATRON_TEXTS[language]} #${i}` : '',
    };
    yield {
      response: { ...template, id: `bench-${i}`, locale: language, deviceSeq: i + 1, answers },
      answeredDay: '2026-11-20',
    };
    if (i % SAMPLE_EVERY_ROWS === 0) {
      memory.peak = Math.max(memory.peak, process.memoryUsage.rss());
    }
  }
}

async function measure(name: string, write: (rows: AsyncIterable<ExportRow>) => Readable) {
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  const memory = { peak: before };
  const started = performance.now();
  let bytes = 0;
  for await (const chunk of write(syntheticRows(memory))) bytes += (chunk as Buffer).length;
  const seconds = (performance.now() - started) / 1000;
  const growthMb = (memory.peak - before) / 1024 / 1024;
  console.log(
    `${name}: ${ROWS} rows in ${seconds.toFixed(1)} s, ${Math.round(ROWS / seconds)} rows/s, ` +
      `${(bytes / 1024 / 1024).toFixed(1)} MiB written, peak RSS growth ${growthMb.toFixed(1)} MiB`,
  );
}

test('export throughput and memory', { timeout: 600_000 }, async () => {
  await measure('CSV', (rows) => responsesCsv(columns, rows));
  await measure('XLSX', (rows) => responsesXlsx(columns, rows, codebook, NOW));
});
