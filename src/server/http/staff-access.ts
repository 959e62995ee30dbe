/**
 * What a route for librarians needs from staff authentication: a gate for signed-in staff,
 * a gate for network administrators, and the branches the signed-in person may read. The
 * session middleware provides it; routes take it as a parameter, so each route says which
 * gate it stands behind where it is declared.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { BranchScope } from '../storage/scope';

export interface StaffAccess {
  /** Lets a signed-in staff member through (401 otherwise). */
  readonly staff: MiddlewareHandler;
  /** Lets a signed-in network administrator through (401 or 403 otherwise). */
  readonly admin: MiddlewareHandler;
  /** The branches the signed-in staff member may read; only after one of the gates. */
  scope(c: Context): BranchScope;
}
