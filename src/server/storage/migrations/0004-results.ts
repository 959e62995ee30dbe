/**
 * The read side of the results: what a dashboard page sums instead of reading a million
 * responses. Each response is counted once, when it is stored (or by the backfill at start
 * for responses stored before this migration), into rollup tables of counts per day and
 * per month; its free texts are copied into comments, where staff tag them.
 *
 * responses.answered_day is the day the patron answered (submitted_at corrected by the
 * device's clock offset, in TIME_ZONE); null means "not counted yet".
 *
 * The rollups' primary keys lead with what every query fixes (survey, question) and then
 * the period, so a page reads one contiguous range of the key and groups it. On SQLite they
 * are WITHOUT ROWID tables: the key is the table, and n is read from the same b-tree.
 */
import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
import type { DialectName } from '../database';

/** The slice a count belongs to, after its survey (and question) and period. */
const SLICE = ['branch_id', 'channel', 'locale', 'completed'] as const;

/** Any table under construction: the helpers below add columns whatever it has already. */
type TableBuilder = CreateTableBuilder<string, string>;

function sliceColumns(table: TableBuilder): TableBuilder {
  return table
    .addColumn('branch_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('completed', 'integer', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull());
}

export function resultsMigration(dialect: DialectName) {
  const withoutRowid = (table: TableBuilder) =>
    dialect === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table;

  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('responses').addColumn('answered_day', 'text').execute();
      // Comments, exports and the per-day filters read a survey's responses by day.
      await db.schema
        .createIndex('responses_survey_answered_day')
        .on('responses')
        .columns(['survey_id', 'answered_day'])
        .execute();
      // The backfill finds what is left to count without reading what was counted.
      await db.schema
        .createIndex('responses_uncounted')
        .on('responses')
        .column('id')
        .where(sql.ref('answered_day'), 'is', null)
        .execute();

      for (const [table, period] of [
        ['result_answer_days', 'day'],
        ['result_answer_months', 'month'],
      ] as const) {
        await withoutRowid(
          sliceColumns(
            db.schema
              .createTable(table)
              .addColumn('survey_id', 'text', (c) => c.notNull())
              .addColumn('question_id', 'text', (c) => c.notNull())
              .addColumn(period, 'text', (c) => c.notNull())
              .addColumn('item', 'text', (c) => c.notNull())
              .addColumn('value', 'text', (c) => c.notNull()),
          ).addPrimaryKeyConstraint(`${table}_pk`, [
            'survey_id',
            'question_id',
            period,
            'item',
            'value',
            ...SLICE,
          ]),
        ).execute();
      }

      for (const [table, period] of [
        ['result_response_days', 'day'],
        ['result_response_months', 'month'],
      ] as const) {
        await withoutRowid(
          sliceColumns(
            db.schema
              .createTable(table)
              .addColumn('survey_id', 'text', (c) => c.notNull())
              .addColumn(period, 'text', (c) => c.notNull()),
          ).addPrimaryKeyConstraint(`${table}_pk`, ['survey_id', period, ...SLICE]),
        ).execute();
      }

      await db.schema
        .createTable('comments')
        .addColumn('response_id', 'text', (c) => c.notNull().references('responses.id'))
        .addColumn('question_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('text', 'other')`))
        .addColumn('text', 'text', (c) => c.notNull())
        // The text in lower case, searched with LIKE: SQLite's LIKE and lower() fold ASCII
        // only, and Hungarian, Slovenian, Lithuanian and Russian need more.
        .addColumn('folded', 'text', (c) => c.notNull())
        .addColumn('survey_id', 'text', (c) => c.notNull())
        .addColumn('branch_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('completed', 'integer', (c) => c.notNull())
        .addColumn('answered_day', 'text', (c) => c.notNull())
        .addColumn('headline_rating', 'integer')
        .addPrimaryKeyConstraint('comments_pk', ['response_id', 'question_id'])
        .execute();
      // Newest first within a survey.
      await db.schema
        .createIndex('comments_survey_day')
        .on('comments')
        .columns(['survey_id', 'answered_day', 'response_id'])
        .execute();

      await db.schema
        .createTable('comment_tags')
        .addColumn('response_id', 'text', (c) => c.notNull())
        .addColumn('question_id', 'text', (c) => c.notNull())
        .addColumn('tag', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        // The staff account that tagged it; null when unknown (no sign-in yet, an import).
        .addColumn('created_by', 'text')
        .addPrimaryKeyConstraint('comment_tags_pk', ['response_id', 'question_id', 'tag'])
        .addForeignKeyConstraint(
          'comment_tags_comment_fk',
          ['response_id', 'question_id'],
          'comments',
          ['response_id', 'question_id'],
          (fk) => fk.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('comment_tags_tag')
        .on('comment_tags')
        .columns(['tag', 'response_id', 'question_id'])
        .execute();
    },
  };
}
