/**
 * Putting a survey package on the collector, from the built-in questionnaires at start or
 * from a file (CLI). A version's structure never changes once stored, since responses
 * were given under it; its texts may be corrected.
 */
import type { SurveyPackage, SurveyStructure } from '../../shared/contract/survey-package';
import { canonicalJson, contentHash } from '../hashing';
import {
  findSurveyPackage,
  insertSurveyPackage,
  type Storage,
  type StoredSurveyPackage,
  type SurveyTranslations,
  timestamp,
  updateSurveyTranslations,
} from '../storage';

export type PublishAction = 'inserted' | 'unchanged' | 'texts-updated';

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
  stored: Pick<StoredSurveyPackage, 'structure' | 'translations'> | undefined,
  pkg: SurveyPackage,
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
  return canonicalJson(stored.translations) === canonicalJson(translations)
    ? { action: 'unchanged' }
    : { action: 'texts-updated' };
}

/** Stores a validated package; throws SurveyVersionClash when its version holds another structure. */
export async function publishSurveyPackage(
  storage: Storage,
  pkg: SurveyPackage,
  now: Date,
): Promise<PublishAction> {
  const { structure, translations } = splitPackage(pkg);
  const decision = publishDecision(
    await findSurveyPackage(storage, structure.id, structure.version),
    pkg,
  );
  const etag = packageEtag(structure, translations);
  switch (decision.action) {
    case 'refused':
      throw new SurveyVersionClash(decision.message);
    case 'inserted':
      await insertSurveyPackage(storage, { structure, translations, etag }, timestamp(now));
      break;
    case 'texts-updated':
      await updateSurveyTranslations(storage, structure.id, structure.version, translations, etag);
      break;
  }
  return decision.action;
}
