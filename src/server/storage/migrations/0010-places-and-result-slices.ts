/**
 * Places and two more slices of the results.
 *
 * A branch's places (`places`): a bookmobile's stops, a building's floors or desks. Staff
 * list them with the CLI; devices receive them in their configuration, and the place staff
 * chose is the `location` each response carries.
 *
 * The rollups gain two slice columns: `location` (the response's place, '' for none) and
 * `suspect` (0 or 1: the device found the answers came implausibly fast). Both join the
 * primary key, which neither database changes in place: each rollup is made anew with the
 * longer key, filled from the old one (every count so far is location '' and suspect 0),
 * and put in its place. The key still leads with what every query fixes (survey, question,
 * period) and keeps its order after that (0004), with the two new columns last: a results
 * query reads the same contiguous range as before and checks them in the key, and its
 * GROUP BY still follows the key. On PostgreSQL the key INCLUDEs n, as 0005 made it.
 *
 * Responses keep their suspect flag; comments carry location and suspect, so the comments
 * page filters as the rollups do.
 */
import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
import type { DialectName } from '../database';

const OLD_SLICE = ['branch_id', 'channel', 'locale', 'completed'] as const;
const SLICE = [...OLD_SLICE, 'location', 'suspect'] as const;

type TableBuilder = CreateTableBuilder<string, string>;

const ROLLUPS = [
  { table: 'result_answer_days', head: ['survey_id', 'question_id', 'day', 'item', 'value'] },
  { table: 'result_answer_months', head: ['survey_id', 'question_id', 'month', 'item', 'value'] },
  { table: 'result_response_days', head: ['survey_id', 'day'] },
  { table: 'result_response_months', head: ['survey_id', 'month'] },
] as const;

function columns(table: TableBuilder, head: readonly string[]): TableBuilder {
  let built = table;
  for (const column of head) built = built.addColumn(column, 'text', (c) => c.notNull());
  return built
    .addColumn('branch_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('completed', 'integer', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('suspect', 'integer', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull());
}

export function placesAndResultSlicesMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('places')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('places_branch_name', ['branch_id', 'name'])
        .execute();

      await db.schema
        .alterTable('responses')
        .addColumn('suspect', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('comments')
        .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema
        .alterTable('comments')
        .addColumn('suspect', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      for (const { table, head } of ROLLUPS) {
        const next = `${table}_next`;
        const key = [...head, ...SLICE];
        let create = columns(db.schema.createTable(next), head);
        // SQLite: the key is the table (WITHOUT ROWID), so it is made with it. PostgreSQL:
        // the key's index is built once, after the copy, under the old key's name.
        if (dialect === 'sqlite')
          create = create
            .addPrimaryKeyConstraint(`${table}_pk`, [...key])
            .modifyEnd(sql`without rowid`);
        await create.execute();
        const copied = [...head, ...OLD_SLICE, 'n'].map((c) => sql.ref(c));
        await sql`insert into ${sql.table(next)} (${sql.join([
          ...copied,
          sql.ref('location'),
          sql.ref('suspect'),
        ])}) select ${sql.join([...copied, sql`''`, sql`0`])} from ${sql.table(table)}`.execute(db);
        await db.schema.dropTable(table).execute();
        await db.schema.alterTable(next).renameTo(table).execute();
        if (dialect === 'postgres')
          await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_pk`)}
            primary key (${sql.join(key.map((c) => sql.ref(c)))}) include (${sql.ref('n')})`.execute(
            db,
          );
      }
    },
  };
}
