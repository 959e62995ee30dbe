/**
 * The cheap look at a batch before any schema runs: counts and sizes of each record as
 * JSON.parse left it (answers per record, fields per object, items per array, nesting,
 * characters). A zod parse costs microseconds per value and builds an issue for each wrong
 * one, so a crafted record of 50,000 answer keys would cost the event loop about a second;
 * this walk stops at the first limit crossed, having built nothing. A kiosk never makes
 * such a record (it runs the same answer checks), so the whole request is refused.
 */
import { GAP_DIMENSIONS, MAX_OPTIONS, MAX_QUESTIONS } from '../../shared/contract/constants';
import { SurveyResponseSchema } from '../../shared/contract/response';
import { MAX_RECORD_CHARS, MAX_RECORD_NESTING } from '../../shared/contract/sync';

/** Where a record crosses a limit, and which. */
export interface LimitProblem {
  /** Dotted, from the envelope: "responses.3.answers". */
  path: string;
  message: string;
}

/** Fields a record may have: the contract's, no more. */
const MAX_RECORD_FIELDS = Object.keys(SurveyResponseSchema.shape).length;
/** Fields an answer object may have: a gap answer's three lines (a choice answer has two). */
const MAX_ANSWER_FIELDS = GAP_DIMENSIONS.length;

/** A value still to look at, with the way back to the record for the path of a problem. */
interface Visit {
  value: object;
  key: string;
  parent: Visit | undefined;
  depth: number;
}

function pathOf(visit: Visit): string {
  const parts: string[] = [];
  for (let at: Visit | undefined = visit; at; at = at.parent) parts.push(at.key);
  return parts.reverse().join('.');
}

function fieldLimit(visit: Visit): { max: number; noun: string } {
  if (visit.depth === 1) return { max: MAX_RECORD_FIELDS, noun: 'fields' };
  if (visit.depth === 2 && visit.key === 'answers') return { max: MAX_QUESTIONS, noun: 'answers' };
  return { max: MAX_ANSWER_FIELDS, noun: 'fields' };
}

/**
 * The first limit a record crosses, or undefined when it is within them all. `at` is the
 * record's path ("responses.3"). Whether the record is valid is the schema's to say later.
 */
export function recordLimitProblem(record: unknown, at: string): LimitProblem | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  let chars = 0;
  const stack: Visit[] = [{ value: record, key: at, parent: undefined, depth: 1 }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    if (visit.depth > MAX_RECORD_NESTING) {
      return {
        path: pathOf(visit),
        message: `a response is nested at most ${MAX_RECORD_NESTING} levels deep`,
      };
    }
    const children: [string, unknown][] = [];
    if (Array.isArray(visit.value)) {
      if (visit.value.length > MAX_OPTIONS) {
        return {
          path: pathOf(visit),
          message: `at most ${MAX_OPTIONS} items (got ${visit.value.length})`,
        };
      }
      visit.value.forEach((item, index) => {
        children.push([String(index), item]);
      });
    } else {
      const keys = Object.keys(visit.value);
      const { max, noun } = fieldLimit(visit);
      if (keys.length > max) {
        return { path: pathOf(visit), message: `at most ${max} ${noun} (got ${keys.length})` };
      }
      for (const key of keys) {
        chars += key.length;
        children.push([key, (visit.value as Record<string, unknown>)[key]]);
      }
    }
    for (const [key, value] of children) {
      if (typeof value === 'string') chars += value.length;
      else if (typeof value === 'object' && value !== null)
        stack.push({ value, key, parent: visit, depth: visit.depth + 1 });
    }
    if (chars > MAX_RECORD_CHARS) {
      return {
        path: at,
        message: `a response holds at most ${MAX_RECORD_CHARS} characters (got more)`,
      };
    }
  }
  return undefined;
}

/** The first record of a batch that crosses a limit (records as they arrived). */
export function batchLimitProblem(records: readonly unknown[]): LimitProblem | undefined {
  for (let index = 0; index < records.length; index++) {
    const problem = recordLimitProblem(records[index], `responses.${index}`);
    if (problem) return problem;
  }
  return undefined;
}
