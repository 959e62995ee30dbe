/**
 * What `serve` does before it listens: bring the schema up to date, seed the built-in
 * survey packages, and on the very first start create a default branch with a one-time
 * enrollment code, so the first kiosk can be enrolled without reading a manual. While the
 * collector has no administrator, it also makes a one-time token for the setup link that
 * creates the first one (again after the last one expired unused). It deletes enrollment
 * codes nobody can use any more. Last, it counts in the results any response stored before
 * they existed.
 */
import type { SurveyPackage } from '../shared/contract/survey-package';
import { DEFAULT_SURVEY_ID } from '../surveys';
import {
  createEnrollmentCode,
  type NewEnrollmentCode,
  purgeEnrollmentCodes,
} from './devices/enrollment';
import { firstAdminTokenIfNeeded, type NewFirstAdminToken } from './staff/first-admin';
import {
  backfillResults,
  countBranches,
  insertBranch,
  inTransaction,
  migrate,
  type Storage,
  takeTurnPreparing,
  timestamp,
} from './storage';
import { type PublishAction, publishSurveyPackage } from './surveys/publish';

export const DEFAULT_BRANCH = { id: 'main', name: 'Main library' } as const;

export interface Preparation {
  migrations: string[];
  surveys: { surveyId: string; version: number; action: PublishAction }[];
  /** Set on the first start only: the branch made and a code for its first device. */
  firstStart: NewEnrollmentCode | null;
  /** Responses stored before the results rollups existed, counted now. */
  counted: number;
  /** Set while no administrator exists and no earlier setup link is still valid. */
  firstAdmin: NewFirstAdminToken | null;
}

export async function prepareCollector(
  storage: Storage,
  options: {
    packages: readonly SurveyPackage[];
    enrollmentCodeTtlHours: number;
    now: Date;
    /** TIME_ZONE: the zone of the days responses are counted on. */
    timeZone: string;
  },
): Promise<Preparation> {
  const migrations = await migrate(storage);
  const prepared = await inTransaction(storage, async (tx) => {
    // Collectors starting together over one PostgreSQL take turns, so only one of them
    // seeds a survey version or makes the first branch (and prints its code).
    await takeTurnPreparing(tx);
    const surveys: Preparation['surveys'] = [];
    for (const pkg of options.packages) {
      const action = await publishSurveyPackage(tx, pkg, options.now, 'built-in');
      surveys.push({ surveyId: pkg.id, version: pkg.version, action });
    }
    await purgeEnrollmentCodes(tx, options.now);
    let firstStart: NewEnrollmentCode | null = null;
    if ((await countBranches(tx)) === 0) {
      await insertBranch(tx, {
        ...DEFAULT_BRANCH,
        kioskOverrides: {},
        surveyId: DEFAULT_SURVEY_ID,
        createdAt: timestamp(options.now),
      });
      firstStart = await createEnrollmentCode(
        tx,
        DEFAULT_BRANCH.id,
        options.enrollmentCodeTtlHours,
        options.now,
      );
    }
    // The same lifetime as the first enrollment code: both are printed together, once.
    const firstAdmin = await firstAdminTokenIfNeeded(
      tx,
      options.enrollmentCodeTtlHours,
      options.now,
    );
    return { migrations, surveys, firstStart, firstAdmin };
  });
  const counted = await backfillResults(storage, options.timeZone);
  return { ...prepared, counted };
}
