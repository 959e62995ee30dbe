import { describe, expect, it } from 'vitest';
import { type QuestionInput, QuestionSchema } from '../../shared/contract/question';
import { type KioskAction, type KioskState, kioskReducer, resumed, welcome } from './session';

const questions = (
  [
    { id: 'visits', type: 'single', options: [{ id: 'often' }, { id: 'never' }] },
    {
      id: 'why-not',
      type: 'text',
      maxLength: 100,
      optional: true,
      showIf: { op: 'equals', question: 'visits', value: 'never' },
    },
    { id: 'overall', type: 'rating', scale: 'satisfaction' },
    { id: 'comment', type: 'text', maxLength: 100, optional: true },
  ] satisfies QuestionInput[]
).map((q) => QuestionSchema.parse(q));

const reduce = kioskReducer(questions);
const start: KioskAction = {
  type: 'start',
  session: { responseId: 'r1', surveyId: 's', surveyVersion: 1, startedAt: '2026-11-20T09:00:00Z' },
};

function run(...actions: KioskAction[]): KioskState {
  return actions.reduce(reduce, welcome('hu'));
}

describe('the kiosk flow', () => {
  it('starts on the first question with no answers', () => {
    expect(run(start)).toMatchObject({
      stage: 'question',
      language: 'hu',
      session: { questionId: 'visits', answers: {} },
    });
  });

  it.each<[string, KioskAction[], string]>([
    ['waits on a required question without an answer', [start, { type: 'next' }], 'visits'],
    ['does not skip a required question', [start, { type: 'skip' }], 'visits'],
    [
      'goes on once answered',
      [start, { type: 'answer', questionId: 'visits', value: 'often' }, { type: 'next' }],
      'overall',
    ],
    [
      'shows a follow-up only when its condition holds',
      [start, { type: 'answer', questionId: 'visits', value: 'never' }, { type: 'next' }],
      'why-not',
    ],
    [
      'skips an optional question',
      [
        start,
        { type: 'answer', questionId: 'visits', value: 'never' },
        { type: 'next' },
        { type: 'skip' },
      ],
      'overall',
    ],
    [
      'goes back to the question shown before',
      [
        start,
        { type: 'answer', questionId: 'visits', value: 'often' },
        { type: 'next' },
        { type: 'back' },
      ],
      'visits',
    ],
    ['stays on the first question when going back', [start, { type: 'back' }], 'visits'],
  ])('%s', (_, actions, questionId) => {
    expect(run(...actions).session?.questionId).toBe(questionId);
  });

  it('reaches the review screen after the last question and returns from it', () => {
    const reviewed = run(
      start,
      { type: 'answer', questionId: 'visits', value: 'often' },
      { type: 'next' },
      { type: 'answer', questionId: 'overall', value: 4 },
      { type: 'next' },
      { type: 'skip' },
    );
    expect(reviewed.stage).toBe('review');
    expect(reduce(reviewed, { type: 'back' })).toMatchObject({
      stage: 'question',
      session: { questionId: 'comment' },
    });
  });

  it('drops the answer to a follow-up that an earlier change hides', () => {
    const state = run(
      start,
      { type: 'answer', questionId: 'visits', value: 'never' },
      { type: 'next' },
      { type: 'answer', questionId: 'why-not', value: 'too far' },
      { type: 'back' },
      { type: 'answer', questionId: 'visits', value: 'often' },
    );
    expect(state.session?.answers).toEqual({ visits: 'often' });
  });

  it('keeps the answers when the language changes mid-survey', () => {
    const state = run(
      start,
      { type: 'answer', questionId: 'visits', value: 'often' },
      { type: 'language', language: 'lt' },
    );
    expect(state).toMatchObject({ language: 'lt', session: { answers: { visits: 'often' } } });
  });

  it('forgets the patron entirely on reset and after submitting', () => {
    const answered = run(start, { type: 'answer', questionId: 'visits', value: 'often' });
    expect(reduce(answered, { type: 'reset', language: 'en' })).toEqual({
      stage: 'welcome',
      language: 'en',
    });
    expect(reduce(answered, { type: 'submitted' })).toEqual({ stage: 'thanks', language: 'hu' });
  });

  it('restores a saved draft on the question it was left on', () => {
    const draft = {
      id: 'r2',
      surveyId: 's',
      surveyVersion: 1,
      startedAt: 'x',
      locale: 'ru' as const,
      answers: { visits: 'often' },
    };
    const stored = { ...draft, currentQuestionId: 'overall', status: 'draft', updatedAt: 1 };
    expect(resumed(questions, stored)).toEqual({
      stage: 'question',
      language: 'ru',
      session: {
        responseId: 'r2',
        surveyId: 's',
        surveyVersion: 1,
        startedAt: 'x',
        answers: { visits: 'often' },
        partialGaps: {},
        questionId: 'overall',
      },
    });
  });

  it('restores a draft left on the review screen there, with Back to the last question', () => {
    const state = resumed(questions, {
      id: 'r3',
      surveyId: 's',
      surveyVersion: 1,
      startedAt: 'x',
      locale: 'lt',
      answers: { visits: 'often', overall: 4 },
    });
    expect(state).toMatchObject({
      stage: 'review',
      language: 'lt',
      session: { questionId: 'comment' },
    });
    expect(reduce(state, { type: 'back' })).toMatchObject({
      stage: 'question',
      session: { questionId: 'comment' },
    });
  });
});

