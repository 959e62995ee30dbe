/**
 * Which question comes next, before, and where the patron is. A question's showIf reads
 * only earlier answers, so the current question never disappears under the patron.
 */
import type { Answers } from '../contract/answer';
import type { Question } from '../contract/question';
import { isVisible, visibleQuestions } from './conditions';

/** The first question shown, or undefined for a survey whose every question is hidden. */
export function firstQuestion(
  questions: readonly Question[],
  answers: Answers,
): Question | undefined {
  return questions.find((q) => isVisible(q, answers));
}

/** The next question shown after `currentId`; undefined when the patron has reached the end. */
export function nextQuestion(
  questions: readonly Question[],
  answers: Answers,
  currentId: string,
): Question | undefined {
  const index = questions.findIndex((q) => q.id === currentId);
  return questions.slice(index + 1).find((q) => isVisible(q, answers));
}

/** The question shown before `currentId`; undefined on the first one. */
export function previousQuestion(
  questions: readonly Question[],
  answers: Answers,
  currentId: string,
): Question | undefined {
  const index = questions.findIndex((q) => q.id === currentId);
  return questions
    .slice(0, Math.max(index, 0))
    .reverse()
    .find((q) => isVisible(q, answers));
}

/** "Question 3 of 17": the position among the questions currently shown. */
export function questionProgress(
  questions: readonly Question[],
  answers: Answers,
  currentId: string,
): { position: number; total: number } {
  const shown = visibleQuestions(questions, answers);
  return { position: shown.findIndex((q) => q.id === currentId) + 1, total: shown.length };
}
