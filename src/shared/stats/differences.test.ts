/*
 * Reference values: R 4.2.2 (Debian r-base-core), options(digits = 17). To recompute:
 *
 *   wt <- function(x, y) c(mean(x) - mean(y), t.test(x, y)$conf.int)   # Welch by default
 *   wt(rep(1:5, c(3, 5, 12, 20, 10)), rep(1:5, c(6, 9, 10, 8, 4)))
 *   wt(rep(4, 8), rep(1:5, c(1, 2, 3, 2, 1)))
 *   wt(rep(0:10, c(2, 1, 0, 3, 1, 4, 6, 9, 14, 11, 19)), rep(c(3, 8, 10), c(2, 3, 1)))
 *
 *   w <- function(x, n) suppressWarnings(prop.test(x, n, correct = FALSE)$conf.int)  # Wilson
 *   nw <- function(x1, n1, x2, n2) {  # Newcombe (1998), method 10
 *     p1 <- x1 / n1; p2 <- x2 / n2; a <- w(x1, n1); b <- w(x2, n2); d <- p1 - p2
 *     c(d, d - sqrt((p1 - a[1])^2 + (b[2] - p2)^2), d + sqrt((a[2] - p1)^2 + (p2 - b[1])^2))
 *   }
 *   nw(56, 70, 48, 80); nw(9, 10, 3, 10); nw(6, 7, 2, 7); nw(5, 56, 0, 29)
 *   nw(0, 10, 0, 20); nw(10, 10, 0, 20); nw(30, 50, 30, 50)
 *
 *   nps <- function(k) {  # k: counts of 0..10; score and variance of p − d
 *     n <- sum(k); p <- sum(k[10:11]) / n; d <- sum(k[1:7]) / n
 *     c(100 * (p - d), (p + d - (p - d)^2) / n)
 *   }
 *   nd <- function(a, b) {
 *     x <- nps(a); y <- nps(b); d <- x[1] - y[1]; h <- qnorm(0.975) * 100 * sqrt(x[2] + y[2])
 *     c(d, max(-200, d - h), min(200, d + h))
 *   }
 *   nd(c(2, 1, 0, 3, 1, 4, 6, 9, 14, 11, 19), c(31, 12, 18, 25, 30, 66, 90, 180, 260, 240, 310))
 *   nd(c(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3), c(1, 0, 0, 0, 0, 0, 3, 1, 0, 0, 0))
 *   nd(c(0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3), c(5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
 *
 * The Newcombe rows 56/70 − 48/80 to 5/56 − 0/29 are also the worked examples of the paper,
 * whose four-decimal bounds they round to.
 */
import { describe, expect, it } from 'vitest';
import { differenceOfMeans, differenceOfNps, differenceOfProportions } from './differences';
import type { ValueCounts } from './estimates';
import { expectClose, REFERENCE, type Reference } from './testing';

/** Counts of 0..10, lowest first, as the R commands above write them. */
const npsCounts = (k: number[]): ValueCounts =>
  Object.fromEntries(k.map((count, point) => [String(point), count]));