describe('a gap item answered line by line', () => {
  const gapQuestions = (
    [
      { id: 'visits', type: 'single', options: [{ id: 'often' }, { id: 'never' }] },
      { id: 'staff', type: 'gap', allowNA: true },
      {
        id: 'why-not',
        type: 'gap',
        optional: true,
        showIf: { op: 'equals', question: 'visits', value: 'never' },
      },
      { id: 'overall', type: 'rating', scale: 'satisfaction' },
    ] satisfies QuestionInput[]
  ).map((q) => QuestionSchema.parse(q));
  const reduceGap = kioskReducer(gapQuestions);
  const runGap = (...actions: KioskAction[]) => actions.reduce(reduceGap, welcome('sl'));
  const onStaff: KioskAction[] = [
    start,
    { type: 'answer', questionId: 'visits', value: 'often' },
    { type: 'next' },
  ];

  it('keeps one or two answered lines beside the answers, and Next waits for the third', () => {
    const state = runGap(
      ...onStaff,
      { type: 'gap', questionId: 'staff', lines: { minimum: 4 } },
      { type: 'gap', questionId: 'staff', lines: { minimum: 4, desired: 'na' } },
      { type: 'next' },
    );
    expect(state.session).toMatchObject({
      questionId: 'staff',
      answers: { visits: 'often' },
      partialGaps: { staff: { minimum: 4, desired: 'na' } },
    });
    expect(state.session?.answers).not.toHaveProperty('staff');
  });

  it('turns the lines into an answer once all three are answered, and goes on', () => {
    const state = runGap(
      ...onStaff,
      { type: 'gap', questionId: 'staff', lines: { minimum: 4, desired: 8 } },
      { type: 'gap', questionId: 'staff', lines: { minimum: 4, desired: 8, perceived: 6 } },
      { type: 'next' },
    );
    expect(state.session).toMatchObject({
      questionId: 'overall',
      answers: { visits: 'often', staff: { minimum: 4, desired: 8, perceived: 6 } },
    });
    expect(state.session?.partialGaps).toEqual({});
  });

  it('keeps the lines when the patron goes back and returns', () => {
    const state = runGap(
      ...onStaff,
      { type: 'gap', questionId: 'staff', lines: { perceived: 7 } },
      { type: 'back' },
      { type: 'next' },
    );
    expect(state.session).toMatchObject({
      questionId: 'staff',
      partialGaps: { staff: { perceived: 7 } },
    });
  });

  it('drops the lines of an optional gap item the patron skips', () => {
    const state = runGap(
      start,
      { type: 'answer', questionId: 'visits', value: 'never' },
      { type: 'next' },
      { type: 'gap', questionId: 'staff', lines: { minimum: 1, desired: 2, perceived: 3 } },
      { type: 'next' },
      { type: 'gap', questionId: 'why-not', lines: { minimum: 5 } },
      { type: 'skip' },
    );
    expect(state.session?.questionId).toBe('overall');
    expect(state.session?.partialGaps).toEqual({});
  });

  it('drops the lines of a gap item that an earlier change hides', () => {
    const state = runGap(
      start,
      { type: 'answer', questionId: 'visits', value: 'never' },
      { type: 'next' },
      { type: 'gap', questionId: 'staff', lines: { minimum: 1, desired: 2, perceived: 3 } },
      { type: 'next' },
      { type: 'gap', questionId: 'why-not', lines: { minimum: 5 } },
      { type: 'back' },
      { type: 'back' },
      { type: 'answer', questionId: 'visits', value: 'often' },
    );
    expect(state.session?.partialGaps).toEqual({});
  });

  it('restores the lines a draft kept, on the gap item it was left on', () => {
    const state = resumed(gapQuestions, {
      id: 'r4',
      surveyId: 's',
      surveyVersion: 1,
      startedAt: 'x',
      locale: 'sl',
      answers: { visits: 'often' },
      partialGaps: { staff: { minimum: 3, perceived: 'na' } },
      currentQuestionId: 'staff',
    });
    expect(state).toMatchObject({
      stage: 'question',
      session: { questionId: 'staff', partialGaps: { staff: { minimum: 3, perceived: 'na' } } },
    });
    expect(reduceGap(state, { type: 'next' }).session?.questionId).toBe('staff');
  });
});
