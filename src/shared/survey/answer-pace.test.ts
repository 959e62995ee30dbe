import { describe, expect, it } from 'vitest';
import {
  answerTimesAfter,
  isSuspect,
  responseIsSuspect,
  SUSPECT_RUN_GAP_MS,
  SUSPECT_SURVEY_MS,
} from './answer-pace';

const START_MS = Date.parse('2026-11-20T10:00:00.000Z');

/** Answer moments from the seconds after Start at which each answer was given. */
function at(...seconds: number[]): number[] {
  return seconds.map((s) => START_MS + s * 1000);
}

describe('isSuspect', () => {
  it.each<[string, number[], boolean]>([
    ['a careful patron: 8 answers over two minutes', at(9, 21, 30, 44, 58, 75, 96, 118), false],
    [
      'a fast but real patron: 8 answers, 3 to 4 s each',
      at(4, 7.5, 11, 14.5, 18, 21, 24.5, 28),
      false,
    ],
    ['a child hammering: 7 answers within 4 s', at(0.4, 0.9, 1.3, 1.8, 2.6, 3.1, 3.9), true],
    [
      'tapping through: 4 read with care, then 5 in under 2 s each',
      at(10, 25, 40, 55, 56.5, 58, 59.2, 60.9, 62.1),
      true,
    ],
    ['a walk-away with two answers, given fast', at(1, 1.5), false],
    ['a walk-away with four quick answers: too few to tell', at(1, 2, 3, 4), false],
    ['five answers just over the survey limit, each over 2 s apart', at(3, 6, 9, 12, 15.1), false],
    ['five answers just under the survey limit', at(3, 6, 9, 12, 14.9), true],
    [
      'four quick answers in a row, then a pause, then four more',
      at(20, 21, 22, 23, 40, 41, 42, 43),
      false,
    ],
    ['no answers', [], false],
  ])('%s → %s', (_name, answeredAtMs, suspect) => {
    expect(isSuspect({ startedAtMs: START_MS, answeredAtMs })).toBe(suspect);
  });

  it('counts from the first answer when the start is unknown, and takes answers in any order', () => {
    const times = at(60, 63, 66, 69, 72);
    expect(isSuspect({ answeredAtMs: times })).toBe(true);
    expect(isSuspect({ startedAtMs: START_MS, answeredAtMs: times })).toBe(false);
    expect(isSuspect({ answeredAtMs: at(1.8, 0.6, 2.4, 0, 1.2) })).toBe(true);
  });

  it('holds its thresholds strictly: exactly the limit is not below it', () => {
    const run = [0, 1, 2, 3, 4].map((i) => START_MS + 60_000 + i * SUSPECT_RUN_GAP_MS);
    expect(isSuspect({ startedAtMs: START_MS, answeredAtMs: run })).toBe(false);
    const whole = [1, 2, 3, 4].map((i) => START_MS + (i * SUSPECT_SURVEY_MS) / 4);
    expect(isSuspect({ startedAtMs: START_MS, answeredAtMs: [START_MS + 3_000, ...whole] })).toBe(
      false,
    );
  });
});

describe('answerTimesAfter', () => {
  it('dates a new answer now, keeps the first time of a changed one and drops a cleared one', () => {
    const first = answerTimesAfter(undefined, { a: 1, b: 'weekly' }, 1_000);
    expect(first).toEqual({ a: 1_000, b: 1_000 });
    const answers = { a: 4, b: '  ', c: { selected: ['x'] } };
    const changed = answerTimesAfter(
      { answers: { a: 1, b: 'weekly' }, answerTimes: first },
      answers,
      5_000,
    );
    expect(changed).toEqual({ a: 1_000, c: 5_000 });
  });

  it('leaves untimed the answers a draft from before the times already held', () => {
    const old = { answers: { a: 1, b: 2 } };
    expect(answerTimesAfter(old, { a: 1, b: 3, c: 5 }, 9_000)).toEqual({ c: 9_000 });
  });
});

describe('responseIsSuspect', () => {
  it('reads only the answered questions’ times, from the response’s start', () => {
    const startedAt = new Date(START_MS).toISOString();
    const answers = { a: 1, b: 2, c: 3, d: 4, e: 5 };
    const times = { a: START_MS + 1_000, b: START_MS + 2_000, c: START_MS + 3_000 };
    const quick = { ...times, d: START_MS + 4_000, e: START_MS + 5_000 };
    expect(responseIsSuspect(answers, quick, startedAt)).toBe(true);
    // A draft from before answer times were kept: two answers have none, too few to tell.
    expect(responseIsSuspect(answers, times, startedAt)).toBe(false);
    expect(responseIsSuspect(answers, undefined, startedAt)).toBe(false);
    expect(responseIsSuspect({ a: 1 }, quick, startedAt)).toBe(false);
  });
});
