import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeResponse } from '../../../test/fixtures/responses';
import { surveyPackage } from '../../../test/fixtures/survey-package';
import { type TestDatabase, testDialects } from '../../../test/fixtures/test-databases';
import { insertBranch } from './branches';
import { migrate, ping } from './database';
import { findDeviceByTokenHash, revokeDevice, upsertEnrolledDevice } from './devices';
import { insertEnrollmentCode, markEnrollmentCodeUsed } from './enrollment-codes';
import { type CollectedResponse, findResponse, insertNewResponses } from './responses';
import {
  findSurveyPackage,
  insertSurveyPackage,
  knownSurveyStructures,
  latestSurveyVersion,
  surveyStructures,
  surveyVersionKey,
} from './survey-packages';

const AT = '2026-11-20T10:00:00.000Z';
/** Counted on UTC days: these tests are about storing, not about the day. */
const COUNTING = { timeZone: 'UTC' };

function stored(overrides: Partial<CollectedResponse> = {}): CollectedResponse {
  const r = makeResponse();
  return {
    ...r,
    branchId: 'main',
    location: null,
    suspect: false,
    receivedAt: AT,
    clockOffsetMs: 1500.5,
    contentHash: 'hash-a',
    claimedBranchId: null,
    ...overrides,
  };
}

