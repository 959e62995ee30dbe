import { describe, expect, it } from 'vitest';
import type { SurveyResponse } from '../../shared/contract/response';
import type { SyncResult } from '../../shared/contract/sync';
import { DEFAULT_REASONS, type SortedResults, sortResults } from './sort-results';

const [A, B, C] = ['a', 'b', 'c'].map((x) => `019a8f3e-7c2b-7def-8a00-00000000000${x}`) as [
  string,
  string,
  string,
];
const OTHER = '019a8f3e-7c2b-7def-8a00-0000000000ff';
const sent = [A, B, C].map((id) => ({ id }) as SurveyResponse);

describe('sorting the results of a batch', () => {
  it.each<[string, SyncResult[], SortedResults]>([
    [
      'accepted and duplicate are both acknowledgements',
      [
        { id: A, outcome: 'accepted' },
        { id: B, outcome: 'duplicate' },
        { id: C, outcome: 'accepted' },
      ],
      { acknowledged: [A, B, C], quarantine: [], missing: [] },
    ],
    [
      'a conflict and a rejection go to quarantine with their reason and path',
      [
        { id: A, outcome: 'conflict', reason: 'other content' },
        { id: B, outcome: 'rejected', reason: 'is not 1-5', path: 'answers.overall' },
        { id: C, outcome: 'accepted' },
      ],
      {
        acknowledged: [C],
        quarantine: [
          { id: A, outcome: 'conflict', reason: 'other content' },
          { id: B, outcome: 'rejected', reason: 'is not 1-5', path: 'answers.overall' },
        ],
        missing: [],
      },
    ],
    [
      'a refusal without a reason keeps a reason a person can read',
      [{ id: A, outcome: 'rejected' }],
      {
        acknowledged: [],
        quarantine: [{ id: A, outcome: 'rejected', reason: DEFAULT_REASONS.rejected }],
        missing: [B, C],
      },
    ],
    [
      'ids missing from the results stay queued, unknown and unreadable ids are ignored',
      [
        { id: OTHER, outcome: 'accepted' },
        { id: null, outcome: 'rejected', reason: 'no id' },
        { id: B, outcome: 'accepted' },
      ],
      { acknowledged: [B], quarantine: [], missing: [A, C] },
    ],
    [
      'a second result for the same id does not overrule the first',
      [
        { id: A, outcome: 'accepted' },
        { id: A, outcome: 'conflict', reason: 'late' },
      ],
      { acknowledged: [A], quarantine: [], missing: [B, C] },
    ],
    [
      'an empty result list acknowledges nothing',
      [],
      { acknowledged: [], quarantine: [], missing: [A, B, C] },
    ],
  ])('%s', (_, results, expected) => {
    expect(sortResults(sent, results)).toEqual(expected);
  });
});
