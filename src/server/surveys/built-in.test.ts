/**
 * The built-in questionnaire's versions on a collector: version 1 stays what collectors
 * stored before version 2 existed, a fresh collector stores both, and one that holds
 * version 1 adds version 2 at its next start.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, testDialects } from '../../../test/fixtures/test-databases';
import { libraryServiceQualityV1 } from '../../surveys/library-service-quality';
import { builtInPackageVersions } from '../../surveys/packages';
import { contentHash } from '../hashing';
import { prepareCollector } from '../startup';
import { findSurveyPackage, latestSurveyVersion } from '../storage';
import { packageEtag, splitPackage } from './publish';

function builtIn(version: number) {
  const pkg = builtInPackageVersions().find((p) => p.version === version);
  if (!pkg) throw new Error(`no built-in version ${version}`);
  return pkg;
}
const v1Package = builtIn(1);
const v2Package = builtIn(2);

describe('version 1 of the built-in questionnaire', () => {
  // Collectors hold version 1 and its responses. Were its structure to change, every one of
  // them would refuse the built-in survey at start; were its texts to, each would rewrite
  // them and every tablet holding version 1 would fetch it again.
  it('is the structure and the package collectors stored, to the byte', () => {
    expect(contentHash(libraryServiceQualityV1)).toBe(
      'a560a95594f5201a0a4b082e3f42abd2755672a743b4943fce364d8bbdc1b045',
    );
    const { structure, translations } = splitPackage(v1Package);
    expect(packageEtag(structure, translations)).toBe(
      'b0ed085f30d442d117f215e8c291c96dfeb453b8858aefc2c1f3cdacf37a68e5',
    );
  });
});

describe.each(testDialects)('the built-in versions on a collector on $name', (dialect) => {
  let database: TestDatabase;
  const start = (packages = builtInPackageVersions()) =>
    prepareCollector(database.storage, {
      packages,
      enrollmentCodeTtlHours: 72,
      now: new Date('2027-01-04T08:00:00.000Z'),
      timeZone: 'UTC',
    });
  const actions = (prepared: Awaited<ReturnType<typeof start>>) =>
    prepared.surveys.map((s) => [s.surveyId, s.version, s.action]);

  beforeEach(async () => {
    database = await dialect.create({ migrated: false });
  });
  afterEach(() => database.drop());

  it('are all stored by a collector started after version 2 exists, once', async () => {
    expect(actions(await start())).toEqual([
      ['library-service-quality', 1, 'inserted'],
      ['library-service-quality', 2, 'inserted'],
    ]);
    expect(actions(await start())).toEqual([
      ['library-service-quality', 1, 'unchanged'],
      ['library-service-quality', 2, 'unchanged'],
    ]);
    expect(await latestSurveyVersion(database.storage, 'library-service-quality')).toBe(2);
    const stored = await findSurveyPackage(database.storage, 'library-service-quality', 1);
    expect(stored?.structure).toEqual(splitPackage(v1Package).structure);
  });

  it('add version 2 to a collector that holds version 1, which stays as it was', async () => {
    await start([v1Package]);
    const before = await findSurveyPackage(database.storage, 'library-service-quality', 1);
    expect(actions(await start())).toEqual([
      ['library-service-quality', 1, 'unchanged'],
      ['library-service-quality', 2, 'inserted'],
    ]);
    expect(await findSurveyPackage(database.storage, 'library-service-quality', 1)).toEqual(before);
    const latest = await findSurveyPackage(database.storage, 'library-service-quality');
    expect(latest?.etag).toBe(
      v2Package &&
        packageEtag(splitPackage(v2Package).structure, splitPackage(v2Package).translations),
    );
  });
});
