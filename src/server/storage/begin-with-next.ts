/**
 * A round trip less for every transaction on PostgreSQL: a client's BEGIN is held back and
 * sent with the statement after it, in one message, when that statement has no parameters
 * (the simple query protocol takes several statements at once; the extended one, which
 * parameters need, takes one). Until then the client answers BEGIN itself, as the server
 * would. A statement with parameters after a held BEGIN goes after it, as before.
 *
 * Each round trip costs a collector more than its bytes: on a busy machine, waking the
 * database and being woken again weighed more in the ingest benchmark than a batch of
 * 100's records, and a batch's transaction takes its device's lock first
 * (responses.ts's lockDevices), written without parameters for this.
 */
import type { ClientBase, QueryResult } from 'pg';

type Query = (text: unknown, values?: unknown, callback?: unknown) => unknown;

/** What the server answers to BEGIN. */
const BEGUN: QueryResult = { command: 'BEGIN', rowCount: null, oid: 0, rows: [], fields: [] };

/** Makes `client` hold back its BEGIN until the next statement (see above). */
export function beginWithNext(client: ClientBase): { reset(): void } {
  const query = client.query.bind(client) as Query;
  let held = false;
  const noParameters = (values: unknown) =>
    values === undefined || (Array.isArray(values) && values.length === 0);
  (client as unknown as { query: Query }).query = (text, values, callback) => {
    // Callbacks, query objects and streams go as they came, after any BEGIN held back.
    const plain =
      typeof text === 'string' && callback === undefined && typeof values !== 'function';
    if (plain && !held && text.trim().toLowerCase() === 'begin' && noParameters(values)) {
      held = true;
      return Promise.resolve(BEGUN);
    }
    if (!held) return query(text, values, callback);
    held = false;
    if (plain && noParameters(values)) {
      const results = query(`begin; ${text}`) as Promise<QueryResult | QueryResult[]>;
      return results.then((result) => (Array.isArray(result) ? (result.at(-1) ?? BEGUN) : result));
    }
    return (query('begin') as Promise<unknown>).then(() => query(text, values, callback));
  };
  return {
    reset: () => {
      held = false;
    },
  };
}
