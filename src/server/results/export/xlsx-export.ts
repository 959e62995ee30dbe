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
import type ExcelJS from 'exceljs';
import type { Codebook } from './codebook';
import { type CellValue, type ExportColumn, type ExportRow, exportCells } from './columns';

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const RESPONSES_SHEET = 'responses';
export const CODEBOOK_SHEET = 'codebook';

/**
 * How much of a sheet's XML may wait to be compressed before the writer waits. exceljs
 * writes every committed row into its sheet stream and never says "wait", and the zip's
 * deflate runs on the thread pool, slower than rows are made: without this, a 200,000-row
 * export held all its uncompressed XML (~230 MiB) in memory before any of it was zipped.
 */
const MAX_SHEET_BACKLOG_BYTES = 1024 * 1024;

/** Rows made between two turns of the event loop, in which the zip takes what they became. */
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

/** Resolves at the first of these events on these emitters. */
function firstOf(...waits: [emitter: EventEmitterLike, event: string][]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const [emitter, event] of waits) emitter.off(event, done);
      resolve();
    };
    for (const [emitter, event] of waits) emitter.on(event, done);
  });
}

interface EventEmitterLike {
  on(event: string, listener: () => void): unknown;
  off(event: string, listener: () => void): unknown;
}

/** A stream's buffered bytes, as every Node stream (and readable-stream 2 and 3) keeps them. */
interface StreamStates {
  readonly _writableState: { readonly length: number };
  readonly _readableState: { readonly length: number };
}

/** The stream between a sheet and its zip entry: the bytes it holds are the backlog. */
type SheetBacklog = EventEmitterLike & StreamStates;

function isSheetBacklog(value: unknown): value is SheetBacklog {
  const candidate = value as Partial<SheetBacklog> | undefined;
  return (
    typeof candidate?._writableState?.length === 'number' &&
    typeof candidate._readableState?.length === 'number' &&
    typeof candidate.on === 'function' &&
    typeof candidate.off === 'function'
  );
}

/**
 * The stream the zip reads a worksheet's XML from. Neither library exposes it: exceljs's
 * sheet stream (`stream`) keeps its readers in `pipes`, archiver reads through a
 * readable-stream 2 PassThrough it puts there, and that version has no `writableLength`,
 * so the counts are read from the stream states. Undefined if a later version of either is
 * built otherwise; the writer then falls back to pausing every few rows, and
 * xlsx-export.test.ts notices the change.
 */
export function sheetBacklog(worksheet: ExcelJS.Worksheet): SheetBacklog | undefined {
  const stream = (worksheet as unknown as { stream?: { pipes?: unknown[] } }).stream;
  const reader = stream?.pipes?.[0];
  return isSheetBacklog(reader) ? reader : undefined;
}

/** Bytes written to the sheet that the zip has not taken yet. */
const backlogBytes = (backlog: SheetBacklog) =>
  backlog._writableState.length + backlog._readableState.length;

/** One turn of the event loop, so that zlib's callbacks run before more rows are made. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Waits while the zip is behind the rows (or the reader behind the zip, which holds the
 * zip back in turn); returns at once when the output is gone.
 */
async function keepPace(
  backlog: SheetBacklog | undefined,
  output: PassThrough,
  written: number,
): Promise<void> {
  if (output.destroyed) return;
  if (backlog && backlogBytes(backlog) > MAX_SHEET_BACKLOG_BYTES) {
    await firstOf([backlog, 'drain'], [output, 'close']);
    return;
  }
  // Deflate runs on the thread pool while rows are made, but is fed only between turns.
  if (written % ROWS_PER_TURN !== 0) return;
  await nextTurn();
  if (!backlog && output.writableNeedDrain) await firstOf([output, 'drain'], [output, 'close']);
}

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
  // Loaded on the first XLSX export: exceljs and what it pulls in take about 37 MB of the
  // collector's memory, which a collector that only ingests never needs.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter(options);
  workbook.creator = 'Library survey collector';

  const responses = workbook.addWorksheet(RESPONSES_SHEET, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  responses.addRow(columns.map((column) => column.name)).commit();
  const backlog = sheetBacklog(responses);
  let written = 0;
  for await (const row of rows) {
    if (output.destroyed) break;
    responses.addRow(exportCells(columns, row).map(xlsxCell)).commit();
    written += 1;
    await keepPace(backlog, output, written);
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
