/**
 * Many rows in one INSERT, the way each database takes them fastest. PostgreSQL: through
 * one parameter, a JSON array that the server turns into rows of the table's own type
 * (json_populate_recordset); a batch of 500 responses as VALUES lists takes 9,500
 * parameters, each sent, parsed and planned on its own, and as one JSON text the insert
 * costs a fraction of the time. SQLite: VALUES lists of ? with the values in one flat list,
 * without building a query tree of every value; the same text for the same row count, so
 * its prepared statement is found again (sqlite-file.ts).
 */
import { CompiledQuery, type RawBuilder, sql } from 'kysely';
import type { Storage } from './database';

/**
 * The rows as one JSON text. Text goes to PostgreSQL as UTF-8 either way; a lone surrogate
 * (which no UTF-8 holds) becomes U+FFFD, as node's encoder makes it of a parameter, instead
 * of a \ud800 escape the server's JSON parser refuses. JSON.stringify writes a lone
 * surrogate as such an escape and a pair as itself, so the escapes are replaced in its
 * output (an escape after an escaped backslash is text, and stays): a replacer function
 * called for every value took longer than the rest of the stringify.
 */
export function rowsJson(rows: readonly Record<string, unknown>[]): string {
  const json = JSON.stringify(rows);
  return json.includes('\\ud') ? json.replace(LONE_SURROGATE_ESCAPE, '$1\uFFFD') : json;
}

/** \udXXX of a surrogate half after an even number of backslashes (none escaping it). */
const LONE_SURROGATE_ESCAPE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

/**
 * The columns of a table, each listed (in the order given): a column the table gains and
 * the list lacks fails to compile, instead of being left out of every insert.
 */
export function everyColumn<Table>() {
  return <const Columns extends readonly (keyof Table & string)[]>(
    columns: Columns & ([Exclude<keyof Table, Columns[number]>] extends [never] ? unknown : never),
  ): Columns => columns;
}

/**
 * PostgreSQL: INSERT INTO table (columns) the rows, given as one JSON parameter; `tail`
 * follows (ON CONFLICT …, RETURNING …). A statement of its own, or a part of a WITH.
 */
export function jsonInsert<R = never>(
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  tail: RawBuilder<unknown>,
): RawBuilder<R> {
  const list = sql.join(columns.map((column) => sql.ref(column)));
  return sql<R>`insert into ${sql.table(table)} (${list})
    select ${list} from json_populate_recordset(null::${sql.table(table)}, ${rowsJson(rows)}::json)
    ${tail}`;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The same text for the same table, columns, row count and tail: its statement is kept. */
function sqliteText(table: string, columns: readonly string[], rows: number, tail: string): string {
  const row = `(${columns.map(() => '?').join(', ')})`;
  const list = columns.map(quoted).join(', ');
  return `insert into ${quoted(table)} (${list}) values ${Array(rows).fill(row).join(', ')} ${tail}`;
}

/**
 * INSERT INTO table (columns) the rows; `tail` is what follows (ON CONFLICT …, RETURNING
 * …), the same SQL on both databases. Values are what a parameter takes (text, numbers,
 * null; undefined is null). Returns the rows RETURNING gives.
 */
export async function insertRows<R = never>(
  tx: Storage,
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  tail: string,
): Promise<R[]> {
  if (rows.length === 0) return [];
  if (tx.dialect === 'postgres') {
    const insert: RawBuilder<R> = jsonInsert(table, columns, rows, sql.raw(tail));
    return (await insert.execute(tx.db)).rows;
  }
  const parameters: unknown[] = [];
  // A value left undefined is a NULL, as it is in the JSON (where its key is left out).
  for (const row of rows) for (const column of columns) parameters.push(row[column] ?? null);
  const query = CompiledQuery.raw(sqliteText(table, columns, rows.length, tail), parameters);
  return (await tx.db.executeQuery<R>(query)).rows;
}
