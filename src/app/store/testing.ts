/**
 * For tests: the device database failing as a broken or full disk makes it fail. Dexie's
 * lowest layer (DBCore) is wrapped so that the operations named reject with the error
 * given, on every table or on one; the connection is closed so that the next use opens it
 * with the wrapper. The function returned takes the wrapper away again.
 */
import { db } from './database';

type Operation = 'count' | 'query' | 'get' | 'getMany' | 'openCursor' | 'mutate';

const MIDDLEWARE = 'broken-store';

export function breakStore(failure: {
  operations: readonly Operation[];
  error: () => DOMException;
  /** Only this table's operations fail; every table's when left out. */
  table?: string;
}): () => void {
  db.use({
    stack: 'dbcore',
    name: MIDDLEWARE,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (failure.table !== undefined && name !== failure.table) return table;
        const fail = () => Promise.reject(failure.error());
        return { ...table, ...Object.fromEntries(failure.operations.map((op) => [op, fail])) };
      },
    }),
  });
  db.close({ disableAutoOpen: false });
  return () => {
    db.unuse({ stack: 'dbcore', name: MIDDLEWARE });
    db.close({ disableAutoOpen: false });
  };
}
