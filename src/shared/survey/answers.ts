/**
 * Whether a value is a valid answer to its question. Used by the runner before "Next" and
 * by the collector for every record it receives, so both sides agree on what is valid.
 */
import { assertNever } from '../assert-never';
import type { AnswerValue } from '../contract/answer';
import { GAP_DIMENSIONS, NOT_APPLICABLE, SCALE_POINTS } from '../contract/constants';
import type { Question } from '../contract/question';
import { isAnswered } from './conditions';

export type AnswerProblem =
  | { code: 'required' }
  | { code: 'wrong-type'; expected: string }
  | { code: 'out-of-range'; min: number; max: number; path?: string }
  | { code: 'not-applicable-not-offered' }
  | { code: 'unknown-option'; option: string }
  | { code: 'too-many'; max: number }
  | { code: 'too-long'; max: number; path?: string }
  | { code: 'exclusive-with-others'; option: string }
  | { code: 'duplicate-option'; option: string };

function inRange(value: AnswerValue, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** The problem with an answer that is present; null when it fits the question. */
export function answerProblem(question: Question, value: AnswerValue): AnswerProblem | null {
  // A text question never offers N/A (optional covers it), so "na" typed there is text.
  if (value === NOT_APPLICABLE && question.type !== 'text') {
    return question.allowNA ? null : { code: 'not-applicable-not-offered' };
  }
  switch (question.type) {
    case 'rating':
    case 'nps': {
      const { min, max } = SCALE_POINTS[question.type];
      if (typeof value !== 'number') return { code: 'wrong-type', expected: 'a number' };
      return inRange(value, min, max) ? null : { code: 'out-of-range', min, max };
    }
    case 'single': {
      if (typeof value !== 'string') return { code: 'wrong-type', expected: 'an option id' };
      return question.options.some((o) => o.id === value)
        ? null
        : { code: 'unknown-option', option: value };
    }
    case 'multi': {
      if (typeof value !== 'object' || !('selected' in value)) {
        return { code: 'wrong-type', expected: 'a selection' };
      }
      const seen = new Set<string>();
      for (const id of value.selected) {
        const option = question.options.find((o) => o.id === id);
        if (!option) return { code: 'unknown-option', option: id };
        if (seen.has(id)) return { code: 'duplicate-option', option: id };
        if (option.exclusive && (value.selected.length > 1 || value.other?.trim())) {
          return { code: 'exclusive-with-others', option: id };
        }
        seen.add(id);
      }
      if (question.maxSelected && value.selected.length > question.maxSelected) {
        return { code: 'too-many', max: question.maxSelected };
      }
      if (value.other !== undefined && !question.other)
        return { code: 'unknown-option', option: 'other' };
      return null;
    }
    case 'text': {
      if (typeof value !== 'string') return { code: 'wrong-type', expected: 'text' };
      return value.length > question.maxLength
        ? { code: 'too-long', max: question.maxLength }
        : null;
    }
    case 'gap': {
      if (typeof value !== 'object' || !('perceived' in value)) {
        return { code: 'wrong-type', expected: 'minimum, desired and perceived' };
      }
      for (const dimension of GAP_DIMENSIONS) {
        const point = value[dimension];
        if (point === NOT_APPLICABLE) {
          if (question.allowNA) continue;
          return { code: 'not-applicable-not-offered' };
        }
        if (!inRange(point, SCALE_POINTS.gap.min, SCALE_POINTS.gap.max)) {
          return { code: 'out-of-range', ...SCALE_POINTS.gap, path: dimension };
        }
      }
      return null;
    }
    default:
      return assertNever(question, 'question type');
  }
}

/** What stops the patron from going on: a required question without an answer, or a bad one. */
export function blockingProblem(
  question: Question,
  value: AnswerValue | undefined,
): AnswerProblem | null {
  if (!isAnswered(value)) return question.optional ? null : { code: 'required' };
  return answerProblem(question, value);
}
