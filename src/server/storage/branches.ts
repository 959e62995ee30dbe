/**
 * Branches: the libraries (and bookmobiles) of the network. Each runs one survey and may
 * override the kiosk options its devices use.
 */

import type { Selectable } from 'kysely';
import type { KioskOptions } from '../../shared/contract/device';
import type { OpeningPeriod } from '../../shared/kiosk/opening-hours';
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
  /** In the collector's TIME_ZONE; null when not set: always open. */
  openingHours: OpeningPeriod[] | null;
  /** Its welcome screen's name, accent ("#rrggbb") and logo version; null when not set. */
  displayName: string | null;
  accent: string | null;
  logoHash: string | null;
}

/** What a branch may change after it was added, beyond its kiosk options. */
export type BranchChanges = Partial<
  Pick<
    BranchRecord,
    | 'name'
    | 'kioskOverrides'
    | 'surveyId'
    | 'sentKeptDays'
    | 'openingHours'
    | 'displayName'
    | 'accent'
  >
>;

/** A new branch: its devices keep sent responses DEFAULT_SENT_KEPT_DAYS unless it says; no hours or look. */
export type NewBranch = Omit<
  BranchRecord,
  'sentKeptDays' | 'openingHours' | 'displayName' | 'accent' | 'logoHash'
> & { sentKeptDays?: number };

function fromRow(row: Selectable<BranchesTable>): BranchRecord {
  return {
    id: row.id,
    name: row.name,
    kioskOverrides: JSON.parse(row.kiosk_options) as Partial<KioskOptions>,
    surveyId: row.survey_id,
    createdAt: row.created_at,
    sentKeptDays: row.sent_kept_days,
    openingHours:
      row.opening_hours === null ? null : (JSON.parse(row.opening_hours) as OpeningPeriod[]),
    displayName: row.display_name,
    accent: row.accent,
    logoHash: row.logo_hash,
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
  changes: BranchChanges,
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
      ...(changes.openingHours !== undefined && {
        opening_hours: changes.openingHours === null ? null : JSON.stringify(changes.openingHours),
      }),
      ...(changes.displayName !== undefined && { display_name: changes.displayName }),
      ...(changes.accent !== undefined && { accent: changes.accent }),
    })
    .where('id', '=', id)
    .execute();
}

export interface BranchLogo {
  contentType: string;
  bytes: Buffer;
  hash: string;
}

/**
 * Replaces a branch's logo (or, with null, takes it away) and the version its URL names;
 * run it in a transaction (inTransaction), so the two never disagree.
 */
export async function setBranchLogo(
  storage: Storage,
  branchId: string,
  logo: BranchLogo | null,
  at: string,
): Promise<void> {
  await storage.db.deleteFrom('branch_logos').where('branch_id', '=', branchId).execute();
  if (logo) {
    await storage.db
      .insertInto('branch_logos')
      .values({
        branch_id: branchId,
        content_type: logo.contentType,
        data: logo.bytes.toString('base64'),
        hash: logo.hash,
        updated_at: at,
      })
      .execute();
  }
  await storage.db
    .updateTable('branches')
    .set({ logo_hash: logo ? logo.hash : null })
    .where('id', '=', branchId)
    .execute();
}

export async function findBranchLogo(
  storage: Storage,
  branchId: string,
): Promise<BranchLogo | undefined> {
  const row = await storage.db
    .selectFrom('branch_logos')
    .select(['content_type', 'data', 'hash'])
    .where('branch_id', '=', branchId)
    .executeTakeFirst();
  return (
    row && {
      contentType: row.content_type,
      bytes: Buffer.from(row.data, 'base64'),
      hash: row.hash,
    }
  );
}
