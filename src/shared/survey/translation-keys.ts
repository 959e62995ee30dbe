/**
 * The i18next keys a survey's structure needs in its namespace (survey.<id>). Keys are
 * derived from ids so that a structure and its texts cannot drift apart silently:
 *
 *   title, intro
 *   questions.<question>.text              every question
 *   questions.<question>.options.<option>  single and multi
 *   scales.<scale>.1 … scales.<scale>.5    rating: every point in words
 *   scales.nps.low, scales.nps.high        nps: what 0 and 10 mean
 *   scales.gap.minimum|desired|perceived|low|high|instructions
 */
import { assertNever } from '../assert-never';
import { scalePoints } from '../contract/constants';
import type { Question } from '../contract/question';

export const INTRO_KEY = 'intro';

export function questionTextKey(questionId: string): string {
  return `questions.${questionId}.text`;
}

/** Optional help under the question text; a survey may leave it out. */
export function questionHintKey(questionId: string): string {
  return `questions.${questionId}.hint`;
}

export function optionKey(questionId: string, optionId: string): string {
  return `questions.${questionId}.options.${optionId}`;
}

export function scalePointKey(scale: string, point: number): string {
  return `scales.${scale}.${point}`;
}

export const NPS_KEYS = { low: 'scales.nps.low', high: 'scales.nps.high' } as const;

export const GAP_KEYS = {
  minimum: 'scales.gap.minimum',
  desired: 'scales.gap.desired',
  perceived: 'scales.gap.perceived',
  low: 'scales.gap.low',
  high: 'scales.gap.high',
  instructions: 'scales.gap.instructions',
} as const;

function keysOf(question: Question): string[] {
  const keys = [questionTextKey(question.id)];
  switch (question.type) {
    case 'rating':
      for (const point of scalePoints('rating')) keys.push(scalePointKey(question.scale, point));
      break;
    case 'nps':
      keys.push(NPS_KEYS.low, NPS_KEYS.high);
      break;
    case 'single':
    case 'multi':
      for (const option of question.options) keys.push(optionKey(question.id, option.id));
      break;
    case 'gap':
      keys.push(...Object.values(GAP_KEYS));
      break;
    case 'text':
      break;
    default:
      assertNever(question, 'question type');
  }
  return keys;
}

/** Every key the structure needs, without duplicates, in question order. */
export function requiredTranslationKeys(structure: {
  title: string;
  questions: readonly Question[];
}): string[] {
  return [...new Set([structure.title, INTRO_KEY, ...structure.questions.flatMap(keysOf)])];
}
