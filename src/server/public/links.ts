/**
 * Public links as the collector reasons about them: a fresh token, whether a link is open
 * at an instant, and the end date staff type when they make one.
 */
import { safeParseInput } from '../../shared/contract/parse';
import { LinkTokenSchema, type PublicLink } from '../../shared/contract/public-link';
import { addDays, dayStartMs } from '../../shared/results/days';
import { cliSafeRandomId } from '../cli-safe-id';
import {
  findBranch,
  findPublicLink,
  latestSurveyVersion,
  type PublicLinkRecord,
  type Storage,
} from '../storage';

/** 24 random bytes as base64url: the contract's 32 characters (LinkTokenSchema). */
export function generateLinkToken(): string {
  return cliSafeRandomId(24);
}

export type LinkState = Pick<PublicLink, 'state' | 'closedReason'>;

/** A link as a phone or a poster sees it: the contract's PublicLink but the clock's reading. */
export type PublicLinkView = Omit<PublicLink, 'serverTime'>;

/** The link a well-formed token names, or undefined: garbage never reaches the database. */
export async function findLinkByToken(
  storage: Storage,
  token: string,
): Promise<PublicLinkRecord | undefined> {
  return safeParseInput(LinkTokenSchema, token).success
    ? findPublicLink(storage, token)
    : undefined;
}

/**
 * The link a token names with its branch, its survey's latest version and its state at
 * `at`; undefined when there is no such link, or its branch or survey is gone.
 */
export async function readPublicLink(
  storage: Storage,
  token: string,
  at: Date,
): Promise<PublicLinkView | undefined> {
  const found = await findLinkByToken(storage, token);
  if (!found) return undefined;
  const branch = await findBranch(storage, found.branchId);
  const version = await latestSurveyVersion(storage, found.surveyId);
  if (!branch || version === undefined) return undefined;
  return {
    token: found.token,
    branch: { id: branch.id, name: branch.name },
    survey: { id: found.surveyId, version },
    ...linkState(found, at),
    until: found.until,
  };
}

/** Open, or closed and why: revoked first (for good), then past its last instant. */
export function linkState(
  link: Pick<PublicLinkRecord, 'revokedAt' | 'until'>,
  now: Date,
): LinkState {
  if (link.revokedAt) return { state: 'closed', closedReason: 'revoked' };
  if (link.until && now.getTime() > Date.parse(link.until)) {
    return { state: 'closed', closedReason: 'expired' };
  }
  return { state: 'open' };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** An instant with its offset, as the contract writes them (2026-12-31T18:00:00+01:00). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The last instant of a link typed as --until: a day (YYYY-MM-DD) is its end in the
 * collector's time zone, an ISO instant with its offset is itself. Throws a sentence that
 * says what to type for anything else, and for an instant that has passed.
 */
export function parseUntil(text: string, timeZone: string, now: Date): Date {
  let until: Date;
  if (DAY.test(text)) {
    if (addDays(text, 0) !== text) throw new Error(`${text} is no date in the calendar`);
    until = new Date(dayStartMs(addDays(text, 1), timeZone) - 1);
  } else if (INSTANT.test(text) && !Number.isNaN(Date.parse(text))) {
    until = new Date(text);
  } else {
    throw new Error(
      `"${text}" is neither a day (YYYY-MM-DD, the end of that day in ${timeZone}) nor an instant with its offset (2026-12-31T18:00+01:00)`,
    );
  }
  if (until.getTime() <= now.getTime()) {
    throw new Error(`${until.toISOString()} has passed already; give a later end`);
  }
  return until;
}
