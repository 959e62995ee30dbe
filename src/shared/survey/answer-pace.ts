/**
 * Taps that are not answers: a child hammering the screen, or a patron tapping through
 * without reading. The device notes when each question was first answered and, when it
 * queues the response, flags it `suspect` if those moments came implausibly fast. The
 * response is still kept and sent; the collector leaves suspect responses out of the
 * results unless asked. Pure: times are ms on the device's clock, given by the caller.
 *
 * Why these thresholds: answering one screen means reading the question (even a short one,
 * six to ten words, takes an adult reader one and a half to two and a half seconds),
 * reaching for an option, and pressing Next, two aimed taps of about half a second each on
 * a touch screen. That is about three seconds at the very least; a patron who reads, even a
 * quick one, takes longer. So:
 *
 * - a whole survey of at least SUSPECT_MIN_ANSWERS answers given in under SUSPECT_SURVEY_MS
 *   from its start is under three seconds a screen, reading included: not read;
 * - SUSPECT_RUN_ANSWERS answers in a row, each less than SUSPECT_RUN_GAP_MS after the one
 *   before, leave no time to read any of the four questions between them: tapping
 *   through, even if the patron read the first screens with care. One quick answer (a
 *   question the patron expected) happens; five in a row do not.
 *
 * Too few answers say nothing about pace: a walk-away with two answers is never suspect.
 * Answers with no recorded time (a draft from an app before this rule) are left out, and a
 * response with none is never suspect: the flag needs evidence.
 */
import type { Answers } from '../contract/answer';
import { isAnswered } from './conditions';

/** Answers a survey needs before its overall pace says anything. */
export const SUSPECT_MIN_ANSWERS = 5;
/** A survey of SUSPECT_MIN_ANSWERS answers or more, all given within this long of its start (ms). */
export const SUSPECT_SURVEY_MS = 15_000;
/** Answers in a row that are each less than SUSPECT_RUN_GAP_MS after the one before. */
export const SUSPECT_RUN_ANSWERS = 5;
/** The gap between two answers below which the second had no time to be read (ms). */
export const SUSPECT_RUN_GAP_MS = 2_000;

/** When each question was first given an answer, by question id (ms, device clock). */
export type AnswerTimes = Record<string, number>;

export interface AnswerTimings {
  /** When the patron pressed Start (ms); the first answer's time stands in when unknown. */
  startedAtMs?: number | undefined;
  /** When each answered question was answered (ms), in any order. */
  answeredAtMs: readonly number[];
}

/** Whether answers with these moments came too fast to have been read (see above). */
export function isSuspect(timings: AnswerTimings): boolean {
  const times = timings.answeredAtMs.filter(Number.isFinite).sort((a, b) => a - b);
  const first = times[0];
  const last = times.at(-1);
  if (first === undefined || last === undefined) return false;

  const start = Math.min(timings.startedAtMs ?? first, first);
  if (times.length >= SUSPECT_MIN_ANSWERS && last - start < SUSPECT_SURVEY_MS) return true;

  let run = 1;
  for (let i = 1; i < times.length; i++) {
    run = (times[i] as number) - (times[i - 1] as number) < SUSPECT_RUN_GAP_MS ? run + 1 : 1;
    if (run >= SUSPECT_RUN_ANSWERS) return true;
  }
  return false;
}

/**
 * The answer times after a draft's answers changed at `now`: a question answered for the
 * first time gets `now`, one answered before keeps its first time (changing one's mind is
 * no second answer), and one no longer answered loses its time. An answer the previous
 * draft already held without a time (a draft written by an app from before the times) stays
 * untimed: dating it now would make old answers look given all at once.
 */
export function answerTimesAfter(
  previous: { answers: Answers; answerTimes?: AnswerTimes | undefined } | undefined,
  answers: Answers,
  now: number,
): AnswerTimes {
  const times: AnswerTimes = {};
  for (const [questionId, value] of Object.entries(answers)) {
    if (!isAnswered(value)) continue;
    const before = previous?.answerTimes?.[questionId];
    if (before !== undefined) times[questionId] = before;
    else if (!isAnswered(previous?.answers[questionId])) times[questionId] = now;
  }
  return times;
}

/**
 * Whether a response is suspect, from its answers, their recorded times and its start.
 * Only questions answered in the response count; a time for one no longer answered, or an
 * answer without a time, is left out.
 */
export function responseIsSuspect(
  answers: Answers,
  times: AnswerTimes | undefined,
  startedAt: string | undefined,
): boolean {
  if (!times) return false;
  const answeredAtMs = Object.entries(times)
    .filter(([questionId]) => isAnswered(answers[questionId]))
    .map(([, at]) => at);
  const started = startedAt === undefined ? Number.NaN : Date.parse(startedAt);
  return isSuspect({
    answeredAtMs,
    startedAtMs: Number.isFinite(started) ? started : undefined,
  });
}
