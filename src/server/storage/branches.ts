/**
 * Branches: the libraries (and bookmobiles) of the network. Each runs one survey and may
 * override the kiosk options its devices use.
 */

import type { Selectable } from 'kysely';
import type { KioskOptions } from '../../shared/contract/device';
import type { Storage } from './database';
import type { BranchesTable } from './schema';

export interface BranchRecord {
  id: string;
  name: string;
  /** Only what this branch overrides; the rest comes from the kiosk defaults. */
  kioskOverrides: Partial<KioskOptions>;
  surveyId: string;
  createdAt: string;
  /** Days its devices keep a response after the collector acknowledged it. */
  sentKeptDays: number;
}

/** A new branch: its devices keep sent responses DEFAULT_SENT_KEPT_DAYS unless it says. */
export type NewBranch = Omit<BranchRecord, 'sentKeptDays'> & { sentKeptDays?: number };

function fromRow(row: Selectable<BranchesTable>): BranchRecord {
  return {
    id: row.id,
    name: row.name,
    kioskOverrides: JSON.parse(row.kiosk_options) as Partial<KioskOptions>,
    surveyId: row.survey_id,
    createdAt: row.created_at,
    sentKeptDays: row.sent_kept_days,
  };
}

export async function findBranch(storage: Storage, id: string): Promise<BranchRecord | undefined> {
  const row = await storage.db
    .selectFrom('branches')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && fromRow(row);
}

export async function listBranches(storage: Storage): Promise<BranchRecord[]> {
  const rows = await storage.db.selectFrom('branches').selectAll().orderBy('id').execute();
  return rows.map(fromRow);
}

export async function countBranches(storage: Storage): Promise<number> {
  const row = await storage.db
    .selectFrom('branches')
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Adds a branch; false when one with that id exists already. */
export async function insertBranch(storage: Storage, branch: NewBranch): Promise<boolean> {
  const inserted = await storage.db
    .insertInto('branches')
    .values({
      id: branch.id,
      name: branch.name,
      kiosk_options: JSON.stringify(branch.kioskOverrides),
      survey_id: branch.surveyId,
      created_at: branch.createdAt,
      ...(branch.sentKeptDays !== undefined && { sent_kept_days: branch.sentKeptDays }),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  return inserted.length === 1;
}

export async function updateBranch(
  storage: Storage,
  id: string,
  changes: Partial<Pick<BranchRecord, 'name' | 'kioskOverrides' | 'surveyId' | 'sentKeptDays'>>,
): Promise<void> {
  if (Object.values(changes).every((v) => v === undefined)) return;
  await storage.db
    .updateTable('branches')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.kioskOverrides !== undefined && {
        kiosk_options: JSON.stringify(changes.kioskOverrides),
      }),
      ...(changes.surveyId !== undefined && { survey_id: changes.surveyId }),
      ...(changes.sentKeptDays !== undefined && { sent_kept_days: changes.sentKeptDays }),
    })
    .where('id', '=', id)
    .execute();
}
