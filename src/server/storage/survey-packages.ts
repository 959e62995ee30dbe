/**
 * Survey packages: every version is kept, because responses stay valid under the version
 * they were given under. Structure and texts are stored as JSON text.
 */
import { MAX_SURVEY_VERSION } from '../../shared/contract/constants';
import type { SurveyStructure } from '../../shared/contract/survey-package';
import type { TranslationTree } from '../../shared/contract/translations';
import type { Language } from '../../shared/languages';
import type { Storage } from './database';
import type { SurveyPackagesTable, SurveyTextsSource } from './schema';

export type { SurveyTextsSource } from './schema';

export type SurveyTranslations = Partial<Record<Language, TranslationTree>>;

export interface StoredSurveyPackage {
  structure: SurveyStructure;
  translations: SurveyTranslations;
  etag: string;
  textsSource: SurveyTextsSource;
  createdAt: string;
}

export interface SurveyVersionSummary {
  surveyId: string;
  version: number;
  etag: string;
  textsSource: SurveyTextsSource;
  createdAt: string;
}

export { MAX_SURVEY_VERSION } from '../../shared/contract/constants';

function fromRow(row: SurveyPackagesTable): StoredSurveyPackage {
  // Stored packages were validated when they were imported or seeded.
  return {
    structure: JSON.parse(row.structure) as SurveyStructure,
    translations: JSON.parse(row.translations) as SurveyTranslations,
    etag: row.etag,
    textsSource: row.texts_source,
    createdAt: row.created_at,
  };
}

/** One version of a survey, or its latest version when none is given. */
export async function findSurveyPackage(
  storage: Storage,
  surveyId: string,
  version?: number,
): Promise<StoredSurveyPackage | undefined> {
  if (version !== undefined && (!Number.isSafeInteger(version) || version > MAX_SURVEY_VERSION))
    return undefined;
  let query = storage.db
    .selectFrom('survey_packages')
    .selectAll()
    .where('survey_id', '=', surveyId);
  if (version !== undefined) query = query.where('version', '=', version);
  const row = await query.orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row && fromRow(row);
}

/** Every stored version of a survey, oldest first; empty when the collector has none. */
export async function surveyPackageVersions(
  storage: Storage,
  surveyId: string,
): Promise<StoredSurveyPackage[]> {
  const rows = await storage.db
    .selectFrom('survey_packages')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .orderBy('version')
    .execute();
  return rows.map(fromRow);
}

/** The latest version number of a survey, or undefined when the collector has none. */
export async function latestSurveyVersion(
  storage: Storage,
  surveyId: string,
): Promise<number | undefined> {
  const row = await storage.db
    .selectFrom('survey_packages')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('survey_id', '=', surveyId)
    .executeTakeFirst();
  return row?.version == null ? undefined : Number(row.version);
}

/** The structures of every version of the given surveys, keyed "<id>@<version>". */
export async function surveyStructures(
  storage: Storage,
  surveyIds: readonly string[],
): Promise<Map<string, SurveyStructure>> {
  if (surveyIds.length === 0) return new Map();
  const rows = await storage.db
    .selectFrom('survey_packages')
    .select(['survey_id', 'version', 'structure'])
    .where('survey_id', 'in', [...new Set(surveyIds)])
    .execute();
  return new Map(
    rows.map((r) => [
      surveyVersionKey(r.survey_id, Number(r.version)),
      JSON.parse(r.structure) as SurveyStructure,
    ]),
  );
}

/**
 * Structures read before, per storage. A stored version's structure never changes (a new
 * structure is a new version; updateSurveyTranslations changes only its texts) and no
 * version is ever deleted, so a structure read once holds for as long as the collector
 * runs, whichever collector over the same database stored it.
 */
const structuresRead = new WeakMap<Storage, Map<string, SurveyStructure>>();

/**
 * The structures of the given survey versions (keys made by surveyVersionKey), keyed so,
 * with others read before: from memory when each was read before, else every version of
 * their surveys is read, as surveyStructures does. A version that is not stored is not in
 * the map, and is looked for again the next time it is asked for. The structures are
 * shared by every batch from then on: nothing may change them (the checks and the tally
 * only read them; freezing them made every batch slower).
 */
export async function knownSurveyStructures(
  storage: Storage,
  versions: ReadonlyMap<string, string>,
): Promise<ReadonlyMap<string, SurveyStructure>> {
  let read = structuresRead.get(storage);
  if (!read) {
    read = new Map();
    structuresRead.set(storage, read);
  }
  const missing = new Set<string>();
  for (const [key, surveyId] of versions) if (!read.has(key)) missing.add(surveyId);
  if (missing.size > 0) {
    for (const [key, structure] of await surveyStructures(storage, [...missing])) {
      if (!read.has(key)) read.set(key, structure);
    }
  }
  return read;
}

export function surveyVersionKey(surveyId: string, version: number): string {
  return `${surveyId}@${version}`;
}

export async function listSurveyVersions(storage: Storage): Promise<SurveyVersionSummary[]> {
  const rows = await storage.db
    .selectFrom('survey_packages')
    .select(['survey_id', 'version', 'etag', 'texts_source', 'created_at'])
    .orderBy('survey_id')
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    surveyId: r.survey_id,
    version: Number(r.version),
    etag: r.etag,
    textsSource: r.texts_source,
    createdAt: r.created_at,
  }));
}

/** Stores a new version; false when that version is stored already (nothing is changed). */
export async function insertSurveyPackage(
  storage: Storage,
  pkg: {
    structure: SurveyStructure;
    translations: SurveyTranslations;
    etag: string;
    textsSource?: SurveyTextsSource;
  },
  createdAt: string,
): Promise<boolean> {
  const rows = await storage.db
    .insertInto('survey_packages')
    .values({
      survey_id: pkg.structure.id,
      version: pkg.structure.version,
      structure: JSON.stringify(pkg.structure),
      translations: JSON.stringify(pkg.translations),
      etag: pkg.etag,
      texts_source: pkg.textsSource ?? 'imported',
      created_at: createdAt,
    })
    .onConflict((oc) => oc.columns(['survey_id', 'version']).doNothing())
    .returning('version')
    .execute();
  return rows.length > 0;
}

/** Replaces the texts of a stored version whose structure is unchanged. */
export async function updateSurveyTranslations(
  storage: Storage,
  surveyId: string,
  version: number,
  translations: SurveyTranslations,
  etag: string,
  textsSource: SurveyTextsSource,
): Promise<void> {
  await storage.db
    .updateTable('survey_packages')
    .set({ translations: JSON.stringify(translations), etag, texts_source: textsSource })
    .where('survey_id', '=', surveyId)
    .where('version', '=', version)
    .execute();
}