describe.each(testDialects)('storage on $name', (dialect) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await dialect.create();
    const { translations, ...structure } = surveyPackage();
    await insertSurveyPackage(database.storage, { structure, translations, etag: 'e1' }, AT);
    await insertBranch(database.storage, {
      id: 'main',
      name: 'Main library',
      kioskOverrides: {},
      surveyId: structure.id,
      createdAt: AT,
    });
    await upsertEnrolledDevice(database.storage, {
      id: makeResponse().deviceId,
      branchId: 'main',
      name: 'Entrance',
      tokenHash: 'token-1',
      at: AT,
    });
  });

  afterEach(() => database.drop());

  it('answers a ping and runs its migrations only once', async () => {
    await ping(database.storage);
    expect(await migrate(database.storage)).toEqual([]);
  });

  it('keeps every survey version and finds the latest', async () => {
    const { translations, ...structure } = surveyPackage({ version: 2 });
    await insertSurveyPackage(database.storage, { structure, translations, etag: 'e2' }, AT);
    expect(await latestSurveyVersion(database.storage, structure.id)).toBe(2);
    expect((await findSurveyPackage(database.storage, structure.id))?.etag).toBe('e2');
    expect((await findSurveyPackage(database.storage, structure.id, 1))?.etag).toBe('e1');
    expect(await findSurveyPackage(database.storage, structure.id, 3)).toBeUndefined();
    expect([...(await surveyStructures(database.storage, [structure.id])).keys()].sort()).toEqual([
      `${structure.id}@1`,
      `${structure.id}@2`,
    ]);
  });

  it("keeps a version's structure once read, and finds a version stored later", async () => {
    const { translations, ...structure } = surveyPackage();
    const asked = (...versions: number[]) =>
      new Map(versions.map((v) => [surveyVersionKey(structure.id, v), structure.id]));
    const first = await knownSurveyStructures(database.storage, asked(1));
    const v1 = first.get(`${structure.id}@1`);
    expect(v1).toEqual(structure);
    // Not stored: not in the map, and looked for again when asked the next time.
    expect((await knownSurveyStructures(database.storage, asked(2))).has(`${structure.id}@2`)).toBe(
      false,
    );
    // Stored meanwhile (as another collector over the same database would).
    const v2 = { ...structure, version: 2 };
    await insertSurveyPackage(database.storage, { structure: v2, translations, etag: 'e2' }, AT);
    const later = await knownSurveyStructures(database.storage, asked(1, 2));
    expect(later.get(`${structure.id}@2`)).toEqual(v2);
    // Version 1 kept as it was first read: the same object (reading version 2 read it
    // again, and left it).
    expect(later.get(`${structure.id}@1`)).toBe(v1);
  });

  it('counts places that differ only in a lone surrogate half as the one place stored', async () => {
    // Each half becomes U+FFFD on its way into either database: one slice, not two rows
    // of one key in the batch's upsert (which PostgreSQL refuses).
    const responses = ['\ud800', '\udbff'].map((half) =>
      stored({ location: `Bookmobile ${half}` }),
    );
    await insertNewResponses(database.storage, responses, COUNTING);
    const rows = await database.storage.db
      .selectFrom('result_response_days')
      .select(['location', 'n'])
      .execute();
    expect(rows.map((row) => ({ ...row, n: Number(row.n) }))).toEqual([
      { location: 'Bookmobile \uFFFD', n: 2 },
    ]);
  });

  it('stores a new id once and reports the hash of one it had already', async () => {
    const first = stored({ deviceSeq: Number.MAX_SAFE_INTEGER });
    const second = stored({ contentHash: 'hash-b', location: 'Market square', suspect: true });
    expect(await insertNewResponses(database.storage, [first], COUNTING)).toEqual({
      inserted: new Set([first.id]),
      existingHashes: new Map(),
      deferred: new Set(),
    });
    expect(
      await insertNewResponses(
        database.storage,
        [{ ...first, contentHash: 'other' }, second],
        COUNTING,
      ),
    ).toEqual({
      inserted: new Set([second.id]),
      existingHashes: new Map([[first.id, 'hash-a']]),
      deferred: new Set(),
    });
    expect(await findResponse(database.storage, first.id)).toEqual(first);
    expect(await findResponse(database.storage, second.id)).toEqual(second);
  });

  it('stores every kind of text as it came, in the response and in its comments', async () => {
    // Quotes, backslashes, line breaks, a pair and a lone half of a surrogate, U+2028.
    const text = 'Say "hi" \\ C:\\x\nnew line 📚 \u2028 half \ud800 end';
    const response = stored({
      location: 'Trg "ž" \\ 1',
      clockOffsetMs: null,
      answers: { ...makeResponse().answers, 'one-improvement': text },
    });
    const { inserted } = await insertNewResponses(database.storage, [response], COUNTING);
    expect(inserted).toEqual(new Set([response.id]));
    expect(await findResponse(database.storage, response.id)).toEqual(response);
    const comments = await database.storage.db
      .selectFrom('comments')
      .select(['text', 'folded', 'location', 'headline_rating'])
      .where('response_id', '=', response.id)
      .execute();
    // A text column holds UTF-8, where a lone half has no place: it reads back as U+FFFD.
    const kept = text.replace('\ud800', '\uFFFD');
    expect(comments.map((c) => ({ ...c, headline_rating: Number(c.headline_rating) }))).toEqual([
      { text: kept, folded: kept.toLowerCase(), location: 'Trg "ž" \\ 1', headline_rating: 4 },
    ]);
  });

  it('stores overlapping batches listed in opposite orders side by side, each id once', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => stored({ contentHash: `hash-${i}` }));
    const [forward, backward] = await Promise.all([
      insertNewResponses(database.storage, rows, COUNTING),
      insertNewResponses(database.storage, [...rows].reverse(), COUNTING),
    ]);
    expect(forward.inserted.size + backward.inserted.size).toBe(rows.length);
    expect(forward.existingHashes.size + backward.existingHashes.size).toBe(rows.length);
  });

  it('refuses a response under a survey version it does not have, storing nothing of the batch', async () => {
    const good = stored();
    await expect(
      insertNewResponses(database.storage, [good, stored({ surveyVersion: 7 })], COUNTING),
    ).rejects.toThrow();
    expect(await findResponse(database.storage, good.id)).toBeUndefined();
  });

  it('uses an enrollment code once, and not after it expired', async () => {
    await insertEnrollmentCode(database.storage, {
      codeHash: 'c1',
      branchId: 'main',
      createdAt: AT,
      expiresAt: '2026-11-21T10:00:00.000Z',
    });
    const deviceId = makeResponse().deviceId;
    const otherDevice = '0190a1b2-c3d4-4e5f-8a9b-0c1d2e3f4a5b';
    const late = '2026-11-22T00:00:00.000Z';
    expect(
      await markEnrollmentCodeUsed(database.storage, 'c1', { at: late, deviceId, retryFrom: late }),
    ).toBe(false);
    expect(
      await markEnrollmentCodeUsed(database.storage, 'c1', { at: AT, deviceId, retryFrom: AT }),
    ).toBe(true);
    // Another device never; the same one only within its retry window.
    expect(
      await markEnrollmentCodeUsed(database.storage, 'c1', {
        at: AT,
        deviceId: otherDevice,
        retryFrom: AT,
      }),
    ).toBe(false);
    expect(
      await markEnrollmentCodeUsed(database.storage, 'c1', { at: AT, deviceId, retryFrom: AT }),
    ).toBe(true);
    expect(
      await markEnrollmentCodeUsed(database.storage, 'c1', { at: late, deviceId, retryFrom: late }),
    ).toBe(false);
  });

  it('gives a device re-enrolled for its own branch its new token, keeping its name', async () => {
    const id = makeResponse().deviceId;
    const again = { id, branchId: 'main', name: null, tokenHash: 'token-2', at: AT };
    expect(await upsertEnrolledDevice(database.storage, again)).toBe(true);
    expect(await findDeviceByTokenHash(database.storage, 'token-1')).toBeUndefined();
    expect(await findDeviceByTokenHash(database.storage, 'token-2')).toMatchObject({
      id,
      name: 'Entrance',
      revokedAt: null,
    });
  });

  it.each([
    ['for another branch', { branchId: 'east' }, false],
    ['after it was revoked', { branchId: 'main' }, true],
  ])('changes nothing of a device enrolled again %s', async (_case, change, revoke) => {
    await insertBranch(database.storage, {
      id: 'east',
      name: 'East library',
      kioskOverrides: {},
      surveyId: surveyPackage().id,
      createdAt: AT,
    });
    const id = makeResponse().deviceId;
    if (revoke) expect(await revokeDevice(database.storage, id, AT)).toBe(true);
    const again = { id, name: 'Taken', tokenHash: 'token-2', at: AT, ...change };
    expect(await upsertEnrolledDevice(database.storage, again)).toBe(false);
    expect(await findDeviceByTokenHash(database.storage, 'token-2')).toBeUndefined();
    expect(await findDeviceByTokenHash(database.storage, 'token-1')).toMatchObject({
      id,
      branchId: 'main',
      name: 'Entrance',
      revokedAt: revoke ? AT : null,
    });
  });
});
