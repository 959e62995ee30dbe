import { describe, expect, it } from 'vitest';
import { parsedQuestions } from '../../../test/fixtures/surveys';
import type { AnswerValue } from '../contract/answer';
import { SCALE_POINTS } from '../contract/constants';
import type { Question } from '../contract/question';
import { type AnswerProblem, answerProblem, blockingProblem } from './answers';

const [
  rating,
  ratingNA,
  nps,
  single,
  singleNA,
  multi,
  multiPlain,
  text,
  gap,
  gapNA,
  optionalRating,
  optionalMulti,
  optionalText,
] = parsedQuestions([
  { id: 'overall', type: 'rating', scale: 'satisfaction' },
  { id: 'staff', type: 'rating', scale: 'quality', allowNA: true },
  { id: 'recommend', type: 'nps' },
  { id: 'visits', type: 'single', options: [{ id: 'weekly' }, { id: 'monthly' }] },
  { id: 'lives-here', type: 'single', allowNA: true, options: [{ id: 'yes' }, { id: 'no' }] },
  {
    id: 'buy-more',
    type: 'multi',
    other: true,
    maxSelected: 2,
    options: [{ id: 'novels' }, { id: 'films' }, { id: 'games' }, { id: 'none', exclusive: true }],
  },
  { id: 'events', type: 'multi', options: [{ id: 'talks' }, { id: 'concerts' }] },
  { id: 'improve', type: 'text', maxLength: 10 },
  { id: 'staff-gap', type: 'gap' },
  { id: 'place-gap', type: 'gap', allowNA: true },
  { id: 'overall-optional', type: 'rating', scale: 'satisfaction', optional: true },
  { id: 'events-optional', type: 'multi', optional: true, options: [{ id: 'a' }, { id: 'b' }] },
  { id: 'improve-optional', type: 'text', maxLength: 10, optional: true },
]);

const offNA: AnswerProblem = { code: 'not-applicable-not-offered' };
const number: AnswerProblem = { code: 'wrong-type', expected: 'a number' };
const selection: AnswerProblem = { code: 'wrong-type', expected: 'a selection' };
const gapShape: AnswerProblem = { code: 'wrong-type', expected: 'minimum, desired and perceived' };
const RATING = SCALE_POINTS.rating;
const NPS = SCALE_POINTS.nps;
const GAP = SCALE_POINTS.gap;
const ratingRange: AnswerProblem = { code: 'out-of-range', ...RATING };
const npsRange: AnswerProblem = { code: 'out-of-range', ...NPS };
const gapRange = (path: string): AnswerProblem => ({ code: 'out-of-range', ...GAP, path });

