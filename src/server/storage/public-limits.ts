/**
 * The counters that hold what phones on public links may send, shared by every collector
 * over one database: a row per limit key and window, counted up by one atomic upsert that
 * stops at the limit. A request's counters are taken together or not at all.
 */
import { randomBytes } from 'node:crypto';
import { inTransaction, type Storage } from './database';

/** One counter a request takes from. */
export interface LimitTake {
  /** Which limit and whose: never a client's address in plain (see public/limits.ts). */
  key: string;
  /** The window, ISO UTC: [start, end). */
  windowStart: string;
  windowEnd: string;
  /** What the window allows in all. */
  max: number;
}

/** Thrown inside the transaction so that no counter of a refused request stays taken. */
class OverLimit extends Error {
  constructor(readonly over: LimitTake[]) {
    super('over a public limit');
  }
}

/**
 * Adds `count` to every counter when each stays within its max: { over: [] }. Otherwise
 * adds nothing and names the counters that would have gone over.
 */
export async function takePublicAllowance(
  storage: Storage,
  takes: readonly LimitTake[],
  count: number,
): Promise<{ over: LimitTake[] }> {
  const tooMany = takes.filter((take) => count > take.max);
  if (tooMany.length > 0) return { over: tooMany };
  try {
    await inTransaction(storage, async (tx) => {
      const over: LimitTake[] = [];
      // Always in the order given, so two requests sharing counters take them alike and
      // cannot deadlock on PostgreSQL.
      for (const take of takes) {
        const row = await tx.db
          .insertInto('public_limit_counters')
          .values({
            key: take.key,
            window_start: take.windowStart,
            window_end: take.windowEnd,
            count,
          })
          .onConflict((oc) =>
            oc
              .columns(['key', 'window_start'])
              .doUpdateSet((eb) => ({
                count: eb('public_limit_counters.count', '+', eb.ref('excluded.count')),
              }))
              .where('public_limit_counters.count', '<=', take.max - count),
          )
          .returning('count')
          .executeTakeFirst();
        if (!row) over.push(take);
      }
      if (over.length > 0) throw new OverLimit(over);
    });
  } catch (error) {
    if (error instanceof OverLimit) return { over: error.over };
    throw error;
  }
  return { over: [] };
}

/**
 * The HMAC key of a UTC day (YYYY-MM-DD): made by whichever collector asks first, read by
 * the others. A key lives no longer than the counters made with it.
 */
export async function publicLimitSecret(storage: Storage, day: string): Promise<string> {
  await storage.db
    .insertInto('public_limit_keys')
    .values({ day, secret: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  const row = await storage.db
    .selectFrom('public_limit_keys')
    .select('secret')
    .where('day', '=', day)
    .executeTakeFirstOrThrow();
  return row.secret;
}

/** Deletes the counters whose window is over, and the keys of days before `keepFromDay`. */
export async function purgePublicLimits(
  storage: Storage,
  now: string,
  keepFromDay: string,
): Promise<void> {
  await storage.db.deleteFrom('public_limit_counters').where('window_end', '<=', now).execute();
  await storage.db.deleteFrom('public_limit_keys').where('day', '<', keepFromDay).execute();
}
