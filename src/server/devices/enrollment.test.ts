import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { START } from '../../../test/fixtures/collector';
import { DEVICE_ID } from '../../../test/fixtures/responses';
import { surveyPackage } from '../../../test/fixtures/survey-package';
import { type TestDatabase, testDialects } from '../../../test/fixtures/test-databases';
import { prepareCollector } from '../startup';
import { findEnrollmentCode } from '../storage';
import {
  createEnrollmentCode,
  ENROLLMENT_RETRY_WINDOW_MS,
  EXPIRED_CODE_KEPT_MS,
  enrollDevice,
  purgeEnrollmentCodes,
} from './enrollment';
import { hashEnrollmentCode } from './secrets';

const HOUR_MS = 3_600_000;
const at = (ms: number) => new Date(START.getTime() + ms);
const OTHER_DEVICE_ID = '7d1c9b2a-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const THIRD_DEVICE_ID = '3c2b1a09-8f7e-4d6c-9b5a-4e3f2a1b0c9d';

describe.each(testDialects)('purging enrollment codes on $name', (dialect) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await dialect.create({ migrated: false });
    await prepareCollector(database.storage, {
      packages: [surveyPackage()],
      enrollmentCodeTtlHours: 72,
      now: START,
      timeZone: 'UTC',
    });
  });
  afterEach(() => database.drop());

  const make = async (hours: number, now: Date) =>
    (await createEnrollmentCode(database.storage, 'main', hours, now)).code;
  const kept = async (code: string) =>
    (await findEnrollmentCode(database.storage, hashEnrollmentCode(code))) !== undefined;

  it('deletes unused codes a while after they expired, and used ones after their retry window', async () => {
    const DAY_MS = 24 * HOUR_MS;
    const now = at(EXPIRED_CODE_KEPT_MS + 2 * HOUR_MS);
    const expiredLongAgo = await make(1, START);
    const expiredLately = await make(24, START);
    const valid = await make(8 * 24, START);
    const used = await make(72, START);
    const usedJustNow = await make(8 * 24, START);
    const enroll = (code: string, deviceId: string, when: Date) =>
      enrollDevice(database.storage, { code, deviceId }, when);
    expect((await enroll(used, DEVICE_ID, START)).ok).toBe(true);
    const justNow = new Date(now.getTime() - ENROLLMENT_RETRY_WINDOW_MS + 1);
    expect((await enroll(usedJustNow, OTHER_DEVICE_ID, justNow)).ok).toBe(true);
    expect(now.getTime() - (START.getTime() + DAY_MS)).toBeLessThan(EXPIRED_CODE_KEPT_MS);

    expect(await purgeEnrollmentCodes(database.storage, now)).toBe(2);

    expect(await kept(expiredLongAgo)).toBe(false);
    expect(await kept(used)).toBe(false);
    // Typed late, it still answers "expired" rather than "no such code".
    expect(await enroll(expiredLately, DEVICE_ID, now)).toEqual({
      ok: false,
      problem: 'code-expired',
    });
    // The device whose reply was lost may still retry within its window.
    expect((await enroll(usedJustNow, OTHER_DEVICE_ID, now)).ok).toBe(true);
    expect((await enroll(valid, THIRD_DEVICE_ID, now)).ok).toBe(true);
  });

  it('purges whenever a code is made', async () => {
    const old = await make(1, START);
    expect(await kept(old)).toBe(true);
    await make(72, at(HOUR_MS + EXPIRED_CODE_KEPT_MS + 1));
    expect(await kept(old)).toBe(false);
  });

  it('purges at start-up', async () => {
    const old = await make(1, START);
    await prepareCollector(database.storage, {
      packages: [surveyPackage()],
      enrollmentCodeTtlHours: 72,
      now: at(HOUR_MS + EXPIRED_CODE_KEPT_MS + 1),
      timeZone: 'UTC',
    });
    expect(await kept(old)).toBe(false);
  });
});
