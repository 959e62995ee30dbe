import { buffer, text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  collectedResponse,
  countingSource,
  exportRows,
  FORMULA_TEXTS,
  PATRON_TEXTS,
  responseWith,
} from '../../../../test/fixtures/export-rows';
import { completeAnswers } from '../../../../test/fixtures/survey-package';
import type { Language } from '../../../shared/languages';
import { builtInPackages } from '../../../surveys/packages';
import { buildCodebook } from './codebook';
import { exportColumns } from './columns';
import { CODEBOOK_CSV_HEADER, codebookCsv, responsesCsv, toWebStream } from './csv-export';

const [pkg] = builtInPackages();
if (!pkg) throw new Error('no built-in survey');
const columns = exportColumns(pkg);

async function csvOf(responses: ReturnType<typeof collectedResponse>[]) {
  const bytes = Buffer.from(
    await new Response(toWebStream(responsesCsv(columns, exportRows(responses)))).arrayBuffer(),
  );
  const records = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
  return { bytes, records };
}

/** 50,000 rows take seconds on a busy machine; the test waits for states, not for time. */
const STREAMING_TIMEOUT_MS = 60_000;

describe('responsesCsv', () => {
  it('starts with a byte order mark and ends every line with CRLF', async () => {
    const { bytes } = await csvOf([responseWith('en', 'Fine.')]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const content = bytes.subarray(3).toString('utf8');
    expect(
      content.startsWith(`response_id,survey_version,branch_id,channel,locale,answered_day,`),
    ).toBe(true);
    expect(content.split('\r\n')).toHaveLength(3);
    expect(content.replaceAll('\r\n', '')).not.toMatch(/\n/);
  });

  it('round-trips what patrons wrote in every language, quotes and line breaks included', async () => {
    const languages = Object.keys(PATRON_TEXTS) as Language[];
    const multiline = 'Two things:\r\n1. chairs, "good" ones\n2. light';
    const responses = [
      ...languages.map((l) => responseWith(l, PATRON_TEXTS[l], `${PATRON_TEXTS[l]} (other)`)),
      responseWith('en', multiline),
    ];
    const { records } = await csvOf(responses);
    expect(records.map((r) => r['one-improvement'])).toEqual([
      ...languages.map((l) => PATRON_TEXTS[l]),
      multiline,
    ]);
    expect(records.map((r) => r.locale)).toEqual([...languages, 'en']);
    expect(records[4]?.['todays-visit.other']).toBe(`${PATRON_TEXTS.lt} (other)`);
  });

  it('neutralises formulas in what patrons typed with a leading apostrophe', async () => {
    const { records } = await csvOf(FORMULA_TEXTS.map((t) => responseWith('en', t, t)));
    expect(records.map((r) => r['one-improvement'])).toEqual(FORMULA_TEXTS.map((t) => `'${t}`));
    expect(records.map((r) => r['todays-visit.other'])).toEqual(FORMULA_TEXTS.map((t) => `'${t}`));
    for (const record of records) {
      for (const [column, value] of Object.entries(record)) {
        expect(value, column).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  it('writes a multiple choice as one 0/1 column per option, na and empty as they are', async () => {
    const skipped = responseWith('en', 'Fine.');
    delete skipped.answers['buy-more-of'];
    const na = collectedResponse({ answers: { ...completeAnswers(), 'buy-more-of': 'na' } });
    const { records } = await csvOf([skipped, na]);
    expect(records[0]).toMatchObject({
      'todays-visit.borrow-return': '1',
      'todays-visit.browse-read': '0',
      'todays-visit.event': '1',
      'buy-more-of.novels': '',
      'buy-more-of.other': '',
    });
    expect(records[1]?.['buy-more-of.novels']).toBe('na');
  });

  it('has a codebook row for every column and every code the cells hold', async () => {
    const responses = [
      responseWith('hu', 'Semmi.'),
      collectedResponse({
        completed: false,
        answers: { 'visit-frequency': 'first-time', recommend: 0 },
      }),
      collectedResponse({ channel: 'qr', answers: { ...completeAnswers(), 'buy-more-of': 'na' } }),
    ];
    const { records } = await csvOf(responses);
    const codebook = buildCodebook(columns, pkg, 'sl');
    const codes = new Set(codebook.rows.map((row) => `${row.column}=${row.value}`));
    const freeColumns = new Set(
      codebook.rows.filter((row) => row.value === '').map((row) => row.column),
    );
    for (const record of records) {
      for (const [column, value] of Object.entries(record)) {
        const described = codes.has(`${column}=${value}`) || freeColumns.has(column);
        expect(described, `${column}=${value}`).toBe(true);
      }
    }
  });

  it(
    'sends the first bytes before the source has yielded its last row',
    async () => {
      const source = countingSource(50_000);
      const reader = toWebStream(responsesCsv(columns, source.rows)).getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);
      expect(source.state.drained).toBe(false);
      expect(source.state.produced).toBeLessThan(50_000);
      let lines = 0;
      for (let chunk = first; !chunk.done; chunk = await reader.read()) {
        for (const byte of chunk.value) if (byte === 0x0a) lines += 1;
      }
      expect(source.state.drained).toBe(true);
      expect(lines).toBe(50_001);
    },
    STREAMING_TIMEOUT_MS,
  );

  it('ends the stream with the error of a source that fails', async () => {
    async function* failing() {
      yield* exportRows([collectedResponse()]);
      throw new Error('the database went away');
    }
    await expect(text(responsesCsv(columns, failing()))).rejects.toThrow('the database went away');
  });
});

describe('codebookCsv', () => {
  it('writes the codebook with a stable header, in the chosen language', async () => {
    const codebook = buildCodebook(columns, pkg, 'lt');
    const content = (await buffer(codebookCsv(codebook))).toString('utf8');
    expect(content.startsWith('\uFEFFcolumn,question,value,label\r\n')).toBe(true);
    const records = parse(content, { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(codebook.rows.length);
    expect(Object.keys(records[0] ?? {})).toEqual([...CODEBOOK_CSV_HEADER]);
    expect(records.find((r) => r.column === 'todays-visit.event' && r.value === '1')?.label).toBe(
      'Pasirinkta',
    );
  });
});
