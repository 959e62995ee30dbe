/**
 * PostgreSQL reads the rollups from their keys alone. A rollup's primary key leads with
 * what every results query fixes (survey, question, period) and holds every column a query
 * filters or groups by; with n INCLUDEd in it, a sum is an index-only scan that never
 * visits the table (once vacuum has marked the pages all-visible, which autovacuum does a
 * while after they change). The cost: an upsert that adds to n writes a new index entry
 * instead of updating the row in place.
 *
 * SQLite needs nothing: its rollups are WITHOUT ROWID tables, whose key is the table and
 * holds n already (0004).
 */
import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../database';

const SLICE = ['branch_id', 'channel', 'locale', 'completed'];

const KEYS: Record<string, string[]> = {
  result_answer_days: ['survey_id', 'question_id', 'day', 'item', 'value', ...SLICE],
  result_answer_months: ['survey_id', 'question_id', 'month', 'item', 'value', ...SLICE],
  result_response_days: ['survey_id', 'day', ...SLICE],
  result_response_months: ['survey_id', 'month', ...SLICE],
};

export function resultsCoveringMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      for (const [table, key] of Object.entries(KEYS)) {
        const pk = sql.ref(`${table}_pk`);
        await sql`alter table ${sql.table(table)} drop constraint ${pk}, add constraint ${pk}
          primary key (${sql.join(key.map((c) => sql.ref(c)))}) include (${sql.ref('n')})`.execute(
          db,
        );
      }
    },
  };
}
