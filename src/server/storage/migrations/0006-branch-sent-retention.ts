/**
 * How many days each branch's devices keep a response after the collector acknowledged it
 * (DeviceConfig.sentKeptDays). Every existing branch gets the default, one day: devices
 * kept sent responses seven days before, longer than staff need them.
 */
import type { Kysely } from 'kysely';
import { DEFAULT_SENT_KEPT_DAYS } from '../../../shared/contract/constants';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('branches')
    .addColumn('sent_kept_days', 'integer', (c) => c.notNull().defaultTo(DEFAULT_SENT_KEPT_DAYS))
    .execute();
}
