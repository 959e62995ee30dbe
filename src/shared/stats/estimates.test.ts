/*
 * Reference values: R 4.2.2 (Debian r-base-core), options(digits = 17). To recompute:
 *
 *   tci <- function(x) c(mean(x), t.test(x)$conf.int)
 *   tci(c(3, 5))
 *   tci(rep(1:5, c(3, 5, 12, 20, 10)))
 *   tci(rep(0:10, c(2, 1, 0, 3, 1, 4, 6, 9, 14, 11, 19)))
 *   tci(rep(c(-2, 0, 1, 3), c(3, 5, 7, 2)))
 *   tci(rep(1:5, c(120, 340, 801, 1503, 977)))
 *
 *   w <- function(x, n) prop.test(x, n, correct = FALSE)$conf.int   # the Wilson interval
 *   w(0, 10); w(10, 10); w(1, 1); w(0, 1); w(5, 5); w(7, 25); w(45, 50); w(123, 400)
 *
 *   nps <- function(k) {  # k: counts of 0..10
 *     n <- sum(k); p <- sum(k[10:11]) / n; d <- sum(k[1:7]) / n
 *     v <- (p + d - (p - d)^2) / n; h <- qnorm(0.975) * 100 * sqrt(v); s <- 100 * (p - d)
 *     c(s, max(-100, s - h), min(100, s + h))
 *   }
 *   nps(c(2, 1, 0, 3, 1, 4, 6, 9, 14, 11, 19))
 *   nps(c(31, 12, 18, 25, 30, 66, 90, 180, 260, 240, 310))
 *   nps(c(0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 8)); nps(c(3, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0))
 *   nps(c(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2)); nps(c(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))
 */
import { describe, expect, it } from 'vitest';
import { meanEstimate, npsEstimate, proportionEstimate, type ValueCounts } from './estimates';
import { t95, Z_95 } from './quantiles';
import { expectClose, REFERENCE, type Reference } from './testing';

/** Counts of 0..10, lowest first, as the R commands above write them. */
const npsCounts = (k: number[]): ValueCounts =>
  Object.fromEntries(k.map((count, point) => [String(point), count]));

describe('quantiles', () => {
  it(`gives the 0.975 normal quantile as ${REFERENCE} qnorm(0.975) does`, () => {
    expect(Z_95).toBeCloseTo(1.9599639845400536, 14);
  });

  it(`gives the 0.975 t quantile with 10 degrees of freedom as ${REFERENCE} qt(0.975, 10) does`, () => {
    expect(t95(10)).toBeCloseTo(2.2281388519862739, 14);
  });
});

describe(`meanEstimate against ${REFERENCE} t.test()`, () => {
  it.each<[string, ValueCounts, Reference]>([
    [
      'two answers, 3 and 5: t.test(c(3, 5))',
      { '3': 1, '5': 1 },
      [4, -8.7062047361746941, 16.706204736174694],
    ],
    [
      'a rating, leaving out N/A and skipped: t.test(rep(1:5, c(3, 5, 12, 20, 10)))',
      { '1': 3, '2': 5, '3': 12, '4': 20, '5': 10, na: 4, skipped: 2 },
      [3.58, 3.2650458610028323, 3.8949541389971678],
    ],
    [
      'an nps 0–10: t.test(rep(0:10, c(2, 1, 0, 3, 1, 4, 6, 9, 14, 11, 19)))',
      npsCounts([2, 1, 0, 3, 1, 4, 6, 9, 14, 11, 19]),
      [7.628571428571429, 7.0442694189040527, 8.2128734382388053],
    ],
    [
      'gap scores below zero: t.test(rep(c(-2, 0, 1, 3), c(3, 5, 7, 2)))',
      { '-2': 3, '0': 5, '1': 7, '3': 2 },
      [0.41176470588235292, -0.33903059290163862, 1.1625600046663445],
    ],
    [
      'a large slice: t.test(rep(1:5, c(120, 340, 801, 1503, 977)))',
      { '1': 120, '2': 340, '3': 801, '4': 1503, '5': 977 },
      [3.7690457097032879, 3.735818904260392, 3.8022725151461838],
    ],
  ])('%s', (_, counts, reference) => {
    expectClose(meanEstimate(counts), reference);
  });

  it('gives no mean without answers (only N/A, skipped and answered counted)', () => {
    expect(meanEstimate({ na: 3, skipped: 2, answered: 5 })).toBeNull();
    expect(meanEstimate({})).toBeNull();
  });

  it('gives the one answer as the mean, without an interval, when there is one answer', () => {
    expect(meanEstimate({ '4': 1 })).toEqual({
      value: 4,
      low: null,
      high: null,
      n: 1,
      fewAnswers: true,
    });
  });

  it('gives an interval of no width when every answer is equal (R: "data are essentially constant")', () => {
    expect(meanEstimate({ '4': 10, '5': 0 })).toEqual({
      value: 4,
      low: 4,
      high: 4,
      n: 10,
      fewAnswers: true,
    });
  });

  it.each([
    [29, true],
    [30, false],
  ])('warns of few answers with %i answers: %s', (n, warned) => {
    expect(meanEstimate({ '3': n })?.fewAnswers).toBe(warned);
  });
});

