/**
 * Public links: a QR code on a poster names one branch and one survey, and phones send
 * their responses with its token. Each link has a device row of its own, revoked from the
 * start, that its responses are stored under (migration 0008 says why); so a link's
 * responses are counted by that device's id.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { sha256Hex } from '../hashing';
import { inTransaction, type Storage } from './database';
import type { PublicLinksTable } from './schema';

export interface PublicLinkRecord {
  token: string;
  branchId: string;
  surveyId: string;
  /** The device row its responses are stored under. */
  deviceId: string;
  createdAt: string;
  /** The last instant it takes responses; null: until revoked. */
  until: string | null;
  revokedAt: string | null;
}

export interface PublicLinkListing extends PublicLinkRecord {
  /** Responses that came by the link and count in the results. */
  responses: number;
}

function fromRow(row: Selectable<PublicLinksTable>): PublicLinkRecord {
  return {
    token: row.token,
    branchId: row.branch_id,
    surveyId: row.survey_id,
    deviceId: row.device_id,
    createdAt: row.created_at,
    until: row.until,
    revokedAt: row.revoked_at,
  };
}

/**
 * Stores a new link with its device row, in one transaction. The token is the caller's
 * (random, see public/links.ts); a clash with a stored one fails on the primary key.
 */
export async function createPublicLink(
  storage: Storage,
  link: { token: string; branchId: string; surveyId: string; at: string; until: string | null },
): Promise<PublicLinkRecord> {
  const deviceId = randomUUID();
  await inTransaction(storage, async (tx) => {
    await tx.db
      .insertInto('devices')
      .values({
        id: deviceId,
        branch_id: link.branchId,
        name: `public link ${link.token.slice(0, 6)}`,
        // A hash of random bytes nobody keeps: no device token can ever match it.
        token_hash: sha256Hex(`public-link:${randomBytes(32).toString('base64url')}`),
        enrolled_at: link.at,
        revoked_at: link.at,
        last_seen_at: null,
        last_clock_offset_ms: null,
      })
      .execute();
    await tx.db
      .insertInto('public_links')
      .values({
        token: link.token,
        branch_id: link.branchId,
        survey_id: link.surveyId,
        device_id: deviceId,
        created_at: link.at,
        until: link.until,
        revoked_at: null,
      })
      .execute();
  });
  return {
    token: link.token,
    branchId: link.branchId,
    surveyId: link.surveyId,
    deviceId,
    createdAt: link.at,
    until: link.until,
    revokedAt: null,
  };
}

/** The link of a token, open or closed; what the phone's routes and a poster route read. */
export async function findPublicLink(
  storage: Storage,
  token: string,
): Promise<PublicLinkRecord | undefined> {
  const row = await storage.db
    .selectFrom('public_links')
    .selectAll()
    .where('token', '=', token)
    .executeTakeFirst();
  return row && fromRow(row);
}

/**
 * Every link, newest first, with the responses each brought in (one grouped count); a
 * branch's only, or the one of a token, when the filter says so.
 */
export async function listPublicLinks(
  storage: Storage,
  filter: { branchId?: string | undefined; token?: string | undefined } = {},
): Promise<PublicLinkListing[]> {
  let query = storage.db
    .selectFrom('public_links')
    .selectAll('public_links')
    .select((eb) =>
      eb
        .selectFrom('responses')
        .select(eb.fn.countAll<number | string>().as('n'))
        .whereRef('responses.device_id', '=', 'public_links.device_id')
        .as('responses'),
    );
  if (filter.branchId) query = query.where('public_links.branch_id', '=', filter.branchId);
  if (filter.token) query = query.where('public_links.token', '=', filter.token);
  const rows = await query
    .orderBy('public_links.created_at', 'desc')
    .orderBy('public_links.token')
    .execute();
  return rows.map(({ responses, ...row }) => ({ ...fromRow(row), responses: Number(responses) }));
}

/** Revokes a link; false when there is no such link or it was revoked already. */
export async function revokePublicLink(
  storage: Storage,
  token: string,
  at: string,
): Promise<boolean> {
  const result = await storage.db
    .updateTable('public_links')
    .set({ revoked_at: at })
    .where('token', '=', token)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
