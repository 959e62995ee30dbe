/**
 * The tally of one response: the (question, item, value) keys it adds one to, in the
 * convention of counts.ts, and its comments (free texts and "other, please say" texts).
 * The collector sums these into its rollup tables; the same function counted directly over
 * a set of responses gives the same counts, which is what the storage tests check.
 *
 * Skipped: a question shown to the patron (its showIf held) that has no answer. A response
 * left incomplete stopped somewhere: only the questions before its last answered question
 * count as skipped; those after it were never reached.
 */
import { assertNever } from '../assert-never';
import type { Answers, AnswerValue, GapAnswer } from '../contract/answer';
import { GAP_DIMENSIONS, NOT_APPLICABLE } from '../contract/constants';
import type { Question } from '../contract/question';
import { isAnswered, isVisible } from '../survey/conditions';
import {
  ANSWER_ITEM,
  ANSWERED,
  EXCLUDED_ITEM,
  MINIMUM_ABOVE_DESIRED,
  OTHER_ITEM,
  SELECTED,
  SKIPPED,
} from './counts';

/** One count a response adds: one to (questionId, item, value). */
export interface TallyKey {
  questionId: string;
  item: string;
  value: string;
}

export type CommentKind = 'text' | 'other';

/** A text the patron wrote: a text question's answer, or a choice's "other" text. */
export interface ResponseComment {
  questionId: string;
  kind: CommentKind;
  text: string;
}

export interface ResponseTally {
  keys: TallyKey[];
  comments: ResponseComment[];
}

const key = (questionId: string, item: string, value: string): TallyKey => ({
  questionId,
  item,
  value,
});

function gapKeys(questionId: string, answer: GapAnswer): TallyKey[] {
  const keys = GAP_DIMENSIONS.map((line) => key(questionId, line, String(answer[line])));
  const { minimum, desired, perceived } = answer;
  if (typeof minimum === 'number' && typeof desired === 'number' && minimum > desired) {
    keys.push(key(questionId, EXCLUDED_ITEM, MINIMUM_ABOVE_DESIRED));
    return keys;
  }
  if (typeof perceived === 'number') {
    if (typeof minimum === 'number')
      keys.push(key(questionId, 'adequacy', String(perceived - minimum)));
    if (typeof desired === 'number')
      keys.push(key(questionId, 'superiority', String(perceived - desired)));
  }
  return keys;
}

/** The keys and comments of one answered question (value is an answer: isAnswered holds). */
function answerTally(question: Question, value: AnswerValue, tally: ResponseTally): void {
  const id = question.id;
  // A text question never offers N/A: "na" typed there is text (as in survey/answers.ts).
  if (value === NOT_APPLICABLE && question.type !== 'text') {
    tally.keys.push(key(id, ANSWER_ITEM, NOT_APPLICABLE));
    return;
  }
  switch (question.type) {
    case 'rating':
    case 'nps':
    case 'single':
      tally.keys.push(key(id, ANSWER_ITEM, String(value)));
      return;
    case 'multi': {
      tally.keys.push(key(id, ANSWER_ITEM, ANSWERED));
      if (typeof value !== 'object' || !('selected' in value)) return;
      for (const option of value.selected) tally.keys.push(key(id, option, SELECTED));
      const other = value.other?.trim();
      if (other) {
        tally.keys.push(key(id, OTHER_ITEM, SELECTED));
        tally.comments.push({ questionId: id, kind: 'other', text: other });
      }
      return;
    }
    case 'text':
      tally.keys.push(key(id, ANSWER_ITEM, ANSWERED));
      tally.comments.push({ questionId: id, kind: 'text', text: String(value).trim() });
      return;
    case 'gap':
      tally.keys.push(key(id, ANSWER_ITEM, ANSWERED));
      if (typeof value === 'object' && 'perceived' in value) tally.keys.push(...gapKeys(id, value));
      return;
    default:
      assertNever(question, 'question type');
  }
}

/**
 * What one response adds to the counts, in survey order. Answers are taken as the collector
 * accepted them (each fits its question, none answers a hidden question).
 */
export function tallyResponse(
  questions: readonly Question[],
  answers: Answers,
  completed: boolean,
): ResponseTally {
  let reached = questions.length;
  if (!completed) {
    reached = 0;
    questions.forEach((q, index) => {
      if (isAnswered(answers[q.id])) reached = index + 1;
    });
  }
  const tally: ResponseTally = { keys: [], comments: [] };
  questions.forEach((question, index) => {
    const value = answers[question.id];
    if (isAnswered(value)) answerTally(question, value, tally);
    else if (index < reached && isVisible(question, answers))
      tally.keys.push(key(question.id, ANSWER_ITEM, SKIPPED));
  });
  return tally;
}
