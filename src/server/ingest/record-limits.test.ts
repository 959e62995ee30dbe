import { describe, expect, it } from 'vitest';
import { makeResponse } from '../../../test/fixtures/responses';
import { MAX_RECORD_CHARS } from '../../shared/contract/sync';
import { batchLimitProblem } from './record-limits';

const record = (overrides: Record<string, unknown> = {}) => ({ ...makeResponse(), ...overrides });
const answers = (n: number, value: unknown = 1) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i}`, value]));
/** A batch of a valid record, then this one, as the device sends it. */
const batch = (second: unknown) => JSON.stringify({ responses: [record(), second] });

describe('the limits looked at before a batch is parsed', () => {
  it.each<[string, string, Partial<ReturnType<typeof batchLimitProblem>>]>([
    ['valid responses', batch(record()), undefined],
    ['a record that is not an object (the schema says why)', batch('text'), undefined],
    ['100 answers', batch(record({ answers: answers(100) })), undefined],
    [
      '101 answers',
      batch(record({ answers: answers(101) })),
      { path: 'responses.1.answers', message: 'at most 100 answers (got more)' },
    ],
    ['30 choices', batch(record({ answers: { q: { selected: Array(30).fill('a') } } })), undefined],
    [
      '31 choices',
      batch(record({ answers: { q: { selected: Array(31).fill('a') } } })),
      { path: 'responses.1.answers.q.selected', message: 'at most 30 items (got more)' },
    ],
    [
      'a gap answer with a fourth line',
      batch(record({ answers: { q: { minimum: 1, desired: 2, perceived: 3, extra: 4 } } })),
      { path: 'responses.1.answers.q', message: 'at most 3 fields (got more)' },
    ],
    [
      'a record with 15 fields',
      batch(record({ location: 'x', suspect: true, extra: 1 })),
      { path: 'responses.1', message: 'at most 14 fields (got more)' },
    ],
    [
      'an array inside a choice',
      batch(record({ answers: { q: { selected: [['a']] } } })),
      {
        path: 'responses.1.answers.q.selected.0',
        message: 'a response is nested at most 4 levels deep',
      },
    ],
    [
      'commas, brackets and escaped quotes inside texts, which count for nothing',
      batch(record({ answers: { q: '"],[{,,,\\"}', 'q-2': '\\', 'q-3': '\\"{' } })),
      undefined,
    ],
    [
      'keys with odd characters, named as the device wrote them',
      batch(record({ answers: { 'a.b "c"': { selected: Array(31).fill('a') } } })),
      { path: 'responses.1.answers.a.b "c".selected', message: 'at most 30 items (got more)' },
    ],
    [
      '100 texts of 2,000 characters, each a line break',
      batch(record({ answers: answers(100, '\n'.repeat(2000)) })),
      undefined,
    ],
    [
      'a record longer than the limit',
      batch(record({ location: 'x'.repeat(MAX_RECORD_CHARS) })),
      {
        path: 'responses.1',
        message: `a response is at most ${MAX_RECORD_CHARS} characters of JSON`,
      },
    ],
    [
      '501 responses',
      JSON.stringify({ responses: Array(501).fill(0) }),
      { path: 'responses', code: 'payload-too-large' },
    ],
    ['text that is not JSON, left to JSON.parse', '{"responses": [{"id": "a', undefined],
    ['an unclosed string', '{"responses": [{"answers": {"q', undefined],
  ])('%s → %j', (_case, text, problem) => {
    const found = batchLimitProblem(text);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatchObject(problem);
  });

  it('stops at the 101st answer, reading nothing after it', () => {
    const text = batch(record({ answers: answers(101) }));
    const cut = text.indexOf('"q100"') + 10;
    expect(batchLimitProblem(`${text.slice(0, cut)}${'x'.repeat(1_000_000)}`)).toMatchObject({
      path: 'responses.1.answers',
    });
  });
});
