/**
 * Where the outbox goes and with which credential. A kiosk sends its own responses to
 * /responses with the device token from its enrollment; a visitor's phone sends the
 * responses it made through a public link to /public/responses with the link's token,
 * which is the phone's only credential. Everything else about sync (batches, backoff,
 * Retry-After, quarantine) is the same engine for both.
 */

import type { ApiErrorCode } from '../../shared/contract/api-error';
import { DEVICE_API } from '../../shared/contract/device-api';
import { getEnrollment } from '../store';

export interface SyncCredential {
  /** Sent as `Authorization: Bearer <token>`. */
  token: string;
  /** ms since the epoch it was given: a refusal recorded before then was another token's. */
  since: number;
}

export interface SyncTarget {
  endpoint: typeof DEVICE_API.responses | typeof DEVICE_API.publicResponses;
  /** The token to send with, or undefined while there is none (a kiosk not enrolled yet). */
  credential(): Promise<SyncCredential | undefined>;
  /** Whose queued responses go here: a public link's (its token), or the kiosk's own. */
  link?: string;
  /**
   * Statuses that say nothing sent here will ever be taken: a public link revoked or past
   * its end (410), or unknown (404, 401). The batch goes to quarantine, named so, instead of
   * waiting on a phone for ever. Empty for a kiosk, whose 401 waits for staff to re-enroll.
   */
  closedStatuses: readonly number[];
  /**
   * The collector's error codes that say the same at any status: link-closed, which the
   * collector answers with 403 for a link revoked or past its end. Read from the body, so a
   * proxy's own 403 page is not taken for it.
   */
  closedCodes: readonly ApiErrorCode[];
}

/** The kiosk: its enrollment's token, to /responses. */
export const DEVICE_TARGET: SyncTarget = {
  endpoint: DEVICE_API.responses,
  async credential() {
    const enrollment = await getEnrollment();
    return enrollment && { token: enrollment.token, since: enrollment.enrolledAt };
  },
  closedStatuses: [],
  closedCodes: [],
};

/** The reason a response refused because its link closed carries in quarantine. */
export const LINK_CLOSED_REASON = 'link-closed' satisfies ApiErrorCode;

/** A phone on a public link: the link's token, to /public/responses. */
export function linkTarget(token: string): SyncTarget {
  return {
    endpoint: DEVICE_API.publicResponses,
    credential: async () => ({ token, since: 0 }),
    link: token,
    closedStatuses: [401, 404, 410],
    closedCodes: [LINK_CLOSED_REASON],
  };
}
