import { describe, expect, it } from 'vitest';
import { DEVICE_ID, makeResponse } from '../../../test/fixtures/responses';
import { SURVEY_ID, surveyPackage } from '../../../test/fixtures/survey-package';
import type { SurveyResponse } from '../../shared/contract/response';
import {
  batchResults,
  checkRecord,
  type RecordCheck,
  readableId,
  recordsToStore,
  responseContentHash,
} from './ingest-decision';

const { translations: _texts, ...structure } = surveyPackage();
const context = { deviceId: DEVICE_ID, structures: new Map([[`${SURVEY_ID}@1`, structure]]) };

function withAnswers(changes: Record<string, unknown>): unknown {
  const r = makeResponse();
  return { ...r, answers: { ...r.answers, ...changes } };
}

describe('checkRecord', () => {
  it('accepts a complete response of the sending device', () => {
    const record = makeResponse();
    expect(checkRecord(record, context)).toEqual({
      ok: true,
      response: record,
      hash: responseContentHash(record),
    });
  });

  it.each<[string, unknown, string, string | undefined]>([
    [
      'a record that is not an object',
      'hello',
      'Invalid input: expected object, received string',
      undefined,
    ],
    ['an id that is not a UUIDv7', { ...makeResponse(), id: 'abc' }, 'Invalid UUID', 'id'],
    [
      'an unknown channel',
      { ...makeResponse(), channel: 'fax' },
      'Invalid option: expected one of "kiosk"|"staff"|"qr"',
      'channel',
    ],
    [
      'a rating out of range',
      withAnswers({ 'overall-satisfaction': 6 }),
      'should be from 1 to 5',
      'answers.overall-satisfaction',
    ],
    [
      'a gap point out of range',
      withAnswers({ 'gap-staff-service': { minimum: 5, desired: 10, perceived: 1 } }),
      'Too big',
      'answers.gap-staff-service.desired',
    ],
    [
      'an option the question lacks',
      withAnswers({ 'visit-frequency': 'daily' }),
      'has no option "daily"',
      'answers.visit-frequency',
    ],
    [
      'a question the survey lacks',
      withAnswers({ 'favourite-colour': 'blue' }),
      `survey ${SURVEY_ID} v1 has no such question`,
      'answers.favourite-colour',
    ],
    [
      'a completed response missing a required answer',
      { ...makeResponse(), answers: { recommend: 9 } },
      'is required in a completed response',
      'answers.visit-frequency',
    ],
    [
      'a version the collector does not have',
      { ...makeResponse(), surveyVersion: 9 },
      `unknown survey version: ${SURVEY_ID} v9`,
      'surveyVersion',
    ],
    [
      'a survey the collector does not have',
      { ...makeResponse(), surveyId: 'other-survey' },
      'unknown survey version: other-survey v1',
      'surveyVersion',
    ],
    [
      'another device’s record',
      { ...makeResponse(), deviceId: '2f9a0c3e-1b7d-4e8a-9c6f-0d1e2f3a4b5c' },
      'belongs to another device than the one sending it',
      'deviceId',
    ],
    [
      'a location with a NUL character',
      { ...makeResponse(), location: 'Stop\u0000 3' },
      'contains a control character',
      'location',
    ],
    ['a huge sequence number', { ...makeResponse(), deviceSeq: 1e300 }, 'Too big', 'deviceSeq'],
  ])('rejects %s, naming the field', (_case, record, reason, path) => {
    const check = checkRecord(record, context);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.result.outcome).toBe('rejected');
    expect(check.result.path).toBe(path);
    expect(check.result.reason).toContain(reason);
  });

  it.each<[string, Partial<SurveyResponse>, string]>([
    ['another channel than qr', { channel: 'kiosk' }, 'channel'],
    ['another survey than the link’s', { surveyId: 'other-survey' }, 'surveyId'],
  ])('on a public link, rejects a record of %s, naming the field', (_case, change, path) => {
    const link = { ...context, only: { surveyId: SURVEY_ID, channel: 'qr' as const } };
    expect(checkRecord(makeResponse({ channel: 'qr' }), link).ok).toBe(true);
    const check = checkRecord(makeResponse({ channel: 'qr', ...change }), link);
    expect(check.ok ? undefined : check.result.path).toBe(path);
  });

  it.each([
    [{ id: 'abc' }, 'abc'],
    [{ id: 42 }, null],
    [{ id: 'x'.repeat(65) }, null],
    [[], null],
    [null, null],
  ])('echoes the id of %j as %j', (record, id) => {
    expect(readableId(record)).toBe(id);
  });

  it('keeps an incomplete response whose patron walked away', () => {
    const record = {
      ...makeResponse(),
      completed: false,
      answers: { 'visit-frequency': 'weekly' },
    };
    expect(checkRecord(record, context).ok).toBe(true);
  });
});

