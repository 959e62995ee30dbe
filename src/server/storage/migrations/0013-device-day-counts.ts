/**
 * The daily quota's count kept as a counter: `device_day_counts` holds, per device and
 * quota day, the responses of that device in `responses` received within the day
 * [day_start, day_end) (ISO UTC instants; the day is TIME_ZONE's, as ingest's quotaDay
 * makes it). A batch adds what it stored in its own transaction, so the quota reads one
 * row instead of counting every response the device sent that day.
 *
 * No rows are made here: which day a response was received on depends on TIME_ZONE, which
 * a migration does not know (and which may change). A day's row is made the first time
 * the quota asks for it, from the responses already stored in it (storage/responses.ts),
 * so responses stored before this migration count as before. A quarantine deletes the
 * rows of the days it takes responses out of; they are counted again the same way.
 *
 * The indexes of `responses` that no query reads since results come from the rollups
 * (0004) go: by submitted time, by channel, by language, and by device and sequence
 * number (a device's responses are found by responses_device_received, 0007). Each is
 * written on every insert.
 */
import type { Kysely } from 'kysely';

const UNUSED_RESPONSE_INDEXES = [
  'responses_survey_submitted',
  'responses_survey_channel',
  'responses_survey_locale',
  'responses_device_seq',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('device_day_counts')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('day_start', 'text', (c) => c.notNull())
    .addColumn('day_end', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('device_day_counts_pk', ['device_id', 'day_start'])
    .execute();
  for (const name of UNUSED_RESPONSE_INDEXES) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
}
