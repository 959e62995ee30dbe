/**
 * The public channel: a link staff print as a QR code on a poster, naming one branch and
 * one survey. A visitor's phone opens `/s/<token>`, reads the link's state, and sends its
 * responses with the token as its only credential. The token is random and unguessable
 * but not secret (it is printed for anyone to scan); revoking the link, or its end date
 * passing, closes it.
 */
import { z } from 'zod/mini';
import { BranchSchema } from './device';
import { SurveyIdSchema } from './ids';

/** 32 characters of base64url from 24 random bytes: 192 bits, unguessable. */
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export const LinkTokenSchema = z.string().check(z.regex(LINK_TOKEN_PATTERN, 'is not a link token'));

/** The page a phone opens for a link, under the collector's origin. */
export function publicLinkPath(token: string): string {
  return `/s/${encodeURIComponent(token)}`;
}

/** The printable poster of a link (A4, or `?size=a6` for a table tent). */
export function posterPath(token: string): string {
  return `${publicLinkPath(token)}/poster`;
}

/**
 * open: it takes responses. closed: revoked, or its end date has passed (reason says
 * which); the phone says politely that the survey is closed, and keeps nothing.
 */
export const LINK_STATES = ['open', 'closed'] as const;
export const LINK_CLOSED_REASONS = ['revoked', 'expired'] as const;

/** GET /api/v1/public/links/:token: what a phone needs before it shows the survey. */
export const PublicLinkSchema = z.object({
  token: LinkTokenSchema,
  branch: BranchSchema,
  /** The survey the link collects for, with its current version. */
  survey: z.object({ id: SurveyIdSchema, version: z.int().check(z.gte(1)) }),
  state: z.enum(LINK_STATES),
  /** Why the link is closed; absent while it is open. */
  closedReason: z.optional(z.enum(LINK_CLOSED_REASONS)),
  /** The last moment the link takes responses, or null when it runs until revoked. */
  until: z.nullable(z.iso.datetime({ offset: true })),
  serverTime: z.iso.datetime({ offset: true }),
});
export type PublicLink = z.infer<typeof PublicLinkSchema>;
