import { describe, expect, it } from 'vitest';
import { MAX_QUESTIONS } from './answer';
import { type SurveyResponse, SurveyResponseSchema } from './response';

const valid: SurveyResponse = {
  id: '01890a5d-ac96-774b-bcce-b302099a8057',
  surveyId: 'library-service-quality',
  surveyVersion: 1,
  locale: 'sl',
  channel: 'kiosk',
  deviceId: '9b2c1f7e-4a3d-4c8e-9f1a-2b3c4d5e6f70',
  deviceSeq: 12,
  branchId: 'central',
  location: 'Stop 4: market square',
  startedAt: '2025-03-14T09:58:02.120Z',
  submittedAt: '2025-03-14T10:01:47+01:00',
  completed: true,
  answers: {
    'visit-frequency': 'weekly',
    'overall-satisfaction': 4,
    recommend: 10,
    'staff-helpful': 'na',
    'todays-visit': { selected: ['borrow-return', 'event'], other: 'Chess club' },
    'gap-staff-service': { minimum: 5, desired: 8, perceived: 'na' },
    'one-improvement': 'Longer opening hours on Saturday.',
  },
};

/** The path of the first problem, as the collector names it: "answers.overall". */
function firstProblemPath(input: unknown): string | undefined {
  const result = SurveyResponseSchema.safeParse(input);
  return result.success ? undefined : result.error.issues[0]?.path.join('.');
}

describe('the response record', () => {
  it('accepts a response with every kind of answer', () => {
    expect(SurveyResponseSchema.parse(valid)).toEqual(valid);
  });

  it.each<[string, Partial<SurveyResponse>]>([
    ['an incomplete response without answers', { completed: false, answers: {} }],
    ['a response made before enrollment, with no branch', { branchId: null }],
    ['a response without a location', { location: undefined }],
    ['each channel: staff', { channel: 'staff' }],
    ['each channel: qr', { channel: 'qr' }],
    ['a timestamp in UTC without fractions', { startedAt: '2025-03-14T09:58:02Z' }],
    ['a clock that reset to 1970', { startedAt: '1970-01-01T00:00:05Z' }],
    ['an nps answer of 0', { answers: { recommend: 0 } }],
    [`${MAX_QUESTIONS} answers`, { answers: manyAnswers(MAX_QUESTIONS) }],
  ])('accepts %s', (_name, change) => {
    expect(SurveyResponseSchema.safeParse({ ...valid, ...change }).success).toBe(true);
  });

  it('trims the location staff typed', () => {
    expect(SurveyResponseSchema.parse({ ...valid, location: '  Stop 4  ' }).location).toBe(
      'Stop 4',
    );
  });
});

function manyAnswers(count: number): Record<string, number> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`q${i + 1}`, 3]));
}

describe('a response the collector refuses', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['an id that is a UUIDv4, not v7', { id: '9b2c1f7e-4a3d-4c8e-9f1a-2b3c4d5e6f70' }, 'id'],
    ['an id that is not a UUID', { id: 'response-1' }, 'id'],
    ['a device id that is not a UUID', { deviceId: 'tablet-3' }, 'deviceId'],
    ['a started time without its offset', { startedAt: '2025-03-14T09:58:02' }, 'startedAt'],
    ['a submitted time that is only a date', { submittedAt: '2025-03-14' }, 'submittedAt'],
    ['a submitted time that is a number', { submittedAt: 1741946507000 }, 'submittedAt'],
    ['a date that does not exist', { startedAt: '2025-02-30T10:00:00Z' }, 'startedAt'],
    ['a moment before the year 1 in UTC', { startedAt: '0000-01-01T00:00:00+01:00' }, 'startedAt'],
    ['a moment after 9999 in UTC', { submittedAt: '9999-12-31T23:59:59-23:59' }, 'submittedAt'],
    ['an unknown channel', { channel: 'web' }, 'channel'],
    ['an unknown locale', { locale: 'de' }, 'locale'],
    ['a locale with a region', { locale: 'sl-SI' }, 'locale'],
    ['a deviceSeq that is not an integer', { deviceSeq: 1.5 }, 'deviceSeq'],
    ['a deviceSeq of 0', { deviceSeq: 0 }, 'deviceSeq'],
    ['a deviceSeq sent as text', { deviceSeq: '12' }, 'deviceSeq'],
    ['survey version 0', { surveyVersion: 0 }, 'surveyVersion'],
    ['a survey version beyond 32 bits', { surveyVersion: 2 ** 31 }, 'surveyVersion'],
    ['a branch id with capitals', { branchId: 'Central' }, 'branchId'],
    ['an empty location', { location: '   ' }, 'location'],
    ['a location of 121 characters', { location: 'x'.repeat(121) }, 'location'],
    ['a location with a control character', { location: 'Stop\u0000 4' }, 'location'],
    ['completed given as text', { completed: 'yes' }, 'completed'],
    ['no answers object', { answers: undefined }, 'answers'],
    [`${MAX_QUESTIONS + 1} answers`, { answers: manyAnswers(MAX_QUESTIONS + 1) }, 'answers'],
  ])('refuses %s, naming the field', (_name, change, path) => {
    expect(firstProblemPath({ ...valid, ...change })).toBe(path);
  });

  it.each<[string, unknown]>([
    ['a number above 10', 11],
    ['a negative number', -1],
    ['a fraction', 3.5],
    ['true', true],
    ['null', null],
    ['a list', ['weekly']],
    ['text longer than any question allows', 'x'.repeat(2001)],
    ['a selection that is not a list', { selected: 'event' }],
    ['a selection of an invalid option id', { selected: ['Event'] }],
    ['an "other" text of 201 characters', { selected: [], other: 'x'.repeat(201) }],
    ['a selection with an unknown field', { selected: ['event'], extra: 1 }],
    ['a gap point of 10', { minimum: 10, desired: 8, perceived: 7 }],
    ['a gap point of 0', { minimum: 0, desired: 8, perceived: 7 }],
    ['a gap without its perceived level', { minimum: 3, desired: 8 }],
    ['a gap point given as text', { minimum: '3', desired: 8, perceived: 7 }],
  ])('refuses an answer that is %s, naming the question', (_name, value) => {
    expect(firstProblemPath({ ...valid, answers: { overall: value } })).toMatch(
      /^answers\.overall/,
    );
  });

  it('refuses an answer keyed by an invalid question id', () => {
    expect(firstProblemPath({ ...valid, answers: { 'Overall Rating': 3 } })).toMatch(/^answers/);
  });

  it.each([[null], ['<html>Bad gateway</html>'], [[valid]]])('refuses %j as a whole', (input) => {
    expect(SurveyResponseSchema.safeParse(input).success).toBe(false);
  });
});