describe('personal data in free texts', () => {
  const sent = (): SurveyResponse =>
    makeResponse({
      locale: 'sl',
      answers: {
        ...makeResponse().answers,
        'todays-visit': { selected: ['borrow-return'], other: 'ana.novak@siol.net' },
        'one-improvement': 'Pokličite me na 041 123 456, ko pride knjiga.',
      },
    });

  it('masks them in the locale of the response before the record is stored and hashed', () => {
    const record = sent();
    const check = checkRecord(record, context);
    if (!check.ok) throw new Error(check.result.reason);
    expect(check.response.answers['one-improvement']).toBe(
      'Pokličite me na [telefonska številka], ko pride knjiga.',
    );
    expect(check.response.answers['todays-visit']).toEqual({
      selected: ['borrow-return'],
      other: '[e-poštni naslov]',
    });
    expect(check.response).toEqual({ ...record, answers: check.response.answers });
    expect(check.hash).toBe(responseContentHash(check.response));
    expect(check.sentHash).toBe(responseContentHash(record));
  });

  it('leaves a record without any as it was sent, with one hash', () => {
    const record = makeResponse();
    const check = checkRecord(record, context);
    expect(check).toEqual({ ok: true, response: record, hash: responseContentHash(record) });
  });

  it('checks a text’s length as the patron typed it, not as masked', () => {
    // 500 characters (the question's limit) whose card numbers turn into longer markers.
    const text = '12345678, '.repeat(49).concat('abcdefghij');
    const record = makeResponse({
      answers: { ...makeResponse().answers, 'one-improvement': text },
    });
    const check = checkRecord(record, context);
    if (!check.ok) throw new Error(check.result.reason);
    expect(check.response.answers['one-improvement']).toHaveLength(500);
    expect(check.response.answers['one-improvement']).not.toMatch(/\d/u);
  });

  const storedOnce = (record: SurveyResponse) => {
    const first = checkRecord(record, context);
    if (!first.ok) throw new Error(first.result.reason);
    return new Map([[record.id, first.hash]]);
  };

  it('answers a re-send of the same unmasked record with duplicate, not conflict', () => {
    const record = sent();
    const existingHashes = storedOnce(record);
    const again = checkRecord(structuredClone(record), context);
    expect(batchResults([again], { inserted: new Set(), existingHashes })).toEqual([
      { id: record.id, outcome: 'duplicate' },
    ]);
  });

  it('answers a re-send masked by a newer app with duplicate too, and new content with conflict', () => {
    const record = sent();
    const existingHashes = storedOnce(record);
    const masked = checkRecord(record, context);
    if (!masked.ok) throw new Error(masked.result.reason);
    const resent = checkRecord({ ...masked.response, branchId: record.branchId }, context);
    const changed = checkRecord(
      {
        ...record,
        answers: { ...record.answers, 'one-improvement': 'Pokličite me na 041 123 457.' },
      },
      context,
    );
    expect(
      batchResults([resent, changed], { inserted: new Set(), existingHashes }).map(
        (r) => r.outcome,
      ),
    ).toEqual(['duplicate', 'conflict']);
  });

  it('answers a re-send of a record stored before masking existed with duplicate', () => {
    const record = sent();
    const existingHashes = new Map([[record.id, responseContentHash(record)]]);
    expect(
      batchResults([checkRecord(record, context)], { inserted: new Set(), existingHashes }),
    ).toEqual([{ id: record.id, outcome: 'duplicate' }]);
  });
});

