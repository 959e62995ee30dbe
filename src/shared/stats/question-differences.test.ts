/*
 * Reference values: R 4.2.2 (Debian r-base-core), options(digits = 17). To recompute:
 *
 *   wt <- function(x, y) c(mean(x) - mean(y), t.test(x, y)$conf.int)   # Welch
 *   wt(rep(1:5, c(3, 5, 12, 20, 10)), rep(1:5, c(6, 9, 10, 8, 4)))      # rating: mean
 *   wt(rep(0:10, c(2, 1, 0, 3, 1, 4, 6, 9, 14, 11, 19)),
 *      rep(0:10, c(31, 12, 18, 25, 30, 66, 90, 180, 260, 240, 310)))     # nps: mean
 *   wt(rep(c(-2, 0, 1, 3), c(3, 5, 7, 2)), rep(c(-1, 0, 2, 4), c(2, 4, 6, 3)))  # adequacy
 *   wt(rep(c(-3, -1, 0, 2), c(4, 6, 5, 2)), rep(c(-2, 0, 1), c(5, 5, 5)))     # superiority
 *
 *   w <- function(x, n) suppressWarnings(prop.test(x, n, correct = FALSE)$conf.int)
 *   nw <- function(x1, n1, x2, n2) {  # Newcombe (1998), method 10; rating: top-two box
 *     p1 <- x1 / n1; p2 <- x2 / n2; a <- w(x1, n1); b <- w(x2, n2); d <- p1 - p2
 *     c(d, d - sqrt((p1 - a[1])^2 + (b[2] - p2)^2), d + sqrt((a[2] - p1)^2 + (p2 - b[1])^2))
 *   }
 *   nw(30, 50, 12, 37)
 *
 *   The NPS difference is the first row of differences.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parsedQuestions } from '../../../test/fixtures/surveys';
import type { Question, QuestionInput } from '../contract/question';
import type { QuestionCounts } from '../results/counts';
import { differencesOfQuestion } from './question-differences';
import { expectClose, REFERENCE } from './testing';

/** One question as the survey schema parses it, defaults filled in. */
const parsed = (input: QuestionInput) => parsedQuestions([input])[0] as Question;

const rating = parsed({ id: 'overall', type: 'rating', scale: 'satisfaction', allowNA: true });
const nps = parsed({ id: 'recommend', type: 'nps' });
const gap = parsed({ id: 'staff-gap', type: 'gap' });
const single = parsed({ id: 'visits', type: 'single', options: [{ id: 'a' }, { id: 'b' }] });
const multi = parsed({ id: 'buy-more', type: 'multi', options: [{ id: 'a' }, { id: 'b' }] });
const text = parsed({ id: 'improve', type: 'text', maxLength: 200 });

/** Counts of 0..10, lowest first, as the R commands above write them. */
const npsAnswers = (k: number[]): QuestionCounts => ({
  '': Object.fromEntries(k.map((count, point) => [String(point), count])),
});

describe(`differencesOfQuestion, against ${REFERENCE}`, () => {
  it('compares two ratings’ means (Welch) and top-two boxes (Newcombe)', () => {
    const differences = differencesOfQuestion(
      rating,
      { '': { '1': 3, '2': 5, '3': 12, '4': 20, '5': 10, na: 4 } },
      { '': { '1': 6, '2': 9, '3': 10, '4': 8, '5': 4, skipped: 2 } },
    );
    expect(differences.tooFew).toBe(false);
    expectClose(differences.mean, [0.71513513513513516, 0.19973442143785905, 1.2305358488324112]);
    expectClose(
      differences.topTwoBox,
      [0.27567567567567564, 0.063475706679339938, 0.45382467312519997],
    );
    expect(differences.mean?.fewAnswers).toBe(false);
    expect(Object.keys(differences).sort()).toEqual(['mean', 'tooFew', 'topTwoBox']);
  });

  it('compares two nps questions’ means (Welch) and scores (normal)', () => {
    const differences = differencesOfQuestion(
      nps,
      npsAnswers([2, 1, 0, 3, 1, 4, 6, 9, 14, 11, 19]),
      npsAnswers([31, 12, 18, 25, 30, 66, 90, 180, 260, 240, 310]),
    );
    expectClose(
      differences.mean,
      [-0.067942042110028744, -0.66567726340374644, 0.52979317918368896],
    );
    expectClose(differences.nps, [-3.4570975775413189, -22.637522730993002, 15.723327575910364]);
    expect(Object.keys(differences).sort()).toEqual(['mean', 'nps', 'tooFew']);
  });

  it('compares two gap items’ adequacy and superiority (Welch)', () => {
    const differences = differencesOfQuestion(
      gap,
      {
        '': { answered: 19 },
        adequacy: { '-2': 3, '0': 5, '1': 7, '3': 2 },
        superiority: { '-3': 4, '-1': 6, '0': 5, '2': 2 },
      },
      {
        '': { answered: 16 },
        adequacy: { '-1': 2, '0': 4, '2': 6, '4': 3 },
        superiority: { '-2': 5, '0': 5, '1': 5 },
      },
    );
    expectClose(
      differences.adequacy,
      [-1.0549019607843135, -2.221888485920521, 0.11208456435189394],
    );
    expectClose(
      differences.superiority,
      [-0.49019607843137253, -1.516644320389819, 0.53625216352707417],
    );
    expect(differences.adequacy?.fewAnswers).toBe(true);
  });

  it('leaves out a gap score that either side has on fewer than 5 scores', () => {
    const differences = differencesOfQuestion(
      gap,
      { '': { answered: 9 }, adequacy: { '1': 4 }, superiority: { '0': 5, '1': 3 } },
      { '': { answered: 9 }, adequacy: { '2': 6 }, superiority: { '0': 4, '-1': 4 } },
    );
    expect(differences).toEqual({
      tooFew: false,
      superiority: {
        value: 0.875,
        low: expect.any(Number),
        high: expect.any(Number),
        fewAnswers: true,
      },
    });
  });
});

describe('differencesOfQuestion under 5 answers on either side', () => {
  const five: QuestionCounts = { '': { '4': 3, '5': 2 } };
  const four: QuestionCounts = { '': { '4': 2, '5': 2, na: 6 } };
  it.each([
    ['the first side has 4', four, five],
    ['the second side has 4', five, four],
  ])('compares nothing when %s', (_, a, b) => {
    expect(differencesOfQuestion(rating, a, b)).toEqual({ tooFew: true });
  });

  it('compares from 5 answers on each side', () => {
    expect(differencesOfQuestion(rating, five, five)).toMatchObject({
      tooFew: false,
      mean: { value: 0 },
      topTwoBox: { value: 0 },
    });
  });
});

describe('differencesOfQuestion for types without an estimate', () => {
  it.each([
    ['single', single, { '': { a: 6, b: 2 } }],
    ['multi', multi, { '': { answered: 8 }, a: { selected: 5 } }],
    ['text', text, { '': { answered: 8 } }],
  ])('%s: compares nothing, with enough answers', (_, question, counts: QuestionCounts) => {
    expect(differencesOfQuestion(question, counts, counts)).toEqual({ tooFew: false });
  });
});