describe('answerProblem', () => {
  it.each<[string, Question | undefined, AnswerValue, AnswerProblem | null]>([
    ['rating: the lowest point', rating, RATING.min, null],
    ['rating: the highest point', rating, RATING.max, null],
    ['rating: one below the lowest', rating, RATING.min - 1, ratingRange],
    ['rating: one above the highest', rating, RATING.max + 1, ratingRange],
    ['rating: 3.5', rating, 3.5, ratingRange],
    ['rating: "3" as text', rating, '3', number],
    ['rating: a selection', rating, { selected: [] }, number],
    ['rating: N/A, not offered', rating, 'na', offNA],
    ['rating: N/A, offered', ratingNA, 'na', null],

    ['nps: the lowest point', nps, NPS.min, null],
    ['nps: the highest point', nps, NPS.max, null],
    ['nps: one above the highest', nps, NPS.max + 1, npsRange],
    ['nps: one below the lowest', nps, NPS.min - 1, npsRange],
    ['nps: N/A, not offered', nps, 'na', offNA],

    ['single: an option', single, 'weekly', null],
    ['single: an unknown option', single, 'daily', { code: 'unknown-option', option: 'daily' }],
    ['single: a number', single, 1, { code: 'wrong-type', expected: 'an option id' }],
    [
      'single: a selection',
      single,
      { selected: ['weekly'] },
      { code: 'wrong-type', expected: 'an option id' },
    ],
    ['single: N/A, not offered', single, 'na', offNA],
    ['single: N/A, offered', singleNA, 'na', null],

    ['multi: one option', multi, { selected: ['novels'] }, null],
    ['multi: as many as allowed', multi, { selected: ['novels', 'films'] }, null],
    [
      'multi: more than maxSelected',
      multi,
      { selected: ['novels', 'films', 'games'] },
      { code: 'too-many', max: 2 },
    ],
    ['multi: the exclusive option alone', multi, { selected: ['none'] }, null],
    [
      'multi: the exclusive option with another',
      multi,
      { selected: ['films', 'none'] },
      { code: 'exclusive-with-others', option: 'none' },
    ],
    [
      'multi: the exclusive option with an "other" text',
      multi,
      { selected: ['none'], other: 'comics' },
      { code: 'exclusive-with-others', option: 'none' },
    ],
    [
      'multi: the exclusive option first, then another',
      multi,
      { selected: ['none', 'films'] },
      { code: 'exclusive-with-others', option: 'none' },
    ],
    [
      'multi: an option twice',
      multi,
      { selected: ['films', 'films'] },
      { code: 'duplicate-option', option: 'films' },
    ],
    [
      'multi: an unknown option',
      multi,
      { selected: ['comics'] },
      { code: 'unknown-option', option: 'comics' },
    ],
    ['multi: "other" where offered', multi, { selected: ['novels'], other: 'Comics' }, null],
    ['multi: only "other"', multi, { selected: [], other: 'Comics' }, null],
    [
      'multi: "other" where not offered',
      multiPlain,
      { selected: ['talks'], other: 'Comics' },
      { code: 'unknown-option', option: 'other' },
    ],
    ['multi: no limit without maxSelected', multiPlain, { selected: ['talks', 'concerts'] }, null],
    ['multi: an option id as text', multi, 'novels', selection],
    ['multi: a number', multi, 2, selection],
    ['multi: a gap answer', multi, { minimum: 1, desired: 2, perceived: 3 }, selection],
    ['multi: N/A, not offered', multi, 'na', offNA],

    ['text: a short text', text, 'Chairs', null],
    ['text: exactly the limit', text, '0123456789', null],
    ['text: one over the limit', text, '0123456789!', { code: 'too-long', max: 10 }],
    ['text: "na" is text, not N/A', text, 'na', null],
    ['text: a number', text, 42, { code: 'wrong-type', expected: 'text' }],

    [
      'gap: both ends of the scale',
      gap,
      { minimum: GAP.min, desired: GAP.max, perceived: 5 },
      null,
    ],
    ['gap: N/A on a line, offered', gapNA, { minimum: 'na', desired: 8, perceived: 'na' }, null],
    [
      'gap: N/A on every line, offered',
      gapNA,
      { minimum: 'na', desired: 'na', perceived: 'na' },
      null,
    ],
    ['gap: N/A on a line, not offered', gap, { minimum: 'na', desired: 8, perceived: 5 }, offNA],
    [
      'gap: minimum below the scale',
      gap,
      { minimum: GAP.min - 1, desired: 8, perceived: 5 },
      gapRange('minimum'),
    ],
    [
      'gap: desired above the scale',
      gap,
      { minimum: 3, desired: GAP.max + 1, perceived: 5 },
      gapRange('desired'),
    ],
    ['gap: perceived 4.5', gap, { minimum: 3, desired: 8, perceived: 4.5 }, gapRange('perceived')],
    ['gap: a number', gap, 5, gapShape],
    ['gap: a selection', gap, { selected: [] }, gapShape],
    ['gap: N/A for the whole item, not offered', gap, 'na', offNA],
    ['gap: N/A for the whole item, offered', gapNA, 'na', null],
  ])('%s → %j', (_name, question, value, problem) => {
    if (!question) throw new Error('fixture question missing');
    expect(answerProblem(question, value)).toEqual(problem);
  });
});

describe('blockingProblem', () => {
  it.each<[string, Question | undefined, AnswerValue | undefined, AnswerProblem | null]>([
    ['a required rating without an answer', rating, undefined, { code: 'required' }],
    ['an optional rating without an answer', optionalRating, undefined, null],
    ['a required rating answered N/A where offered', ratingNA, 'na', null],
    ['a required nps answered 0', nps, 0, null],
    ['a required multi with nothing chosen', multiPlain, { selected: [] }, { code: 'required' }],
    ['an optional multi with nothing chosen', optionalMulti, { selected: [] }, null],
    ['a required multi with only "other" typed', multi, { selected: [], other: 'Comics' }, null],
    [
      'a required multi with only spaces as "other"',
      multi,
      { selected: [], other: '  ' },
      { code: 'required' },
    ],
    ['a required text left empty', text, '', { code: 'required' }],
    ['a required text of spaces', text, '   ', { code: 'required' }],
    ['an optional text left empty', optionalText, '', null],
    [
      'an optional text that is too long',
      optionalText,
      'x'.repeat(11),
      { code: 'too-long', max: 10 },
    ],
    ['an optional rating out of range', optionalRating, 9, ratingRange],
    ['a required single answered N/A where not offered', single, 'na', offNA],
    [
      'a required gap answered N/A on one line, where offered',
      gapNA,
      { minimum: 'na', desired: 7, perceived: 6 },
      null,
    ],
  ])('%s → %j', (_name, question, value, problem) => {
    if (!question) throw new Error('fixture question missing');
    expect(blockingProblem(question, value)).toEqual(problem);
  });
});
