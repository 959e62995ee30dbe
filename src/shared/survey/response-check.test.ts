import { describe, expect, it } from 'vitest';
import { BRANCHING_QUESTIONS, structureOf } from '../../../test/fixtures/surveys';
import type { Answers } from '../contract/answer';
import { SurveyStructureSchema } from '../contract/survey-package';
import type { AnswerProblem } from './answers';
import { pruneHiddenAnswers } from './conditions';
import { describeAnswerProblem, type ResponseProblem, responseProblem } from './response-check';

const survey = SurveyStructureSchema.parse(
  structureOf(
    [
      ...BRANCHING_QUESTIONS,
      { id: 'g1', type: 'gap', allowNA: true },
      { id: 'did-today', type: 'multi', options: [{ id: 'borrow' }, { id: 'study' }] },
      {
        id: 'events',
        type: 'multi',
        optional: true,
        options: [{ id: 'talks' }, { id: 'concerts' }, { id: 'none', exclusive: true }],
      },
    ],
    { version: 3 },
  ),
);

/** A complete response of a weekly visitor: every visible required question answered. */
const complete: Answers = {
  visits: 'weekly',
  overall: 4,
  recommend: 10,
  g1: { minimum: 4, desired: 8, perceived: 'na' },
  'did-today': { selected: ['borrow'] },
};

function without(answers: Answers, id: string): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([key]) => key !== id));
}

describe('responseProblem', () => {
  it.each<[string, Answers, boolean]>([
    ['a complete response', complete, true],
    [
      'a complete response with optional answers',
      { ...complete, events: { selected: ['talks'] } },
      true,
    ],
    [
      'a complete response that went through every follow-up',
      {
        ...complete,
        visits: 'first-time',
        'first-visit-why': 'event',
        overall: 2,
        'what-went-wrong': 'Noise',
        recommend: 'na',
        'come-back': 'yes',
      },
      true,
    ],
    [
      'an incomplete response with a few answers',
      { visits: 'first-time', 'first-visit-why': 'event' },
      false,
    ],
    ['an incomplete response with no answers', {}, false],
  ])('accepts %s', (_name, answers, completed) => {
    expect(responseProblem(survey, answers, completed)).toBeNull();
  });

  it.each<[string, Answers, boolean, ResponseProblem]>([
    [
      'an answer to a question the survey does not have',
      { ...complete, 'favourite-author': 'Tolstoy' },
      true,
      {
        path: 'answers.favourite-author',
        reason: 'survey fixture-survey v3 has no such question',
        code: 'unknown-question',
        params: { question: 'favourite-author' },
      },
    ],
    [
      'an answer to a question the other answers hide',
      { ...complete, 'first-visit-why': 'event' },
      true,
      {
        path: 'answers.first-visit-why',
        reason: 'answers a question that the other answers hide',
        code: 'hidden-question',
      },
    ],
    [
      'a hidden answer in an incomplete response too',
      { overall: 5, 'what-went-wrong': 'Noise' },
      false,
      {
        path: 'answers.what-went-wrong',
        reason: 'answers a question that the other answers hide',
        code: 'hidden-question',
      },
    ],
    [
      'a rating out of range',
      { ...complete, overall: 7 },
      true,
      {
        path: 'answers.overall',
        reason: 'should be from 1 to 5',
        code: 'out-of-range',
        params: { min: 1, max: 5 },
      },
    ],
    [
      'a gap dimension out of range, naming the dimension',
      { ...complete, g1: { minimum: 4, desired: 0, perceived: 5 } },
      true,
      {
        path: 'answers.g1.desired',
        reason: 'should be from 1 to 9',
        code: 'out-of-range',
        params: { min: 1, max: 9 },
      },
    ],
    [
      'an unknown option',
      { ...complete, visits: 'daily' },
      true,
      {
        path: 'answers.visits',
        reason: 'has no option "daily"',
        code: 'unknown-option',
        params: { option: 'daily' },
      },
    ],
    [
      'a bad value in an incomplete response',
      { visits: 'weekly', overall: 'good' },
      false,
      { path: 'answers.overall', reason: 'should be a number', code: 'wrong-type' },
    ],
    [
      'a completed response missing a required visible answer',
      without(complete, 'recommend'),
      true,
      {
        path: 'answers.recommend',
        reason: 'is required in a completed response',
        code: 'required-in-completed',
      },
    ],
    [
      'a completed response missing a required follow-up its answers reveal',
      { ...complete, visits: 'first-time' },
      true,
      {
        path: 'answers.first-visit-why',
        reason: 'is required in a completed response',
        code: 'required-in-completed',
      },
    ],
    [
      'a completed response whose required selection is empty',
      { ...complete, 'did-today': { selected: [] } },
      true,
      {
        path: 'answers.did-today',
        reason: 'is required in a completed response',
        code: 'required-in-completed',
      },
    ],
    [
      'an answer of spaces to a single question',
      { ...complete, recommend: 3, 'come-back': '  ' },
      true,
      {
        path: 'answers.come-back',
        reason: 'has no option "  "',
        code: 'unknown-option',
        params: { option: '  ' },
      },
    ],
  ])('refuses %s', (_name, answers, completed, problem) => {
    expect(responseProblem(survey, answers, completed)).toEqual(problem);
  });

  it('accepts what the runner keeps after a patron goes back and changes an answer', () => {
    const before: Answers = {
      ...complete,
      visits: 'first-time',
      'first-visit-why': 'event',
      overall: 1,
      'what-went-wrong': 'Noise',
    };
    const after = pruneHiddenAnswers(survey.questions, { ...before, visits: 'weekly', overall: 4 });
    expect(responseProblem(survey, after, true)).toBeNull();
  });
});

describe('describeAnswerProblem', () => {
  it.each<[AnswerProblem, string]>([
    [{ code: 'required' }, 'is required'],
    [{ code: 'wrong-type', expected: 'a number' }, 'should be a number'],
    [{ code: 'out-of-range', min: 0, max: 10 }, 'should be from 0 to 10'],
    [{ code: 'not-applicable-not-offered' }, 'does not offer N/A'],
    [{ code: 'unknown-option', option: 'daily' }, 'has no option "daily"'],
    [{ code: 'too-many', max: 3 }, 'allows at most 3 choices'],
    [{ code: 'too-long', max: 500 }, 'allows at most 500 characters'],
    [
      { code: 'exclusive-with-others', option: 'none' },
      'option "none" cannot be combined with others',
    ],
    [{ code: 'duplicate-option', option: 'talks' }, 'option "talks" is chosen twice'],
  ])('%j → %j', (problem, words) => {
    expect(describeAnswerProblem(problem)).toBe(words);
  });
});
