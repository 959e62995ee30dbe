/**
 * Putting a survey package on the collector, from the built-in questionnaires at start or
 * from a file (CLI). A version's structure never changes once stored, since responses
 * were given under it; its texts may be corrected, and texts staff imported are never
 * replaced by the built-in ones at the next start.
 */
import type { SurveyPackage, SurveyStructure } from '../../shared/contract/survey-package';
import { canonicalJson, contentHash } from '../hashing';
import {
  findSurveyPackage,
  insertSurveyPackage,
  type Storage,
  type StoredSurveyPackage,
  type SurveyTextsSource,
  type SurveyTranslations,
  timestamp,
  updateSurveyTranslations,
} from '../storage';

/** `imported-texts-kept`: the built-in texts differ from texts staff imported, which stay. */
export type PublishAction = 'inserted' | 'unchanged' | 'texts-updated' | 'imported-texts-kept';

export type PublishDecision = { action: PublishAction } | { action: 'refused'; message: string };

export class SurveyVersionClash extends Error {}

export function splitPackage(pkg: SurveyPackage): {
  structure: SurveyStructure;
  translations: SurveyTranslations;
} {
  const { translations, ...structure } = pkg;
  return { structure, translations };
}

/** The package's ETag: a hash of everything a device receives. */
export function packageEtag(structure: SurveyStructure, translations: SurveyTranslations): string {
  return contentHash({ structure, translations });
}

/** What to do with a package, given what is stored under its id and version. */
export function publishDecision(
  stored: Pick<StoredSurveyPackage, 'structure' | 'translations' | 'textsSource'> | undefined,
  pkg: SurveyPackage,
  source: SurveyTextsSource,
): PublishDecision {
  if (!stored) return { action: 'inserted' };
  const { structure, translations } = splitPackage(pkg);
  if (canonicalJson(stored.structure) !== canonicalJson(structure)) {
    return {
      action: 'refused',
      message:
        `survey ${structure.id} v${structure.version} is stored with another structure; ` +
        `raise "version" (to ${structure.version + 1} or more) when questions, options or conditions change`,
    };
  }
  if (canonicalJson(stored.translations) === canonicalJson(translations)) {
    return { action: 'unchanged' };
  }
  return source === 'built-in' && stored.textsSource === 'imported'
    ? { action: 'imported-texts-kept' }
    : { action: 'texts-updated' };
}

/** Stores a validated package; throws SurveyVersionClash when its version holds another structure. */
export async function publishSurveyPackage(
  storage: Storage,
  pkg: SurveyPackage,
  now: Date,
  source: SurveyTextsSource,
): Promise<PublishAction> {
  const { structure, translations } = splitPackage(pkg);
  const etag = packageEtag(structure, translations);
  // Twice at most: when another collector stores the same version between the read and
  // the insert, the second pass decides against what it stored.
  for (let pass = 0; pass < 2; pass++) {
    const stored = await findSurveyPackage(storage, structure.id, structure.version);
    const decision = publishDecision(stored, pkg, source);
    switch (decision.action) {
      case 'refused':
        throw new SurveyVersionClash(decision.message);
      case 'inserted': {
        const row = { structure, translations, etag, textsSource: source };
        if (await insertSurveyPackage(storage, row, timestamp(now))) return 'inserted';
        continue;
      }
      case 'texts-updated':
        await updateSurveyTranslations(
          storage,
          structure.id,
          structure.version,
          translations,
          etag,
          source,
        );
        return 'texts-updated';
      default:
        return decision.action;
    }
  }
  throw new Error(`survey ${structure.id} v${structure.version} could be neither stored nor read`);
}
