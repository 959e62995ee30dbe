/**
 * The cheap look at a sync batch before anything is parsed: one pass over the body's text
 * that counts the members of each object and array, their nesting and each record's size,
 * and stops at the first limit crossed. JSON.parse would build every one of 90,000 answer
 * keys a crafted 1 MiB record holds (hundreds of milliseconds on a busy machine), and a
 * zod parse then cost about a second more; this walk refuses such a body after reading
 * up to the 101st key, having built nothing. Strings are stepped over with indexOf.
 * A kiosk never makes such a record (it runs the same answer checks), so the whole request
 * is refused. Text that is not JSON is left to JSON.parse to say so.
 */
import { GAP_DIMENSIONS, MAX_OPTIONS, MAX_QUESTIONS } from '../../shared/contract/constants';
import { SurveyResponseSchema } from '../../shared/contract/response';
import {
  MAX_BATCH_RESPONSES,
  MAX_RECORD_CHARS,
  MAX_RECORD_NESTING,
} from '../../shared/contract/sync';

/** Where a batch crosses a limit, and which. */
export interface LimitProblem {
  /** Dotted, from the envelope: "responses.3.answers". */
  path: string;
  message: string;
  /** 413 for too many responses in the batch; 400 for a record no kiosk makes. */
  code: 'payload-too-large' | 'bad-request';
}

/** Fields a record may have: the contract's, no more. */
const MAX_RECORD_FIELDS = Object.keys(SurveyResponseSchema.shape).length;
/** Fields an answer object may have: a gap answer's three lines (a choice answer has two). */
const MAX_ANSWER_FIELDS = GAP_DIMENSIONS.length;
/** The envelope is depth 1, its responses 2, a record 3. */
const RECORD_DEPTH = 3;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** An object or array being read. */
interface Level {
  isObject: boolean;
  depth: number;
  /** Index of its opening brace or bracket. */
  start: number;
  /** Its name in its parent: a key's text (with quotes) or an index; '' for the envelope. */
  name: string;
  /** Members begun so far. */
  members: number;
  max: number;
  noun: string;
  /** In an object: the next string is a key. */
  expectingKey: boolean;
  /** The text of the last key read (with quotes), for the name of a child. */
  lastKey: string;
}

function limitOf(
  parent: Level | undefined,
  isObject: boolean,
  name: string,
): { max: number; noun: string } {
  const depth = parent ? parent.depth + 1 : 1;
  const noun = isObject ? 'fields' : 'items';
  if (depth === 1) return { max: MAX_BATCH_RESPONSES, noun };
  if (depth === 2 && name === '"responses"' && !isObject)
    return { max: MAX_BATCH_RESPONSES, noun: 'responses' };
  if (depth === RECORD_DEPTH && isObject) return { max: MAX_RECORD_FIELDS, noun };
  if (depth === RECORD_DEPTH + 1 && name === '"answers"' && isObject)
    return { max: MAX_QUESTIONS, noun: 'answers' };
  return { max: isObject ? MAX_ANSWER_FIELDS : MAX_OPTIONS, noun };
}

function pathOf(stack: readonly Level[]): string {
  return stack
    .slice(1)
    .map((level) => (level.name.startsWith('"') ? String(JSON.parse(level.name)) : level.name))
    .join('.');
}

function problemAt(stack: readonly Level[], message: string): LimitProblem {
  const top = stack.at(-1);
  const tooMany = top?.depth === 2 && top.noun === 'responses';
  return {
    path: pathOf(stack),
    message: tooMany ? `a batch holds at most ${MAX_BATCH_RESPONSES} responses` : message,
    code: tooMany ? 'payload-too-large' : 'bad-request',
  };
}

/** The index of the quote that ends the string opened at `open`, or -1. */
function stringEnd(text: string, open: number): number {
  let at = open;
  for (;;) {
    at = text.indexOf('"', at + 1);
    if (at < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
}

/**
 * The first limit a sync batch's text crosses, or undefined when it is within them all:
 * at most 500 responses; in a record at most 14 fields, 100 answers, 3 fields in an
 * answer, 30 items in a list, 4 levels of nesting and MAX_RECORD_CHARS characters.
 */
export function batchLimitProblem(text: string): LimitProblem | undefined {
  const stack: Level[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const top = stack.at(-1);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      if (top && top.members === 0) top.members = 1;
      if (top?.isObject && top.expectingKey) top.lastKey = text.slice(i, end + 1);
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      // { or [: a member of its parent, then a level of its own.
      if (top && top.members === 0) top.members = 1;
      const isObject = c === 0x7b;
      const name = top ? (top.isObject ? top.lastKey : String(top.members - 1)) : '';
      const depth = (top?.depth ?? 0) + 1;
      const level: Level = {
        isObject,
        depth,
        start: i,
        name,
        members: 0,
        ...limitOf(top, isObject, name),
        expectingKey: isObject,
        lastKey: '',
      };
      stack.push(level);
      if (depth - (RECORD_DEPTH - 1) > MAX_RECORD_NESTING)
        return problemAt(stack, `a response is nested at most ${MAX_RECORD_NESTING} levels deep`);
    } else if (c === 0x7d || c === 0x5d) {
      // } or ]: a record's whole text is its size.
      const level = stack.pop();
      if (level?.depth === RECORD_DEPTH && i + 1 - level.start > MAX_RECORD_CHARS) {
        stack.push(level);
        return problemAt(stack, `a response is at most ${MAX_RECORD_CHARS} characters of JSON`);
      }
    } else if (c === 0x2c && top) {
      // ,: the next member begins.
      top.members++;
      top.expectingKey = top.isObject;
      if (top.members > top.max)
        return problemAt(stack, `at most ${top.max} ${top.noun} (got more)`);
    } else if (c === 0x3a && top) {
      top.expectingKey = false;
    } else if (top && top.members === 0 && c > 0x20) {
      top.members = 1;
    }
  }
  return undefined;
}
