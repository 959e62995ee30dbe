/** Survey packages the collector sent, cached with their ETag so the next check is cheap. */
import type { SurveyPackage } from '../../shared/contract/survey-package';
import { withDatabase } from './database';
import type { CachedSurvey } from './schema';

export function cachedSurvey(id: string): Promise<CachedSurvey | undefined> {
  return withDatabase((database) => database.surveys.get(id));
}

export async function cacheSurvey(
  pkg: SurveyPackage,
  etag: string | undefined,
  at = Date.now(),
): Promise<void> {
  await withDatabase((database) =>
    database.surveys.put({ id: pkg.id, package: pkg, fetchedAt: at, ...(etag ? { etag } : {}) }),
  );
}
