import { describe, expect, it } from 'vitest';
import { makeResponse } from '../../../test/fixtures/responses';
import { MAX_RECORD_CHARS } from '../../shared/contract/sync';
import { batchLimitProblem, recordLimitProblem } from './record-limits';

const record = (overrides: Record<string, unknown> = {}) => ({ ...makeResponse(), ...overrides });
const answers = (n: number, value: unknown = 1) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i}`, value]));

describe('the limits looked at before any schema', () => {
  it.each<[string, unknown, { path: string; message: string } | undefined]>([
    ['a valid response', record(), undefined],
    ['not an object (the schema says why)', 'text', undefined],
    ['100 answers', record({ answers: answers(100) }), undefined],
    [
      '101 answers',
      record({ answers: answers(101) }),
      { path: 'r.answers', message: 'at most 100 answers (got 101)' },
    ],
    ['30 choices', record({ answers: { q: { selected: Array(30).fill('a') } } }), undefined],
    [
      '31 choices',
      record({ answers: { q: { selected: Array(31).fill('a') } } }),
      { path: 'r.answers.q.selected', message: 'at most 30 items (got 31)' },
    ],
    [
      'a gap answer with a fourth line',
      record({ answers: { q: { minimum: 1, desired: 2, perceived: 3, extra: 4 } } }),
      { path: 'r.answers.q', message: 'at most 3 fields (got 4)' },
    ],
    [
      'an array inside a choice',
      record({ answers: { q: { selected: [['a']] } } }),
      { path: 'r.answers.q.selected.0', message: 'a response is nested at most 4 levels deep' },
    ],
    [
      'answers as a list of lists',
      record({ answers: [[[[]]]] }),
      { path: 'r.answers.0.0.0', message: 'a response is nested at most 4 levels deep' },
    ],
    [
      '100 texts of 2,000 characters',
      record({ answers: answers(100, 'x'.repeat(2000)) }),
      undefined,
    ],
    [
      'characters beyond the limit',
      record({ location: 'x'.repeat(MAX_RECORD_CHARS) }),
      { path: 'r', message: `a response holds at most ${MAX_RECORD_CHARS} characters (got more)` },
    ],
    [
      'characters in keys beyond the limit',
      record({ answers: { ['k'.repeat(MAX_RECORD_CHARS)]: 1 } }),
      { path: 'r', message: `a response holds at most ${MAX_RECORD_CHARS} characters (got more)` },
    ],
  ])('%s → %j', (_case, raw, problem) => {
    expect(recordLimitProblem(raw, 'r')).toEqual(problem);
  });

  it('names the first record of a batch that crosses a limit', () => {
    expect(batchLimitProblem([record(), record(), record({ answers: answers(101) }), 'x'])).toEqual(
      { path: 'responses.2.answers', message: 'at most 100 answers (got 101)' },
    );
    expect(batchLimitProblem([record(), null, 12])).toBeUndefined();
  });
});
