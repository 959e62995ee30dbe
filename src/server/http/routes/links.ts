/**
 * Public links in the dashboard: the list (branch staff: their own branch's), making one
 * and revoking one (network administrators, as every change on the admin pages is). The
 * rules are the CLI's `link` commands': the branch's survey unless another is named, and
 * an end day that ends at midnight in the collector's TIME_ZONE and has not passed.
 */
import { type Context, Hono } from 'hono';
import { CreateLinkRequestSchema, type LinkDetails } from '../../../shared/contract/admin';
import { ENDPOINTS } from '../../../shared/contract/endpoints';
import { safeParseInput } from '../../../shared/contract/parse';
import { posterPath, publicLinkPath } from '../../../shared/contract/public-link';
import { findLinkByToken, generateLinkToken, linkState, parseUntil } from '../../public/links';
import {
  createPublicLink,
  findBranch,
  latestSurveyVersion,
  listBranches,
  listPublicLinks,
  type PublicLinkListing,
  revokePublicLink,
  timestamp,
} from '../../storage';
import type { ResolvedDeps } from '../deps';
import { badRequest, invalidBody, notFound } from '../errors';
import { readJsonBody } from '../json-body';
import type { StaffAccess } from '../staff-access';

const MAX_BODY_BYTES = 4 * 1024;

function linkReply(
  link: PublicLinkListing,
  branchName: string,
  at: Date,
  origin: string,
): LinkDetails {
  return {
    token: link.token,
    branch: { id: link.branchId, name: branchName },
    surveyId: link.surveyId,
    ...linkState(link, at),
    until: link.until,
    createdAt: link.createdAt,
    responses: link.responses,
    phonePath: publicLinkPath(link.token),
    phoneUrl: `${origin}${publicLinkPath(link.token)}`,
    posterPath: posterPath(link.token),
  };
}

export function linkRoutes(
  { storage, now, timeZone, publicUrl }: ResolvedDeps,
  access: StaffAccess,
): Hono {
  const app = new Hono();
  const { links, createLink, revokeLink } = ENDPOINTS;
  /** The origin phones reach, as the poster names it (routes/posters.ts). */
  const originOf = (c: Context) => publicUrl ?? new URL(c.req.url).origin;

  /** One link as the list shows it, read back after a change. */
  async function readBack(token: string, origin: string): Promise<LinkDetails> {
    const [link] = await listPublicLinks(storage, { token });
    if (!link) throw notFound('no such link');
    const branch = await findBranch(storage, link.branchId);
    return linkReply(link, branch?.name ?? link.branchId, now(), origin);
  }

  app.on(links.method, links.path, access.staff, async (c) => {
    const scope = access.scope(c);
    // The branch scope is in the query: another branch's links never leave the database.
    const [list, branches] = await Promise.all([
      listPublicLinks(storage, scope.kind === 'branch' ? { branchId: scope.branchId } : {}),
      listBranches(storage),
    ]);
    const nameOf = new Map(branches.map((b) => [b.id, b.name]));
    const at = now();
    const origin = originOf(c);
    return c.json({
      links: list.map((link) =>
        linkReply(link, nameOf.get(link.branchId) ?? link.branchId, at, origin),
      ),
    });
  });

  app.on(createLink.method, createLink.path, access.admin, async (c) => {
    const parsed = safeParseInput(
      CreateLinkRequestSchema,
      await readJsonBody(c.req.raw, MAX_BODY_BYTES),
    );
    if (!parsed.success) {
      throw invalidBody(parsed.error, '{ branchId, surveyId?, until?: YYYY-MM-DD or null }');
    }
    const request = parsed.data;
    const branch = await findBranch(storage, request.branchId);
    if (!branch) throw badRequest(`no branch ${request.branchId} on this collector`, 'branchId');
    const surveyId = request.surveyId ?? branch.surveyId;
    if ((await latestSurveyVersion(storage, surveyId)) === undefined) {
      throw badRequest(`no survey ${surveyId} on this collector; import it first`, 'surveyId');
    }
    const at = now();
    let until: Date | undefined;
    if (request.until) {
      try {
        until = parseUntil(request.until, timeZone, at);
      } catch (error) {
        throw badRequest(`until: ${(error as Error).message}`, 'until');
      }
    }
    const created = await createPublicLink(storage, {
      token: generateLinkToken(),
      branchId: branch.id,
      surveyId,
      at: timestamp(at),
      until: until ? timestamp(until) : null,
    });
    return c.json(await readBack(created.token, originOf(c)));
  });

  app.on(revokeLink.method, revokeLink.path, access.admin, async (c) => {
    const link = await findLinkByToken(storage, c.req.param('token') ?? '');
    if (!link) throw notFound('no such link');
    // A link revoked already stays as it was: revoking twice is one revocation.
    await revokePublicLink(storage, link.token, timestamp(now()));
    return c.json(await readBack(link.token, originOf(c)));
  });

  return app;
}
