/**
 * PostgreSQL: many rows inserted through one parameter, a JSON array that the server turns
 * into rows of the table's own type (json_populate_recordset). A batch of 500 responses as
 * VALUES lists takes 9,500 parameters, each sent, parsed and planned on its own; as one
 * JSON text it takes one, and the insert costs a fraction of the time. SQLite keeps its
 * VALUES lists: its statements run in-process, without that cost.
 */
import { type RawBuilder, sql } from 'kysely';

/**
 * The rows as one JSON text. Text goes to PostgreSQL as UTF-8 either way; a lone surrogate
 * (which no UTF-8 holds) becomes U+FFFD, as node's encoder makes it of a parameter, instead
 * of a \ud800 escape the server's JSON parser refuses.
 */
function rowsJson(rows: readonly Record<string, unknown>[]): string {
  return JSON.stringify(rows, (_key, value: unknown) =>
    typeof value === 'string' && LONE_SURROGATE.test(value)
      ? value.replace(LONE_SURROGATE_ALL, '\uFFFD')
      : value,
  );
}

/** With the u flag a surrogate pair is one code point: only a lone half matches. */
const LONE_SURROGATE = /\p{Surrogate}/u;
const LONE_SURROGATE_ALL = /\p{Surrogate}/gu;

/**
 * INSERT INTO table (columns) SELECT columns FROM the rows, each value cast to its
 * column's type by the server; `tail` is what follows (ON CONFLICT …, RETURNING …).
 */
export function insertJsonRows(
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  tail: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const list = sql.join(columns.map((column) => sql.ref(column)));
  return sql`insert into ${sql.table(table)} (${list})
    select ${list} from json_populate_recordset(null::${sql.table(table)}, ${rowsJson(rows)}::json)
    ${tail}`;
}
