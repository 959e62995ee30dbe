/**
 * First-admin tokens: the one-time secret in the first start's setup link, stored only as
 * a hash. Using one is a conditional update, so two browsers racing with the same link
 * cannot both make an administrator.
 */
import type { Storage } from './database';

export async function insertFirstAdminToken(
  storage: Storage,
  token: { tokenHash: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await storage.db
    .insertInto('first_admin_tokens')
    .values({
      token_hash: token.tokenHash,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
      used_at: null,
    })
    .execute();
}

/** Whether an unused token is still valid at `at`: its link may still be waiting in a log. */
export async function usableFirstAdminTokenExists(storage: Storage, at: string): Promise<boolean> {
  const row = await storage.db
    .selectFrom('first_admin_tokens')
    .select('token_hash')
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findFirstAdminToken(
  storage: Storage,
  tokenHash: string,
): Promise<{ expiresAt: string; usedAt: string | null } | undefined> {
  const row = await storage.db
    .selectFrom('first_admin_tokens')
    .select(['expires_at', 'used_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && { expiresAt: row.expires_at, usedAt: row.used_at };
}

/** Marks a token used; false when it is unknown, used or expired at `at`. */
export async function useFirstAdminToken(
  storage: Storage,
  tokenHash: string,
  at: string,
): Promise<boolean> {
  const result = await storage.db
    .updateTable('first_admin_tokens')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
