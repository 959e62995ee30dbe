/**
 * Each branch's staff PIN, the one that opens the staff view on its devices, as a slow hash
 * (PBKDF2-SHA256 with its salt and rounds; the PIN itself is never stored). A table of its
 * own rather than columns on branches: a branch without a PIN has no row.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('branch_staff_pins')
    .addColumn('branch_id', 'text', (c) => c.primaryKey().references('branches.id'))
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('iterations', 'integer', (c) => c.notNull())
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
}
