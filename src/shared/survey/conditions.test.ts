import { describe, expect, it } from 'vitest';
import { branchingSurvey, parsedQuestions } from '../../../test/fixtures/surveys';
import type { Answers } from '../contract/answer';
import type { Condition } from '../contract/condition';
import { isAnswered, isConditionMet, pruneHiddenAnswers, visibleQuestions } from './conditions';

/** One patron's answers so far; 'stars' was skipped, 'noise' answered N/A. */
const answers: Answers = {
  visits: 'weekly',
  overall: 4,
  recommend: 0,
  noise: 'na',
  'did-today': { selected: ['borrow', 'study'] },
  'nothing-chosen': { selected: [] },
  'only-other': { selected: [], other: 'Chess club' },
  'blank-text': '   ',
  improve: 'More chairs',
  'staff-gap': { minimum: 'na', desired: 7, perceived: 5 },
};

const yes: Condition = { op: 'answered', question: 'visits' };
const no: Condition = { op: 'answered', question: 'stars' };

describe('isConditionMet', () => {
  it.each<[string, Condition, boolean]>([
    ['answered: a single answer', { op: 'answered', question: 'visits' }, true],
    ['answered: a skipped question', { op: 'answered', question: 'stars' }, false],
    [
      'answered: an N/A answer (the patron did answer)',
      { op: 'answered', question: 'noise' },
      true,
    ],
    ['answered: nps 0, a falsy number', { op: 'answered', question: 'recommend' }, true],
    ['answered: an empty selection', { op: 'answered', question: 'nothing-chosen' }, false],
    ['answered: a selection of only "other"', { op: 'answered', question: 'only-other' }, true],
    ['answered: a text of spaces', { op: 'answered', question: 'blank-text' }, false],
    ['answered: a gap with one N/A', { op: 'answered', question: 'staff-gap' }, true],

    ['equals: the chosen option', { op: 'equals', question: 'visits', value: 'weekly' }, true],
    ['equals: another option', { op: 'equals', question: 'visits', value: 'monthly' }, false],
    ['equals: the rating given', { op: 'equals', question: 'overall', value: 4 }, true],
    ['equals: nps 0', { op: 'equals', question: 'recommend', value: 0 }, true],
    ['equals: a skipped question', { op: 'equals', question: 'stars', value: 3 }, false],

    ['notEquals: another option', { op: 'notEquals', question: 'visits', value: 'monthly' }, true],
    [
      'notEquals: the chosen option',
      { op: 'notEquals', question: 'visits', value: 'weekly' },
      false,
    ],
    ['notEquals: another rating', { op: 'notEquals', question: 'overall', value: 5 }, true],
    ['notEquals: a skipped question', { op: 'notEquals', question: 'stars', value: 3 }, false],
    ['notEquals: an N/A answer', { op: 'notEquals', question: 'noise', value: 3 }, false],

    ['includes: a chosen option', { op: 'includes', question: 'did-today', value: 'study' }, true],
    [
      'includes: an option not chosen',
      { op: 'includes', question: 'did-today', value: 'event' },
      false,
    ],
    [
      'includes: an empty selection',
      { op: 'includes', question: 'nothing-chosen', value: 'study' },
      false,
    ],
    ['includes: a skipped question', { op: 'includes', question: 'stars', value: 'study' }, false],
    ['includes: an N/A answer', { op: 'includes', question: 'noise', value: 'study' }, false],

    ['atLeast: the same number', { op: 'atLeast', question: 'overall', value: 4 }, true],
    ['atLeast: a lower bound', { op: 'atLeast', question: 'overall', value: 3 }, true],
    ['atLeast: a higher bound', { op: 'atLeast', question: 'overall', value: 5 }, false],
    ['atLeast: 0 against nps 0', { op: 'atLeast', question: 'recommend', value: 0 }, true],
    ['atLeast: an N/A answer', { op: 'atLeast', question: 'noise', value: 1 }, false],
    ['atLeast: a skipped question', { op: 'atLeast', question: 'stars', value: 1 }, false],

    ['atMost: the same number', { op: 'atMost', question: 'overall', value: 4 }, true],
    ['atMost: a lower bound', { op: 'atMost', question: 'overall', value: 3 }, false],
    ['atMost: nps 0', { op: 'atMost', question: 'recommend', value: 6 }, true],
    ['atMost: an N/A answer', { op: 'atMost', question: 'noise', value: 5 }, false],
    ['atMost: a skipped question', { op: 'atMost', question: 'stars', value: 5 }, false],

    ['all: every part holds', { op: 'all', conditions: [yes, yes] }, true],
    ['all: one part fails', { op: 'all', conditions: [yes, no] }, false],
    ['any: one part holds', { op: 'any', conditions: [no, yes] }, true],
    ['any: no part holds', { op: 'any', conditions: [no, no] }, false],
    ['not: of a holding condition', { op: 'not', condition: yes }, false],
    ['not: of a skipped question', { op: 'not', condition: no }, true],
    [
      'not: of atLeast on an N/A answer',
      { op: 'not', condition: { op: 'atLeast', question: 'noise', value: 1 } },
      true,
    ],
    [
      'nested: not(any(all(yes, no), no))',
      {
        op: 'not',
        condition: { op: 'any', conditions: [{ op: 'all', conditions: [yes, no] }, no] },
      },
      true,
    ],
    [
      'nested: all(any(no, yes), not(not(yes)))',
      {
        op: 'all',
        conditions: [
          { op: 'any', conditions: [no, yes] },
          { op: 'not', condition: { op: 'not', condition: yes } },
        ],
      },
      true,
    ],
  ])('%s → %s', (_name, condition, met) => {
    expect(isConditionMet(condition, answers)).toBe(met);
  });
});