describe(`proportionEstimate against ${REFERENCE} prop.test(x, n, correct = FALSE)$conf.int (Wilson)`, () => {
  it.each<[number, number, Reference]>([
    [0, 10, [0, 0, 0.27753279986288915]],
    [10, 10, [1, 0.72246720013711085, 1]],
    [1, 1, [1, 0.2065493143772375, 1]],
    [0, 1, [0, 0, 0.79345068562276255]],
    [5, 5, [1, 0.56551753521682535, 1]],
    [7, 25, [0.28, 0.14283853850956565, 0.47576605190361576]],
    [45, 50, [0.9, 0.78639768562520351, 0.95652423506810969]],
    [123, 400, [0.3075, 0.26428739773130389, 0.35437483558740029]],
  ])('%i of %i', (x, n, reference) => {
    expectClose(proportionEstimate(x, n), reference);
  });

  it('gives a bound of exactly 0 or 1 when none or all said yes', () => {
    expect(proportionEstimate(0, 3)?.low).toBe(0);
    expect(proportionEstimate(3, 3)?.high).toBe(1);
    for (const n of [1, 7, 8, 29, 30, 101]) {
      expect(proportionEstimate(0, n)?.low).toBe(0);
      expect(proportionEstimate(n, n)?.high).toBe(1);
    }
  });

  it('gives no proportion of nobody', () => {
    expect(proportionEstimate(0, 0)).toBeNull();
  });
});

describe(`npsEstimate against the formula computed in ${REFERENCE}`, () => {
  it.each<[string, number[], Reference, [number, number, number]]>([
    [
      'a mixed slice: nps(c(2, 1, 0, 3, 1, 4, 6, 9, 14, 11, 19))',
      [2, 1, 0, 3, 1, 4, 6, 9, 14, 11, 19],
      [18.571428571428569, -0.12453767581229513, 37.26739481866943],
      [30, 23, 17],
    ],
    [
      'a large slice: nps(c(31, 12, 18, 25, 30, 66, 90, 180, 260, 240, 310))',
      [31, 12, 18, 25, 30, 66, 90, 180, 260, 240, 310],
      [22.028526148969888, 17.744888074950062, 26.312164222989715],
      [550, 440, 272],
    ],
    [
      'all promoters: no spread, the interval is the score',
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 8],
      [100, 100, 100],
      [12, 0, 0],
    ],
    [
      'all detractors: no spread, the interval is the score',
      [3, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0],
      [-100, -100, -100],
      [0, 0, 6],
    ],
    [
      'four answers whose upper bound passes 100 and is clamped to it',
      [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2],
      [75, 32.565534972143567, 100],
      [3, 1, 0],
    ],
    ['one promoter', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], [100, 100, 100], [1, 0, 0]],
  ])('%s', (_, k, reference, [promoters, passives, detractors]) => {
    const estimate = npsEstimate({ ...npsCounts(k), na: 2, skipped: 1 });
    expectClose(estimate, reference);
    expect(estimate).toMatchObject({
      promoters,
      passives,
      detractors,
      n: k.reduce((a, b) => a + b),
    });
  });

  it('gives no score without answers', () => {
    expect(npsEstimate({ na: 4 })).toBeNull();
  });
});