describe('responseContentHash', () => {
  it('ignores the branch the device claims but nothing else', () => {
    const record = makeResponse();
    expect(responseContentHash({ ...record, branchId: 'elsewhere' })).toBe(
      responseContentHash(record),
    );
    expect(responseContentHash({ ...record, locale: 'hu' })).not.toBe(responseContentHash(record));
  });

  it('hashes suspect false as no flag, and suspect true as content', () => {
    const record = makeResponse();
    expect(responseContentHash({ ...record, suspect: false })).toBe(responseContentHash(record));
    expect(responseContentHash({ ...record, suspect: true })).not.toBe(responseContentHash(record));
  });
});

describe('a record flagged suspect', () => {
  it('is accepted with its flag, and its re-send is a duplicate while unflagged content conflicts', () => {
    const record = { ...makeResponse(), suspect: true };
    const first = checkRecord(record, context);
    expect(first).toEqual({ ok: true, response: record, hash: responseContentHash(record) });
    if (!first.ok) throw new Error(first.result.reason);
    const existingHashes = new Map([[record.id, first.hash]]);
    const again = checkRecord(structuredClone(record), context);
    const { suspect: _, ...unflagged } = record;
    const other = checkRecord(unflagged, context);
    expect(
      batchResults([again, other], { inserted: new Set(), existingHashes }).map((r) => r.outcome),
    ).toEqual(['duplicate', 'conflict']);
  });
});

describe('batchResults', () => {
  const valid = (record: SurveyResponse): RecordCheck => ({
    ok: true,
    response: record,
    hash: responseContentHash(record),
  });
  const a = makeResponse();
  const b = makeResponse();
  const aChanged = { ...a, locale: 'hu' as const };
  const bad: RecordCheck = {
    ok: false,
    result: { id: null, outcome: 'rejected', reason: 'x' },
  };

  it.each<[string, RecordCheck[], string[], Map<string, string>, string[]]>([
    ['new records', [valid(a), valid(b)], [a.id, b.id], new Map(), ['accepted', 'accepted']],
    [
      'a record stored before with the same content',
      [valid(a)],
      [],
      new Map([[a.id, responseContentHash(a)]]),
      ['duplicate'],
    ],
    [
      'a record stored before with other content',
      [valid(aChanged)],
      [],
      new Map([[a.id, responseContentHash(a)]]),
      ['conflict'],
    ],
    [
      'the same record twice in one batch',
      [valid(a), valid(a)],
      [a.id],
      new Map(),
      ['accepted', 'duplicate'],
    ],
    [
      'two contents under one id in one batch',
      [valid(a), valid(aChanged)],
      [a.id],
      new Map(),
      ['accepted', 'conflict'],
    ],
    [
      'a bad record among good ones',
      [valid(a), bad, valid(b)],
      [a.id, b.id],
      new Map(),
      ['accepted', 'rejected', 'accepted'],
    ],
  ])('answers %s in request order', (_case, checks, inserted, existing, outcomes) => {
    const results = batchResults(checks, { inserted: new Set(inserted), existingHashes: existing });
    expect(results.map((r) => r.outcome)).toEqual(outcomes);
  });

  it('leaves a record the daily quota deferred out, with any later record of its id', () => {
    const results = batchResults([valid(a), bad, valid(b), valid(b)], {
      inserted: new Set([a.id]),
      existingHashes: new Map(),
      deferred: new Set([b.id]),
    });
    expect(results.map((r) => [r.id, r.outcome])).toEqual([
      [a.id, 'accepted'],
      [null, 'rejected'],
    ]);
  });

  it('stores only the first valid record of each id', () => {
    expect(
      recordsToStore([bad, valid(a), valid(aChanged), valid(b)]).map((c) => c.response),
    ).toEqual([a, b]);
  });

  it('names the id of a conflict so the device can quarantine it', () => {
    const [result] = batchResults([valid(aChanged)], {
      inserted: new Set(),
      existingHashes: new Map([[a.id, 'other']]),
    });
    expect(result).toEqual({
      id: a.id,
      outcome: 'conflict',
      reason: expect.any(String),
      code: 'content-conflict',
      path: 'id',
    });
  });
});
