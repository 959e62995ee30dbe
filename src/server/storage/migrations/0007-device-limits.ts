/**
 * What a device sent, by when it arrived: the daily quota counts a device's responses
 * received today, the CLI lists them per day and quarantines them from a day on.
 *
 * A quarantined response leaves `responses` (and so every count, comment and export) for
 * `quarantined_responses`, which keeps its id and content hash for good: the device may
 * send it again, and must be told it is stored (exactly once) instead of it being counted
 * again. `response` is the stored row as JSON, or null once deleted (`--delete`).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('responses_device_received')
    .on('responses')
    .columns(['device_id', 'received_at'])
    .execute();
  await db.schema
    .createTable('quarantined_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('quarantined_at', 'text', (c) => c.notNull())
    .addColumn('response', 'text')
    .execute();
  await db.schema
    .createIndex('quarantined_responses_device_received')
    .on('quarantined_responses')
    .columns(['device_id', 'received_at'])
    .execute();
}
