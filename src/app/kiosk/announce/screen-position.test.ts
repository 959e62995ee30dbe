import { describe, expect, it } from 'vitest';
import { type QuestionInput, QuestionSchema } from '../../../shared/contract/question';
import { type KioskAction, type KioskState, kioskReducer, welcome } from '../session';
import { screenPosition } from './screen-position';

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
  ] satisfies QuestionInput[]
).map((q) => QuestionSchema.parse(q));

const reduce = kioskReducer(questions);
const start: KioskAction = {
  type: 'start',
  session: { responseId: 'r1', surveyId: 's', surveyVersion: 1, startedAt: '2026-11-20T09:00:00Z' },
};
const run = (...actions: KioskAction[]): KioskState => actions.reduce(reduce, welcome('sl'));

describe('the position a screen reader is told', () => {
  it('is none on the welcome and review screens', () => {
    expect(screenPosition(run(), questions)).toBeUndefined();
    const review = run(
      start,
      { type: 'answer', questionId: 'visits', value: 'often' },
      { type: 'next' },
      { type: 'answer', questionId: 'overall', value: 4 },
      { type: 'next' },
    );
    expect(review.stage).toBe('review');
    expect(screenPosition(review, questions)).toBeUndefined();
  });

  it('keeps its key while an answer changes how many questions there are', () => {
    const before = screenPosition(run(start), questions);
    const after = screenPosition(
      run(start, { type: 'answer', questionId: 'visits', value: 'never' }),
      questions,
    );
    expect(before).toMatchObject({ position: 1, total: 2 });
    expect(after).toMatchObject({ position: 1, total: 3 });
    expect(after?.key).toBe(before?.key);
  });

  it('changes its key with the question and with the language', () => {
    const first = screenPosition(run(start), questions);
    const second = screenPosition(
      run(start, { type: 'answer', questionId: 'visits', value: 'often' }, { type: 'next' }),
      questions,
    );
    const otherLanguage = screenPosition(
      run(start, { type: 'language', language: 'lt' }),
      questions,
    );
    expect(second).toMatchObject({ position: 2, total: 2 });
    expect(new Set([first?.key, second?.key, otherLanguage?.key]).size).toBe(3);
  });
});
