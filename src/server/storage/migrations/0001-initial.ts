/**
 * The first schema: branches, devices, enrollment codes, survey packages (every version
 * kept) and responses, with the indexes the dashboard aggregates by. Never edit a migration
 * that has shipped; add the next number instead.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey_packages')
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('structure', 'text', (c) => c.notNull())
    .addColumn('translations', 'text', (c) => c.notNull())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_packages_pk', ['survey_id', 'version'])
    .execute();

  await db.schema
    .createTable('branches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kiosk_options', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('name', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_seen_at', 'text')
    .addColumn('last_clock_offset_ms', 'double precision')
    .execute();
  await db.schema.createIndex('devices_branch').on('devices').column('branch_id').execute();

  await db.schema
    .createTable('enrollment_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by_device_id', 'text', (c) => c.references('devices.id'))
    .execute();
  await db.schema
    .createIndex('enrollment_codes_branch')
    .on('enrollment_codes')
    .column('branch_id')
    .execute();

  await db.schema
    .createTable('responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('survey_version', 'integer', (c) => c.notNull())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    // bigint: deviceSeq may be any safe integer, beyond PostgreSQL's 32-bit integer.
    .addColumn('device_seq', 'bigint', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    // double: a device's estimate may be any finite number; it is stored, never trusted.
    .addColumn('clock_offset_ms', 'double precision')
    .addColumn('completed', 'integer', (c) => c.notNull().check(sql`completed in (0, 1)`))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('claimed_branch_id', 'text')
    .addForeignKeyConstraint(
      'responses_survey_version_fk',
      ['survey_id', 'survey_version'],
      'survey_packages',
      ['survey_id', 'version'],
    )
    .execute();

  // What the dashboard filters and groups by: a survey per branch and period, its
  // channels and languages; and per device in sequence, to spot gaps.
  const indexes: [string, string[]][] = [
    ['responses_survey_branch_submitted', ['survey_id', 'branch_id', 'submitted_at']],
    ['responses_survey_submitted', ['survey_id', 'submitted_at']],
    ['responses_survey_channel', ['survey_id', 'channel']],
    ['responses_survey_locale', ['survey_id', 'locale']],
    ['responses_device_seq', ['device_id', 'device_seq']],
  ];
  for (const [name, columns] of indexes) {
    await db.schema.createIndex(name).on('responses').columns(columns).execute();
  }
}
