/** Evaluates showIf conditions against the answers given so far. */
import type { Answers, AnswerValue } from '../contract/answer';
import type { Condition } from '../contract/condition';
import { NOT_APPLICABLE } from '../contract/constants';
import type { Question } from '../contract/question';

/** True when a value counts as an answer: an empty text or an empty selection does not. */
export function isAnswered(value: AnswerValue | undefined): value is AnswerValue {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'object' && 'selected' in value) {
    return value.selected.length > 0 || Boolean(value.other?.trim());
  }
  return true;
}

function numeric(value: AnswerValue | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/**
 * Whether a condition holds. A comparison with an unanswered or N/A question is false;
 * `answered` counts N/A as an answer (the patron did respond); `not` inverts its inner
 * condition.
 */
export function isConditionMet(condition: Condition, answers: Answers): boolean {
  switch (condition.op) {
    case 'all':
      return condition.conditions.every((c) => isConditionMet(c, answers));
    case 'any':
      return condition.conditions.some((c) => isConditionMet(c, answers));
    case 'not':
      return !isConditionMet(condition.condition, answers);
    case 'answered':
      return isAnswered(answers[condition.question]);
    case 'equals':
      return answers[condition.question] === condition.value;
    case 'notEquals': {
      const value = answers[condition.question];
      return isAnswered(value) && value !== NOT_APPLICABLE && value !== condition.value;
    }
    case 'includes': {
      const value = answers[condition.question];
      return (
        typeof value === 'object' && 'selected' in value && value.selected.includes(condition.value)
      );
    }
    case 'atLeast': {
      const value = numeric(answers[condition.question]);
      return value !== undefined && value >= condition.value;
    }
    case 'atMost': {
      const value = numeric(answers[condition.question]);
      return value !== undefined && value <= condition.value;
    }
  }
}

/** Whether a question is shown, given the answers so far. */
export function isVisible(question: Question, answers: Answers): boolean {
  return !question.showIf || isConditionMet(question.showIf, answers);
}

/** The questions shown, given the answers so far, in survey order. */
export function visibleQuestions(questions: readonly Question[], answers: Answers): Question[] {
  return questions.filter((question) => isVisible(question, answers));
}

/**
 * Drops answers to questions that the other answers now hide (e.g. after going back).
 * One pass in survey order, judging each question by the answers kept so far: a dropped
 * answer then hides whatever depended on it too (showIf reads only earlier questions).
 */
export function pruneHiddenAnswers(questions: readonly Question[], answers: Answers): Answers {
  const kept: Answers = {};
  for (const question of questions) {
    const value = answers[question.id];
    if (value !== undefined && isVisible(question, kept)) kept[question.id] = value;
  }
  return kept;
}
