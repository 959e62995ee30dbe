import { describe, expect, it } from 'vitest';
import type { Answers } from '../contract/answer';
import type { Question } from '../contract/question';
import { type ResponseComment, type TallyKey, tallyResponse } from './tally';

const base = { optional: false, allowNA: true } as const;
const QUESTIONS: Question[] = [
  { ...base, id: 'overall', type: 'rating', scale: 'satisfaction', faces: false },
  { ...base, id: 'recommend', type: 'nps' },
  {
    ...base,
    id: 'visit',
    type: 'single',
    options: [
      { id: 'weekly', exclusive: false },
      { id: 'monthly', exclusive: false },
    ],
  },
  {
    ...base,
    id: 'why',
    type: 'multi',
    other: true,
    options: [
      { id: 'borrow', exclusive: false },
      { id: 'study', exclusive: false },
      { id: 'none', exclusive: true },
    ],
  },
  {
    ...base,
    optional: true,
    id: 'why-study',
    type: 'single',
    showIf: { op: 'includes', question: 'why', value: 'study' },
    options: [
      { id: 'quiet', exclusive: false },
      { id: 'wifi', exclusive: false },
    ],
  },
  { ...base, id: 'gap', type: 'gap' },
  { ...base, allowNA: false, optional: true, id: 'comment', type: 'text', maxLength: 500 },
];

const k = (questionId: string, item: string, value: string): TallyKey => ({
  questionId,
  item,
  value,
});

describe('tallyResponse', () => {
  it.each<[string, Answers, boolean, TallyKey[]]>([
    [
      'a complete response, every type answered',
      {
        overall: 4,
        recommend: 10,
        visit: 'weekly',
        why: { selected: ['borrow', 'study'], other: ' the café ' },
        'why-study': 'quiet',
        gap: { minimum: 5, desired: 8, perceived: 7 },
        comment: 'More chairs',
      },
      true,
      [
        k('overall', '', '4'),
        k('recommend', '', '10'),
        k('visit', '', 'weekly'),
        k('why', '', 'answered'),
        k('why', 'borrow', 'selected'),
        k('why', 'study', 'selected'),
        k('why', 'other', 'selected'),
        k('why-study', '', 'quiet'),
        k('gap', '', 'answered'),
        k('gap', 'minimum', '5'),
        k('gap', 'desired', '8'),
        k('gap', 'perceived', '7'),
        k('gap', 'adequacy', '2'),
        k('gap', 'superiority', '-1'),
        k('comment', '', 'answered'),
      ],
    ],
    [
      'N/A answers; a hidden question is neither answered nor skipped; an empty text is skipped',
      { overall: 'na', recommend: 'na', visit: 'na', why: 'na', gap: 'na', comment: '   ' },
      true,
      [
        k('overall', '', 'na'),
        k('recommend', '', 'na'),
        k('visit', '', 'na'),
        k('why', '', 'na'),
        k('gap', '', 'na'),
        k('comment', '', 'skipped'),
      ],
    ],
    [
      'a shown optional question left unanswered in a complete response is skipped',
      { overall: 1, recommend: 0, visit: 'monthly', why: { selected: ['study'] }, gap: 'na' },
      true,
      [
        k('overall', '', '1'),
        k('recommend', '', '0'),
        k('visit', '', 'monthly'),
        k('why', '', 'answered'),
        k('why', 'study', 'selected'),
        k('why-study', '', 'skipped'),
        k('gap', '', 'na'),
        k('comment', '', 'skipped'),
      ],
    ],
    [
      'an incomplete response: skipped before its last answer, nothing after it',
      { overall: 3, visit: 'weekly' },
      false,
      [k('overall', '', '3'), k('recommend', '', 'skipped'), k('visit', '', 'weekly')],
    ],
    ['an incomplete response with no answer counts nothing', {}, false, []],
    [
      'a gap whose minimum is above its desired is left out of the scores',
      { gap: { minimum: 8, desired: 6, perceived: 7 } },
      false,
      [
        k('overall', '', 'skipped'),
        k('recommend', '', 'skipped'),
        k('visit', '', 'skipped'),
        k('why', '', 'skipped'),
        k('gap', '', 'answered'),
        k('gap', 'minimum', '8'),
        k('gap', 'desired', '6'),
        k('gap', 'perceived', '7'),
        k('gap', 'excluded', 'minimum-above-desired'),
      ],
    ],
    [
      'a gap line answered N/A gives only the score that does not need it',
      { gap: { minimum: 'na', desired: 9, perceived: 9 } },
      false,
      [
        k('overall', '', 'skipped'),
        k('recommend', '', 'skipped'),
        k('visit', '', 'skipped'),
        k('why', '', 'skipped'),
        k('gap', '', 'answered'),
        k('gap', 'minimum', 'na'),
        k('gap', 'desired', '9'),
        k('gap', 'perceived', '9'),
        k('gap', 'superiority', '0'),
      ],
    ],
    [
      'a gap with perceived N/A gives no score',
      { gap: { minimum: 2, desired: 9, perceived: 'na' } },
      false,
      [
        k('overall', '', 'skipped'),
        k('recommend', '', 'skipped'),
        k('visit', '', 'skipped'),
        k('why', '', 'skipped'),
        k('gap', '', 'answered'),
        k('gap', 'minimum', '2'),
        k('gap', 'desired', '9'),
        k('gap', 'perceived', 'na'),
      ],
    ],
    [
      'a selection of only "other" is an answer; an empty one is skipped',
      { why: { selected: [], other: 'events' }, overall: 2 },
      true,
      [
        k('overall', '', '2'),
        k('recommend', '', 'skipped'),
        k('visit', '', 'skipped'),
        k('why', '', 'answered'),
        k('why', 'other', 'selected'),
        k('gap', '', 'skipped'),
        k('comment', '', 'skipped'),
      ],
    ],
  ])('%s', (_, answers, completed, keys) => {
    expect(tallyResponse(QUESTIONS, answers, completed).keys).toEqual(keys);
  });

  it.each<[string, Answers, ResponseComment[]]>([
    [
      'a text answer and an "other" text, trimmed',
      { why: { selected: ['borrow'], other: ' the café ' }, comment: ' More chairs\n' },
      [
        { questionId: 'why', kind: 'other', text: 'the café' },
        { questionId: 'comment', kind: 'text', text: 'More chairs' },
      ],
    ],
    [
      '"na" typed as a text is a comment',
      { comment: 'na' },
      [{ questionId: 'comment', kind: 'text', text: 'na' }],
    ],
    [
      'blank texts are no comments',
      { why: { selected: ['borrow'], other: '  ' }, comment: ' ' },
      [],
    ],
  ])('comments: %s', (_, answers, comments) => {
    expect(tallyResponse(QUESTIONS, answers, true).comments).toEqual(comments);
  });
});