describe('isAnswered', () => {
  it.each<[string, Answers[string] | undefined, boolean]>([
    ['nothing', undefined, false],
    ['0', 0, true],
    ['an option id', 'weekly', true],
    ['N/A', 'na', true],
    ['an empty text', '', false],
    ['a text of spaces and a newline', ' \n ', false],
    ['an empty selection', { selected: [] }, false],
    ['an empty selection with an "other" of spaces', { selected: [], other: '  ' }, false],
    ['a selection', { selected: ['study'] }, true],
    ['a gap', { minimum: 3, desired: 8, perceived: 6 }, true],
  ])('%s → %s', (_name, value, answered) => {
    expect(isAnswered(value)).toBe(answered);
  });
});

describe('visibleQuestions', () => {
  const survey = branchingSurvey();
  const ids = (given: Answers) => visibleQuestions(survey.questions, given).map((q) => q.id);

  it.each<[string, Answers, string[]]>([
    ['no answers: only the unconditional questions', {}, ['visits', 'overall', 'recommend']],
    [
      'a first visit reveals why',
      { visits: 'first-time' },
      ['visits', 'first-visit-why', 'overall', 'recommend'],
    ],
    [
      'a low rating reveals what went wrong',
      { visits: 'weekly', overall: 2 },
      ['visits', 'overall', 'what-went-wrong', 'recommend'],
    ],
    ['a high rating keeps it hidden', { overall: 3 }, ['visits', 'overall', 'recommend']],
    [
      'a low nps reveals come-back',
      { recommend: 6 },
      ['visits', 'overall', 'recommend', 'come-back'],
    ],
    ['a high nps keeps it hidden', { recommend: 9 }, ['visits', 'overall', 'recommend']],
    [
      'an N/A nps reveals come-back, because N/A is not "at least 9"',
      { recommend: 'na' },
      ['visits', 'overall', 'recommend', 'come-back'],
    ],
  ])('%s', (_name, given, shown) => {
    expect(ids(given)).toEqual(shown);
  });
});

describe('pruneHiddenAnswers', () => {
  const survey = branchingSurvey();

  it('keeps every answer to a visible question', () => {
    const given: Answers = { visits: 'first-time', 'first-visit-why': 'event', overall: 1 };
    expect(pruneHiddenAnswers(survey.questions, given)).toEqual(given);
  });

  it('drops the answer to a question that a changed answer now hides', () => {
    const given: Answers = {
      visits: 'weekly',
      'first-visit-why': 'event',
      overall: 5,
      'what-went-wrong': 'Too noisy',
      recommend: 10,
    };
    expect(pruneHiddenAnswers(survey.questions, given)).toEqual({
      visits: 'weekly',
      overall: 5,
      recommend: 10,
    });
  });

  it('drops answers to questions the survey does not have', () => {
    expect(pruneHiddenAnswers(survey.questions, { visits: 'weekly', gone: 3 })).toEqual({
      visits: 'weekly',
    });
  });

  it('drops a whole chain: an answer hidden because the answer it depended on was dropped', () => {
    const chain = parsedQuestions([
      { id: 'visits', type: 'single', options: [{ id: 'first-time' }, { id: 'weekly' }] },
      {
        id: 'heard-from',
        type: 'single',
        options: [{ id: 'friend' }, { id: 'poster' }],
        showIf: { op: 'equals', question: 'visits', value: 'first-time' },
      },
      {
        id: 'which-poster',
        type: 'text',
        maxLength: 100,
        showIf: { op: 'equals', question: 'heard-from', value: 'poster' },
      },
    ]);
    // The patron said first-time, poster, described it, then went back and chose weekly.
    const given: Answers = {
      visits: 'weekly',
      'heard-from': 'poster',
      'which-poster': 'The one at the station',
    };
    const pruned = pruneHiddenAnswers(chain, given);
    expect(pruned).toEqual({ visits: 'weekly' });
    expect(visibleQuestions(chain, pruned).map((q) => q.id)).toEqual(['visits']);
  });
});