describe(`differenceOfMeans against ${REFERENCE} t.test(x, y) (Welch)`, () => {
  it.each<[string, ValueCounts, ValueCounts, Reference]>([
    [
      'two ratings: wt(rep(1:5, c(3, 5, 12, 20, 10)), rep(1:5, c(6, 9, 10, 8, 4)))',
      { '1': 3, '2': 5, '3': 12, '4': 20, '5': 10, na: 3 },
      { '1': 6, '2': 9, '3': 10, '4': 8, '5': 4, skipped: 1 },
      [0.71513513513513516, 0.19973442143785905, 1.2305358488324112],
    ],
    [
      'one side without spread, so df is the other side’s n − 1: wt(rep(4, 8), rep(1:5, c(1, 2, 3, 2, 1)))',
      { '4': 8 },
      { '1': 1, '2': 2, '3': 3, '4': 2, '5': 1 },
      [1, 0.058577754000300387, 1.9414222459996995],
    ],
    [
      'unequal sizes and spreads, fractional df: wt(rep(0:10, …), rep(c(3, 8, 10), c(2, 3, 1)))',
      npsCounts([2, 1, 0, 3, 1, 4, 6, 9, 14, 11, 19]),
      { '3': 2, '8': 3, '10': 1 },
      [0.96190476190476204, -2.1167178003712999, 4.0405273241808235],
    ],
  ])('%s', (_, a, b, reference) => {
    expectClose(differenceOfMeans(a, b), reference);
  });

  it.each<[string, ValueCounts, ValueCounts, Reference | null]>([
    ['a side without answers: no difference', { '3': 4 }, { na: 2 }, null],
    [
      'a side with one answer: the difference, no interval',
      { '3': 1 },
      { '4': 3, '5': 2 },
      [-1.4, null, null],
    ],
    [
      'both sides without spread: an interval of no width (R: "data are essentially constant")',
      { '5': 6 },
      { '2': 9 },
      [3, 3, 3],
    ],
  ])('%s', (_, a, b, reference) => {
    const difference = differenceOfMeans(a, b);
    if (reference === null) expect(difference).toBeNull();
    else expectClose(difference, reference);
  });

  it.each([
    [29, 40, true],
    [40, 29, true],
    [30, 30, false],
  ])('warns of few answers with %i and %i answers: %s', (na, nb, warned) => {
    expect(differenceOfMeans({ '2': na - 1, '3': 1 }, { '4': nb })?.fewAnswers).toBe(warned);
  });
});

describe(`differenceOfProportions against Newcombe's method 10 computed in ${REFERENCE}`, () => {
  it.each<[number, number, number, number, Reference]>([
    [56, 70, 48, 80, [0.2, 0.052431472402364926, 0.33387265403690586]],
    [9, 10, 3, 10, [0.6, 0.17052272393450307, 0.80901797353548799]],
    [6, 7, 2, 7, [0.5714285714285714, 0.058227927482312314, 0.80624963752422774]],
    [5, 56, 0, 29, [0.089285714285714288, -0.038137147903536853, 0.19256001385511157]],
    [0, 10, 0, 20, [0, -0.1611251580528193, 0.27753279986288915]],
    [10, 10, 0, 20, [1, 0.67908603714191484, 1]],
    [30, 50, 30, 50, [0, -0.1856083693697457, 0.1856083693697457]],
  ])('%i of %i against %i of %i', (xa, na, xb, nb, reference) => {
    expectClose(differenceOfProportions(xa, na, xb, nb), reference);
  });

  it('gives no difference when a side has nobody', () => {
    expect(differenceOfProportions(3, 5, 0, 0)).toBeNull();
  });
});

describe(`differenceOfNps against the formula computed in ${REFERENCE}`, () => {
  it.each<[string, number[], number[], Reference]>([
    [
      'a small slice against a large one',
      [2, 1, 0, 3, 1, 4, 6, 9, 14, 11, 19],
      [31, 12, 18, 25, 30, 66, 90, 180, 260, 240, 310],
      [-3.4570975775413189, -22.637522730993002, 15.723327575910364],
    ],
    [
      'an upper bound past 200, clamped to it',
      [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3],
      [1, 0, 0, 0, 0, 0, 3, 1, 0, 0, 0],
      [160, 110.41639741563509, 200],
    ],
    [
      'all promoters against all detractors: 200 with no spread',
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3],
      [5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      [200, 200, 200],
    ],
  ])('%s', (_, a, b, reference) => {
    expectClose(differenceOfNps(npsCounts(a), npsCounts(b)), reference);
  });

  it('gives no difference when a side has no answers', () => {
    expect(differenceOfNps({ '9': 3 }, { na: 1 })).toBeNull();
  });
});
