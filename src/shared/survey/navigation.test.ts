import { describe, expect, it } from 'vitest';
import { branchingSurvey } from '../../../test/fixtures/surveys';
import type { Answers } from '../contract/answer';
import { pruneHiddenAnswers, visibleQuestions } from './conditions';
import { firstQuestion, nextQuestion, previousQuestion, questionProgress } from './navigation';

const { questions } = branchingSurvey();

/**
 * A patron going forward from the first question, answering each from `given` as it comes
 * (or skipping it), as the runner does: answers are pruned after every change.
 */
function walk(given: Answers): { path: string[]; answers: Answers } {
  let answers: Answers = {};
  const path: string[] = [];
  for (
    let current = firstQuestion(questions, answers);
    current;
    current = nextQuestion(questions, answers, current.id)
  ) {
    path.push(current.id);
    const value = given[current.id];
    if (value !== undefined)
      answers = pruneHiddenAnswers(questions, { ...answers, [current.id]: value });
  }
  return { path, answers };
}

describe('firstQuestion', () => {
  it('is the first question of the survey, whatever the answers', () => {
    expect(firstQuestion(questions, {})?.id).toBe('visits');
    expect(firstQuestion(questions, { visits: 'first-time', overall: 1 })?.id).toBe('visits');
  });

  it('is undefined for a survey without questions', () => {
    expect(firstQuestion([], {})).toBeUndefined();
  });
});

describe('nextQuestion', () => {
  it.each<[string, Answers, string, string | undefined]>([
    ['skips the hidden follow-up of a weekly visitor', { visits: 'weekly' }, 'visits', 'overall'],
    [
      'reveals the follow-up of a first visit',
      { visits: 'first-time' },
      'visits',
      'first-visit-why',
    ],
    [
      'goes on after the follow-up',
      { visits: 'first-time', 'first-visit-why': 'event' },
      'first-visit-why',
      'overall',
    ],
    ['asks what went wrong after a low rating', { overall: 2 }, 'overall', 'what-went-wrong'],
    ['does not ask after a good rating', { overall: 3 }, 'overall', 'recommend'],
    [
      'goes on when the optional question is skipped',
      { overall: 1 },
      'what-went-wrong',
      'recommend',
    ],
    ['asks about coming back after a low nps', { recommend: 4 }, 'recommend', 'come-back'],
    ['asks about coming back after N/A', { recommend: 'na' }, 'recommend', 'come-back'],
    ['ends after a high nps', { recommend: 10 }, 'recommend', undefined],
    ['ends after the last question', { recommend: 0, 'come-back': 'yes' }, 'come-back', undefined],
  ])('%s', (_name, answers, current, next) => {
    expect(nextQuestion(questions, answers, current)?.id).toBe(next);
  });
});

describe('previousQuestion', () => {
  it.each<[string, Answers, string, string | undefined]>([
    ['is undefined on the first question', { visits: 'weekly' }, 'visits', undefined],
    ['skips the hidden follow-up', { visits: 'weekly' }, 'overall', 'visits'],
    [
      'returns to the follow-up that was shown',
      { visits: 'first-time' },
      'overall',
      'first-visit-why',
    ],
    ['returns to what went wrong', { overall: 1 }, 'recommend', 'what-went-wrong'],
    ['skips what went wrong after a good rating', { overall: 5 }, 'recommend', 'overall'],
    ['returns to the nps from the last question', { recommend: 3 }, 'come-back', 'recommend'],
  ])('%s', (_name, answers, current, previous) => {
    expect(previousQuestion(questions, answers, current)?.id).toBe(previous);
  });
});

describe('questionProgress', () => {
  it.each<[Answers, string, { position: number; total: number }]>([
    [{}, 'visits', { position: 1, total: 3 }],
    [{ visits: 'weekly', overall: 4 }, 'overall', { position: 2, total: 3 }],
    [{ visits: 'first-time' }, 'first-visit-why', { position: 2, total: 4 }],
    [{ visits: 'first-time', overall: 2 }, 'what-went-wrong', { position: 4, total: 5 }],
    [{ visits: 'first-time', overall: 2, recommend: 1 }, 'come-back', { position: 6, total: 6 }],
  ])('with %j, %s is question %j', (answers, current, progress) => {
    expect(questionProgress(questions, answers, current)).toEqual(progress);
  });
});

describe('a patron going through the survey', () => {
  it.each<[string, Answers, string[]]>([
    [
      'a weekly visitor who is happy sees only the unconditional questions',
      { visits: 'weekly', overall: 5, recommend: 10 },
      ['visits', 'overall', 'recommend'],
    ],
    [
      'an unhappy first-time visitor sees every question',
      {
        visits: 'first-time',
        'first-visit-why': 'event',
        overall: 1,
        'what-went-wrong': 'Too loud',
        recommend: 2,
        'come-back': 'no',
      },
      ['visits', 'first-visit-why', 'overall', 'what-went-wrong', 'recommend', 'come-back'],
    ],
    [
      'a patron who skips the optional question still reaches the end',
      { visits: 'monthly', overall: 2, recommend: 'na', 'come-back': 'yes' },
      ['visits', 'overall', 'what-went-wrong', 'recommend', 'come-back'],
    ],
  ])('%s', (_name, given, path) => {
    const walked = walk(given);
    expect(walked.path).toEqual(path);
    expect(visibleQuestions(questions, walked.answers).map((q) => q.id)).toEqual(path);
  });

  it('goes back, changes an answer, and no longer sees or keeps what the change hides', () => {
    let answers: Answers = { visits: 'first-time', 'first-visit-why': 'moved-here', overall: 2 };
    expect(questionProgress(questions, answers, 'what-went-wrong')).toEqual({
      position: 4,
      total: 5,
    });

    // Back from "what went wrong" to the first question, one screen at a time.
    const back: string[] = [];
    for (
      let at = previousQuestion(questions, answers, 'what-went-wrong');
      at;
      at = previousQuestion(questions, answers, at.id)
    ) {
      back.push(at.id);
    }
    expect(back).toEqual(['overall', 'first-visit-why', 'visits']);

    answers = pruneHiddenAnswers(questions, { ...answers, visits: 'weekly' });
    expect(answers).toEqual({ visits: 'weekly', overall: 2 });
    expect(nextQuestion(questions, answers, 'visits')?.id).toBe('overall');
    expect(questionProgress(questions, answers, 'overall')).toEqual({ position: 2, total: 4 });

    answers = pruneHiddenAnswers(questions, { ...answers, overall: 4 });
    expect(nextQuestion(questions, answers, 'overall')?.id).toBe('recommend');
    expect(questionProgress(questions, answers, 'recommend')).toEqual({ position: 3, total: 3 });
  });

  it('goes back and changes an answer so that a question appears', () => {
    let answers: Answers = { visits: 'weekly', overall: 4, recommend: 10 };
    expect(nextQuestion(questions, answers, 'recommend')).toBeUndefined();
    answers = pruneHiddenAnswers(questions, { ...answers, overall: 1 });
    expect(nextQuestion(questions, answers, 'overall')?.id).toBe('what-went-wrong');
    expect(previousQuestion(questions, answers, 'recommend')?.id).toBe('what-went-wrong');
    expect(answers).toEqual({ visits: 'weekly', overall: 1, recommend: 10 });
  });
});
