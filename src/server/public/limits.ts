/**
 * What phones on public links may send, so that a script cannot fill the results: per link
 * and client address an hour, per phone a day, and per link a day in all. Counted in the
 * database (storage/public-limits.ts), so a restart forgets nothing and several collectors
 * over one PostgreSQL share the counts; each request's records are counted, whatever
 * becomes of them (a lost reply sent again counts again), and a request over any limit
 * counts on none.
 *
 * The defaults never hinder a library. A phone answers once; ten a day leaves room for a
 * family sharing one, and for sending again. A desk's guests behind one NAT (the library's
 * Wi-Fi) are one address: 120 an hour per link is a class visit every few minutes. A link
 * takes 3,000 a day, far above any poster's day, and it bounds what a script spread over
 * many addresses can add before staff notice and revoke the link.
 *
 * No address is stored in plain: a counter's key holds an HMAC of it under a key of the
 * day, and both are deleted once the window is over. The phone's id is hashed alike.
 */
import { createHmac } from 'node:crypto';
import { addDays, dayInZone } from '../../shared/results/days';
import { FORWARDER_LIMIT_FACTOR, type ThrottleClient } from '../devices/throttle';
import { quotaDay } from '../ingest/ingest';
import {
  type LimitTake,
  publicLimitSecret,
  purgePublicLimits,
  type Storage,
  takePublicAllowance,
  timestamp,
} from '../storage';

export interface PublicLimits {
  /** Responses per link and client address (IPv6 by /64) per hour. */
  perAddressPerHour: number;
  /** Responses per phone per day in TIME_ZONE. */
  perPhonePerDay: number;
  /** Responses per link per day in TIME_ZONE, from everyone. */
  linkDailyCeiling: number;
}

export const DEFAULT_PUBLIC_LIMITS: PublicLimits = {
  perAddressPerHour: 120,
  perPhonePerDay: 10,
  linkDailyCeiling: 3000,
};

const HOUR_MS = 3_600_000;

export interface PublicRequest {
  linkToken: string;
  client: ThrottleClient;
  /** The phone's id, when a record names one. */
  phone: string | undefined;
  /** Records in the batch. */
  count: number;
  now: Date;
}

/** A refusal: how long until the request may go, and which limit it met, for people. */
export interface PublicRefusal {
  waitMs: number;
  reason: string;
}

type Kind = 'address' | 'forwarder' | 'phone' | 'link';

export class PublicLimiter {
  /** The HMAC keys of the UTC days in use, as the database holds them. */
  readonly #secrets = new Map<string, string>();
  #purgedHour: string | undefined;

  constructor(
    private readonly storage: Storage,
    private readonly limits: PublicLimits,
    private readonly timeZone: string,
  ) {}

  /** Counts the request on every limit it falls under: undefined, or why not and until when. */
  async take(request: PublicRequest): Promise<PublicRefusal | undefined> {
    const { now } = request;
    await this.#purge(now);
    const hourStart = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
    const hour = { start: hourStart, end: new Date(hourStart.getTime() + HOUR_MS) };
    const dayWindow = quotaDay(now, this.timeZone);
    const day = { start: dayWindow.since, end: dayWindow.until };
    const kinds = new Map<string, Kind>();
    const takes: LimitTake[] = [];
    const add = async (
      kind: Kind,
      key: string,
      window: { start: Date; end: Date },
      max: number,
      secretValue?: string,
    ) => {
      const hashed =
        secretValue === undefined ? key : `${key}:${await this.#hash(window.start, secretValue)}`;
      kinds.set(hashed, kind);
      takes.push({
        key: hashed,
        windowStart: timestamp(window.start),
        windowEnd: timestamp(window.end),
        max,
      });
    };
    const { client, linkToken } = request;
    // A key standing for every client of a proxy is never limited: it would refuse them all.
    if (!client.shared) {
      await add('address', `address:${linkToken}`, hour, this.limits.perAddressPerHour, client.key);
    }
    if (client.forwarder) {
      await add(
        'forwarder',
        `forwarder:${linkToken}`,
        hour,
        this.limits.perAddressPerHour * FORWARDER_LIMIT_FACTOR,
        client.forwarder,
      );
    }
    if (request.phone !== undefined) {
      await add('phone', 'phone', day, this.limits.perPhonePerDay, request.phone);
    }
    await add('link', `link:${linkToken}`, day, this.limits.linkDailyCeiling);

    const { over } = await takePublicAllowance(this.storage, takes, request.count);
    if (over.length === 0) return undefined;
    const waitMs = Math.max(...over.map((take) => Date.parse(take.windowEnd) - now.getTime()));
    const reasons = over.map((take) => this.#reason(kinds.get(take.key) ?? 'link'));
    return { waitMs, reason: reasons.join('; ') };
  }

  #reason(kind: Kind): string {
    const { perAddressPerHour, perPhonePerDay, linkDailyCeiling } = this.limits;
    switch (kind) {
      case 'address':
        return `this link takes at most ${perAddressPerHour} responses an hour from one network`;
      case 'forwarder':
        return `this link takes at most ${perAddressPerHour * FORWARDER_LIMIT_FACTOR} responses an hour through one proxy not in TRUSTED_PROXIES`;
      case 'phone':
        return `one phone may send at most ${perPhonePerDay} responses a day`;
      case 'link':
        return `this link takes at most ${linkDailyCeiling} responses a day`;
    }
  }

  /** An HMAC of a value under the key of the UTC day its window starts on. */
  async #hash(windowStart: Date, value: string): Promise<string> {
    const day = timestamp(windowStart).slice(0, 10);
    let secret = this.#secrets.get(day);
    if (secret === undefined) {
      secret = await publicLimitSecret(this.storage, day);
      this.#secrets.set(day, secret);
      // Only the days a live window can start on are kept.
      for (const known of this.#secrets.keys()) {
        if (known < addDays(day, -2)) this.#secrets.delete(known);
      }
    }
    return createHmac('sha256', secret).update(value, 'utf8').digest('base64url');
  }

  /** At most once an hour per collector: counters whose window is over, keys of old days. */
  async #purge(now: Date): Promise<void> {
    const hour = timestamp(now).slice(0, 13);
    if (this.#purgedHour === hour) return;
    this.#purgedHour = hour;
    const today = dayInZone(now.getTime(), 'UTC');
    await purgePublicLimits(this.storage, timestamp(now), addDays(today, -2));
  }
}
