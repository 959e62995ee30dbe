/**
 * POST /admin/imports: a file of responses a kiosk saved when it could not reach the
 * collector, uploaded on the dashboard (the CLI's `responses import` does the same). Signed-in
 * staff: network administrators import any device's file, branch staff only a file of a
 * device of their own branch (the device's branch on the collector, never what the file
 * says). A file refused whole answers 400 (403 for another branch's device, 413 for too
 * large) with `problem` naming why; nothing of it is stored.
 */
import { Hono } from 'hono';
import { ENDPOINTS } from '../../../shared/contract/endpoints';
import {
  type ImportResponsesReply,
  MAX_FILE_BYTES,
  MAX_IMPORT_REFUSALS_LISTED,
} from '../../../shared/contract/response-file';
import { ImportRefused, importResponseFile } from '../../ingest/import-file';
import type { ResolvedDeps } from '../deps';
import { ApiProblem, apiErrorBody } from '../errors';
import { readJsonBody } from '../json-body';
import type { StaffAccess } from '../staff-access';

export function importRoutes({ storage, now, timeZone }: ResolvedDeps, access: StaffAccess): Hono {
  const { method, path } = ENDPOINTS.importResponses;
  return new Hono().on(method, path, access.staff, async (c) => {
    let body: unknown;
    try {
      body = await readJsonBody(c.req.raw, MAX_FILE_BYTES);
    } catch (error) {
      if (!(error instanceof ApiProblem) || error.code === 'unsupported-media-type') throw error;
      const problem = error.code === 'payload-too-large' ? 'too-large' : 'not-json';
      c.header('Cache-Control', 'no-store');
      return c.json({ ...apiErrorBody(error.code, error.message), problem }, error.status);
    }
    try {
      const result = await importResponseFile(storage, body, {
        timeZone,
        now,
        scope: access.scope(c),
      });
      return c.json({
        kind: result.kind,
        deviceId: result.deviceId,
        branchId: result.branchId,
        counts: result.counts,
        refused: result.results
          .filter((r) => r.outcome === 'conflict' || r.outcome === 'rejected')
          .slice(0, MAX_IMPORT_REFUSALS_LISTED),
      } satisfies ImportResponsesReply);
    } catch (error) {
      if (!(error instanceof ImportRefused)) throw error;
      const code = error.problem === 'other-branch' ? 'forbidden' : 'bad-request';
      c.header('Cache-Control', 'no-store');
      return c.json(
        {
          ...apiErrorBody(code, `${error.message}; nothing of the file was stored`, error.path),
          problem: error.problem,
        },
        code === 'forbidden' ? 403 : 400,
      );
    }
  });
}
