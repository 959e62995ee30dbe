/**
 * The public channel, what a visitor's phone calls after scanning a poster's QR code.
 *
 * GET /public/links/:token (API.publicLink, no credential): the link's branch, survey and
 * state, open or closed (revoked, or past its end); 404 for a token that is not a link's.
 *
 * POST /public/responses (API.publicResponses, the link's token as the bearer): a sync
 * batch, read, checked and stored as a kiosk's (sync-batch.ts, ingest/), with what a link
 * changes: the branch stored is the link's, each record must be the phone's own (the
 * deviceId of the batch's first record that has one), of the link's survey and of channel
 * qr, or it is rejected on its own; a closed link is refused with link-closed (403, final),
 * an unknown token with 401; a batch over any of the link's limits (public/limits.ts) is
 * refused with 429 and Retry-After before anything is stored. Nothing about the phone or
 * its network is stored with a response.
 */
import { Hono } from 'hono';
import { API, type ReplyBody } from '../../../shared/contract/api';
import { DeviceIdSchema } from '../../../shared/contract/ids';
import { safeParseInput } from '../../../shared/contract/parse';
import { ingestBatch } from '../../ingest/ingest';
import { findLinkByToken, linkState, readPublicLink } from '../../public/links';
import { timestamp } from '../../storage';
import type { ResolvedDeps } from '../deps';
import { ApiProblem, notFound, unauthorized } from '../errors';
import { rateLimited, readSyncBatch } from '../sync-batch';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The phone's id: the deviceId of the first record that has a readable one. */
function phoneOf(responses: readonly unknown[]): string | undefined {
  for (const raw of responses) {
    const deviceId = (raw as { deviceId?: unknown } | null)?.deviceId;
    const parsed = safeParseInput(DeviceIdSchema, deviceId);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

export function publicRoutes({
  storage,
  now,
  timeZone,
  publicLimiter,
  clientAddress,
}: ResolvedDeps) {
  const link = API.publicLink;
  const responses = API.publicResponses;
  return new Hono()
    .on(link.method, link.path, async (c) => {
      const at = now();
      const found = await readPublicLink(storage, c.req.param('token'), at);
      if (!found) throw notFound('there is no public link with this token; scan the poster again');
      return c.json({
        ...found,
        serverTime: timestamp(at),
      } satisfies ReplyBody<typeof API.publicLink>);
    })
    .on(responses.method, responses.path, async (c) => {
      const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
      if (!token) throw unauthorized('send the link token as "Authorization: Bearer <token>"');
      const found = await findLinkByToken(storage, token);
      if (!found) throw unauthorized('the link token is not valid; scan the poster again');
      const state = linkState(found, now());
      if (state.state === 'closed') {
        throw new ApiProblem(
          'link-closed',
          state.closedReason === 'revoked'
            ? 'this survey link was closed by the library; responses are no longer taken'
            : 'this survey link has ended; responses are no longer taken',
        );
      }
      const batch = await readSyncBatch(c.req.raw);
      const phone = phoneOf(batch.responses);
      const refusal = await publicLimiter.take({
        linkToken: found.token,
        client: clientAddress(c),
        phone,
        count: batch.responses.length,
        now: now(),
      });
      if (refusal)
        throw rateLimited(`${refusal.reason}; nothing of this batch was stored`, refusal.waitMs);
      const { reply } = await ingestBatch(
        storage,
        {
          device: { id: found.deviceId, branchId: found.branchId },
          // No readable id in any record: every record is rejected for it on its own.
          phone: phone ?? '',
          only: { surveyId: found.surveyId, channel: 'qr' },
          responses: batch.responses,
          clockOffsetMs: batch.clockOffsetMs,
          timeZone,
        },
        now,
      );
      return c.json(reply satisfies ReplyBody<typeof API.publicResponses>);
    });
}
