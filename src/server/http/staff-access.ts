/**
 * What a route for librarians needs from staff authentication: a gate for signed-in staff,
 * a gate for network administrators, and the branches the signed-in person may read. The
 * session middleware provides it; routes take it as a parameter, so each route says which
 * gate it stands behind where it is declared.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { resultsQuery } from '../results/query';
import { type Storage, streamResponses } from '../storage';
import type { BranchScope } from '../storage/scope';
import type { ExportAuth, ExportRowSource } from './routes/export';

export interface StaffAccess {
  /** Lets a signed-in staff member through (401 otherwise). */
  readonly staff: MiddlewareHandler;
  /** Lets a signed-in network administrator through (401 or 403 otherwise). */
  readonly admin: MiddlewareHandler;
  /** The branches the signed-in staff member may read; only after one of the gates. */
  scope(c: Context): BranchScope;
  /** Who is signed in (their staff user id), for what they change; only after a gate. */
  staffId(c: Context): string;
}

/** The exports' gate: signed-in staff, with their scope set for the export routes. */
export function exportGate(access: StaffAccess): ExportAuth {
  return (c, next) =>
    access.staff(c, async () => {
      c.set('scope', access.scope(c));
      await next();
    });
}

/** The exports' rows: the responses within the filter and scope, streamed from storage. */
export function exportRows(storage: Storage): ExportRowSource {
  return (filter, scope) => {
    const query = resultsQuery(filter, scope);
    // The export route answers 404 before asking for rows out of scope; nothing to stream.
    if (!query) return (async function* () {})();
    return streamResponses(storage, query, scope);
  };
}
