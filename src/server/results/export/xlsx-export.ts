/**
 * The XLSX export, written as the rows come by exceljs's streaming WorkbookWriter: sheet
 * "responses" (the CSV's columns and cells, numbers as numbers) and sheet "codebook" (a
 * title row in the chosen language, the headings, then the codebook's rows). Sheet names
 * stay ASCII and the same in every language, so macros and scripts can find them.
 *
 * Cells are written as values, never as formulas: exceljs makes a formula only from a
 * { formula } object, so a string that begins with = stays a string. Texts people typed
 * still get the formula guard's apostrophe (columns.ts), because a librarian who edits such
 * a cell and presses Enter would turn it into a live formula.
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Codebook } from './codebook';
import { type CellValue, type ExportColumn, type ExportRow, exportCells } from './columns';

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const RESPONSES_SHEET = 'responses';
export const CODEBOOK_SHEET = 'codebook';

/**
 * Rows written between two checks of the output. exceljs buffers what a committed row
 * becomes without telling its writer to wait, so the writer itself pauses here: it lets
 * the zip and deflate stages run, and waits while the reader is behind.
 */
const ROWS_PER_TURN = 200;

/** Characters XML 1.0 cannot hold; exceljs drops C0 controls itself, not these. */
const NOT_XML = /[\uFFFE\uFFFF]/g;

/**
 * A cell as the workbook holds it. Line breaks become LF, as Excel writes them in a cell:
 * XML readers turn a raw CR into LF anyway, so saying so here keeps it deliberate.
 */
function xlsxCell(value: CellValue): string | number | null {
  return typeof value === 'string'
    ? value.replace(NOT_XML, '\uFFFD').replace(/\r\n?/g, '\n')
    : value;
}

/** Resolves when the output takes more bytes, or is gone. */
function outputReady(output: PassThrough): Promise<void> {
  if (output.destroyed || !output.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      output.off('drain', done);
      output.off('close', done);
      resolve();
    };
    output.on('drain', done);
    output.on('close', done);
  });
}

/** One turn of the event loop, so that zlib's callbacks run before more rows are made. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function writeWorkbook(
  output: PassThrough,
  columns: readonly ExportColumn[],
  rows: AsyncIterable<ExportRow>,
  codebook: Codebook,
  now: Date,
): Promise<void> {
  const options: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions> & { created: Date } = {
    stream: output,
    useSharedStrings: false,
    useStyles: false,
    // exceljs would read the real clock for the document's dates otherwise.
    created: now,
  };
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter(options);
  workbook.creator = 'Library survey collector';

  const responses = workbook.addWorksheet(RESPONSES_SHEET, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  responses.addRow(columns.map((column) => column.name)).commit();
  let written = 0;
  for await (const row of rows) {
    if (output.destroyed) break;
    responses.addRow(exportCells(columns, row).map(xlsxCell)).commit();
    written += 1;
    if (written % ROWS_PER_TURN === 0) {
      await nextTurn();
      await outputReady(output);
    }
  }
  if (output.destroyed) return;
  responses.commit();

  const sheet = workbook.addWorksheet(CODEBOOK_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([xlsxCell(codebook.title)]).commit();
  const { headings } = codebook;
  sheet.addRow([headings.column, headings.question, headings.value, headings.label]).commit();
  for (const entry of codebook.rows) {
    sheet.addRow([entry.column, entry.question, entry.value, entry.label].map(xlsxCell)).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * The workbook as a stream of bytes, produced while the rows are read. A failure of the
 * source ends the stream with that error; a reader that goes away stops the reading.
 */
export function responsesXlsx(
  columns: readonly ExportColumn[],
  rows: AsyncIterable<ExportRow>,
  codebook: Codebook,
  now: Date,
): Readable {
  const output = new PassThrough();
  writeWorkbook(output, columns, rows, codebook, now).catch((error: unknown) =>
    output.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return output;
}
