/**
 * The CSV exports, written as the rows come: UTF-8 with a byte order mark (without it,
 * Excel reads the file in the machine's ANSI code page and Cyrillic, ő or ų turn into
 * mojibake), CRLF line ends and RFC 4180 quoting, by csv-stringify. A slow download slows
 * the source down (stream backpressure) instead of piling rows up in memory.
 */
import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Codebook, CodebookRow } from './codebook';
import { type CellValue, type ExportColumn, type ExportRow, exportCells } from './columns';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

/** The codebook CSV's header: stable names for programs that read it. */
export const CODEBOOK_CSV_HEADER: readonly (keyof CodebookRow)[] = [
  'column',
  'question',
  'value',
  'label',
];

/** Records in, CSV bytes out; an error in the source ends the output with that error. */
function csvStream(header: readonly string[], records: AsyncIterable<CellValue[]>): Readable {
  const stringifier = stringify({
    bom: true,
    record_delimiter: 'windows',
    header: true,
    columns: [...header],
  });
  // Readable.from pulls the next record only when the stringifier asks for more. pipeline
  // destroys both ends when either fails or the reader goes away, which returns the source
  // iterator (a database cursor closes) and ends the output with the source's error.
  return pipeline(Readable.from(records), stringifier, () => {});
}

async function* responseRecords(
  columns: readonly ExportColumn[],
  rows: AsyncIterable<ExportRow>,
): AsyncGenerator<CellValue[]> {
  for await (const row of rows) yield exportCells(columns, row);
}

/** One line per response, one field per column, values as codes. */
export function responsesCsv(
  columns: readonly ExportColumn[],
  rows: AsyncIterable<ExportRow>,
): Readable {
  return csvStream(
    columns.map((column) => column.name),
    responseRecords(columns, rows),
  );
}

async function* codebookRecords(codebook: Codebook): AsyncGenerator<CellValue[]> {
  for (const row of codebook.rows) yield CODEBOOK_CSV_HEADER.map((key) => row[key]);
}

/** The codebook as CSV: column, question, value, label. */
export function codebookCsv(codebook: Codebook): Readable {
  return csvStream(CODEBOOK_CSV_HEADER, codebookRecords(codebook));
}

/** A Node stream as the web stream a Hono reply takes. */
export function toWebStream(stream: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}
