/**
 * Each kiosk's latest report on itself (DeviceHealth), kept on its device row: written by
 * the same UPDATE that notes the device got in touch, so a batch costs no extra statement.
 * `health` is the report as JSON, `health_reported_at` when it arrived; both null until a
 * device that reports syncs (an app from before sends none). One column per statement:
 * SQLite adds one column at a time.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('devices').addColumn('health', 'text').execute();
  await db.schema.alterTable('devices').addColumn('health_reported_at', 'text').execute();
}
