/**
 * Remembers where a survey version's texts come from, so that seeding the built-in
 * questionnaire at start never undoes texts staff imported. Versions stored before this
 * migration are taken as imported: a librarian's correction must not be lost to a restart.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('survey_packages')
    .addColumn('texts_source', 'text', (c) => c.notNull().defaultTo('imported'))
    .execute();
}
