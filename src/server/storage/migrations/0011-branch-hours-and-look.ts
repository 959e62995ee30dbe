/**
 * A branch's opening hours and its own look on the kiosk's welcome screen: a display name,
 * an accent colour and a logo. The hours are JSON (OpeningHours) in the collector's
 * TIME_ZONE; null is "not set", always open. The logo's bytes live in a table of their own
 * (base64 text, the same in both dialects), so reading a branch never reads its logo;
 * branches.logo_hash names the version devices fetch.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['opening_hours', 'display_name', 'accent', 'logo_hash']) {
    await db.schema.alterTable('branches').addColumn(column, 'text').execute();
  }
  await db.schema
    .createTable('branch_logos')
    .addColumn('branch_id', 'text', (c) => c.primaryKey().references('branches.id'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
