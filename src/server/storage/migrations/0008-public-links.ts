/**
 * The public channel: links staff print as QR codes, each naming one branch and one survey,
 * and the counters that hold what phones on them may send.
 *
 * A link's token is its key and is stored as it is: it is printed on posters for anyone to
 * scan, so it is no secret; revoking the link or its end date passing closes it.
 *
 * Each link has a device row of its own (device_id), which its responses are stored under:
 * responses.device_id must name a device, and so a response keeps which link it came by,
 * the device commands (responses per day, quarantine) work on a link's responses as on a
 * kiosk's, and the phone's own id is checked and counted but never stored, so no id ties
 * one visitor's responses together. That row is revoked from the start (no token can reach
 * it, no kiosk can enroll as it) and is left out of the device lists.
 *
 * The counters are shared by every collector over one database. A counter is a key (which
 * limit, which link, which phone or client) and the start of its window, counted up with
 * one atomic upsert; a client's address is part of a key only as an HMAC under a key of
 * the day (public_limit_keys), and both are deleted once their windows are over.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('public_links')
    .addColumn('token', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull().unique().references('devices.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createTable('public_limit_counters')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('window_end', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('public_limit_counters_pk', ['key', 'window_start'])
    .execute();
  await db.schema
    .createIndex('public_limit_counters_window_end')
    .on('public_limit_counters')
    .column('window_end')
    .execute();
  await db.schema
    .createTable('public_limit_keys')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'text', (c) => c.notNull())
    .execute();
}
