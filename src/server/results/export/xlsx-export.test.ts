import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
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
import { LANGUAGES, type Language } from '../../../shared/languages';
import { questionsAcrossVersions } from '../../../shared/survey/question-versions';
import { BUILT_IN_SURVEY_VERSIONS } from '../../../surveys';
import { builtInPackages } from '../../../surveys/packages';
import type { CollectedResponse } from '../../storage';
import { buildCodebook } from './codebook';
import { exportColumns } from './columns';
import { CODEBOOK_SHEET, RESPONSES_SHEET, responsesXlsx, sheetBacklog } from './xlsx-export';

function builtInPackage() {
  const [first] = builtInPackages();
  if (!first) throw new Error('no built-in survey');
  return first;
}
const pkg = builtInPackage();
// As the export route makes them: the questions of every version (the fixture's responses
// answer version 1).
const columns = exportColumns(questionsAcrossVersions(BUILT_IN_SURVEY_VERSIONS));
const NOW = new Date('2026-11-21T08:00:00.000Z');

async function workbookOf(responses: CollectedResponse[], language: Language = 'en') {
  const codebook = buildCodebook(columns, pkg, language);
  const bytes = await buffer(responsesXlsx(columns, exportRows(responses), codebook, NOW));
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type, older than Node's.
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = (name: string) => {
    const found = workbook.getWorksheet(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };
  /** The responses as records keyed by the header row. */
  const records = () => {
    const rows = sheet(RESPONSES_SHEET).getSheetValues().slice(2) as unknown[][];
    return rows.map((row) =>
      Object.fromEntries(columns.map((column, i) => [column.name, row[i + 1] ?? null])),
    );
  };
  return { workbook, sheet, records, codebook };
}

/** 50,000 rows take seconds on a busy machine; the test waits for states, not for time. */
const STREAMING_TIMEOUT_MS = 60_000;

describe('responsesXlsx', () => {
  it('writes sheet "responses" with the export columns, then sheet "codebook"', async () => {
    const { workbook, sheet } = await workbookOf([responseWith('en', 'Fine.')]);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([RESPONSES_SHEET, CODEBOOK_SHEET]);
    expect(sheet(RESPONSES_SHEET).getRow(1).values).toEqual([
      undefined,
      ...columns.map((c) => c.name),
    ]);
    expect(workbook.created).toEqual(NOW);
  });

  it('writes codes as numbers and texts as texts', async () => {
    const { sheet, records } = await workbookOf([responseWith('en', 'Fine.')]);
    const [record] = records();
    expect(record).toMatchObject({
      survey_version: 1,
      completed: 1,
      'overall-satisfaction': 4,
      recommend: 9,
      'computers-wifi': 'na',
      'todays-visit.event': 1,
      'todays-visit.ask-staff': 0,
      'gap-staff-service.desired': 8,
      'visit-frequency': 'weekly',
      'one-improvement': 'Fine.',
    });
    const satisfaction = columns.findIndex((c) => c.name === 'overall-satisfaction') + 1;
    expect(sheet(RESPONSES_SHEET).getRow(2).getCell(satisfaction).type).toBe(
      ExcelJS.ValueType.Number,
    );
    expect(record?.['buy-more-of.novels']).toBeNull();
  });

  it('round-trips what patrons wrote in every language', async () => {
    const { records } = await workbookOf(
      LANGUAGES.map((l) => responseWith(l, PATRON_TEXTS[l], `${PATRON_TEXTS[l]} (other)`)),
    );
    expect(records().map((r) => r['one-improvement'])).toEqual(
      LANGUAGES.map((l) => PATRON_TEXTS[l]),
    );
    expect(records().map((r) => r['todays-visit.other'])).toEqual(
      LANGUAGES.map((l) => `${PATRON_TEXTS[l]} (other)`),
    );
  });

  it('makes no cell a formula, and guards formula-looking texts with an apostrophe', async () => {
    const { workbook, records } = await workbookOf(
      FORMULA_TEXTS.map((t) => responseWith('en', t, t)),
    );
    // A carriage return is a line break in a cell, written LF.
    expect(records().map((r) => r['one-improvement'])).toEqual(
      FORMULA_TEXTS.map((t) => `'${t.replace('\r', '\n')}`),
    );
    for (const worksheet of workbook.worksheets) {
      worksheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula, cell.address).toBeFalsy();
        }),
      );
    }
  });

  it('keeps a workbook Excel can open when a text holds characters XML cannot', async () => {
    const { records } = await workbookOf([responseWith('en', 'bell\u0007 and \uFFFF end')]);
    expect(records()[0]?.['one-improvement']).toMatch(/^bell.* and \uFFFD end$/);
  });

  it('puts the codebook on its own sheet: the title in the language, the headings, every row', async () => {
    const { sheet, codebook } = await workbookOf([collectedResponse()], 'hu');
    const book = sheet(CODEBOOK_SHEET);
    expect(book.getCell('A1').value).toBe('Kódkönyv: Mit gondol a könyvtárunkról?');
    expect(book.getRow(2).values).toEqual([undefined, 'Oszlop', 'Kérdés', 'Érték', 'Jelentés']);
    expect(book.rowCount).toBe(codebook.rows.length + 2);
    const described = new Set((book.getSheetValues().slice(3) as unknown[][]).map((row) => row[1]));
    expect([...described]).toEqual(columns.map((c) => c.name));
  });

  it(
    'sends workbook bytes before the source has yielded its last row',
    async () => {
      const source = countingSource(50_000, collectedResponse({ answers: completeAnswers() }));
      const output = responsesXlsx(columns, source.rows, buildCodebook(columns, pkg, 'en'), NOW);
      // Past what the workbook holds before its first sheet (theme, relationships): sheet data.
      const SHEET_BYTES = 256 * 1024;
      let received = 0;
      let producedWhenSheetDataArrived: number | undefined;
      for await (const chunk of output) {
        received += (chunk as Buffer).length;
        if (received > SHEET_BYTES && producedWhenSheetDataArrived === undefined) {
          producedWhenSheetDataArrived = source.state.produced;
        }
      }
      expect(source.state.drained).toBe(true);
      expect(producedWhenSheetDataArrived).toBeDefined();
      expect(producedWhenSheetDataArrived).toBeLessThan(50_000);
    },
    STREAMING_TIMEOUT_MS,
  );

  it(
    'stops reading rows while the reader is behind, and lets the source go when it leaves',
    async () => {
      const source = countingSource(50_000);
      const output = responsesXlsx(columns, source.rows, buildCodebook(columns, pkg, 'en'), NOW);
      // Nobody reads: the writer must come to rest, waiting, long before the last row.
      let unchangedTurns = 0;
      let last = -1;
      while (!source.state.drained && unchangedTurns < 100) {
        await new Promise((resolve) => setImmediate(resolve));
        unchangedTurns = source.state.produced === last ? unchangedTurns + 1 : 0;
        last = source.state.produced;
      }
      expect(source.state.drained).toBe(false);
      expect(source.state.produced).toBeLessThan(50_000);
      const closed = new Promise((resolve) => output.once('close', resolve));
      output.destroy();
      await closed;
      while (!source.state.closed) await new Promise((resolve) => setImmediate(resolve));
      expect(source.state.drained).toBe(false);
    },
    STREAMING_TIMEOUT_MS,
  );

  it("finds the stream the zip reads a sheet from, which keeps the writer's pace", () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough() });
    const sheet = workbook.addWorksheet('probe');
    sheet.addRow(['a']).commit();
    expect(sheetBacklog(sheet)).toBeDefined();
  });
});
