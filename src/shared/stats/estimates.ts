/**
 * Estimates of one slice with their 95% intervals, from counts per value: the mean of a
 * scale, a proportion and the Net Promoter Score. Pure arithmetic on counts, so the
 * collector, the admin app and the exports give the same figure.
 */

import type { Estimate, QuestionResult } from '../contract/results';
import { FEW_ANSWERS_WARNING_BELOW } from '../contract/results';
import { t95, Z_95 } from './quantiles';

/** Counts per value: numeric keys are points; 'na', 'skipped', 'answered' and the like are not. */
export type ValueCounts = Record<string, number>;

/** The NPS with its three groups, as the results reply carries it. */
export type NpsEstimate = NonNullable<QuestionResult['nps']>;

/** The Net Promoter Score's groups on its 0–10 scale. */
export const NPS_PROMOTERS_FROM = 9;
export const NPS_DETRACTORS_UP_TO = 6;

/** An integer point: '1', '10', '-3' (gap scores). Anything else is not a point. */
const POINT = /^-?\d+$/;

/** The points and how many answered each, keys that are not points left out. */
export function pointCounts(counts: ValueCounts): Array<{ point: number; count: number }> {
  return Object.entries(counts)
    .filter(([key, count]) => POINT.test(key) && count > 0)
    .map(([key, count]) => ({ point: Number(key), count }));
}

/** n, mean and sample variance (n − 1 in the denominator; null under 2 answers). */
export function moments(counts: ValueCounts): { n: number; mean: number; variance: number | null } {
  const points = pointCounts(counts);
  const n = points.reduce((sum, { count }) => sum + count, 0);
  if (n === 0) return { n, mean: Number.NaN, variance: null };
  const mean = points.reduce((sum, { point, count }) => sum + point * count, 0) / n;
  // Two passes: squared deviations from the mean, not Σx² − n·mean², which cancels badly.
  const squares = points.reduce((sum, { point, count }) => sum + count * (point - mean) ** 2, 0);
  return { n, mean, variance: n < 2 ? null : squares / (n - 1) };
}

/** Whether an estimate on n answers carries the "few answers" warning. */
export function fewAnswers(n: number): boolean {
  return n < FEW_ANSWERS_WARNING_BELOW;
}

/**
 * The mean of the points with a 95% Student t-interval: mean ± t(0.975, n − 1)·s/√n
 * (Student 1908; as R's t.test). Null without answers; no interval under 2 answers.
 */
export function meanEstimate(counts: ValueCounts): Estimate | null {
  const { n, mean, variance } = moments(counts);
  if (n === 0) return null;
  if (variance === null)
    return { value: mean, low: null, high: null, n, fewAnswers: fewAnswers(n) };
  const half = t95(n - 1) * Math.sqrt(variance / n);
  return { value: mean, low: mean - half, high: mean + half, n, fewAnswers: fewAnswers(n) };
}

/** The Wilson score interval's bounds for x of n (n ≥ 1), within 0..1. */
export function wilsonInterval(x: number, n: number): { low: number; high: number } {
  // Wilson (1927), "Probable inference, the law of succession, and statistical inference",
  // JASA 22: (x + z²/2)/(n + z²) ± z/(n + z²)·√(x(n − x)/n + z²/4); R's prop.test(correct = FALSE).
  const z2 = Z_95 * Z_95;
  const centre = (x + z2 / 2) / (n + z2);
  const half = (Z_95 / (n + z2)) * Math.sqrt((x * (n - x)) / n + z2 / 4);
  // At x = 0 the low bound is 0 and at x = n the high bound is 1 in exact arithmetic;
  // rounding may leave them a hair off (2.8e-17 for 0 of 8), so they are set exactly.
  return {
    low: x === 0 ? 0 : Math.max(0, centre - half),
    high: x === n ? 1 : Math.min(1, centre + half),
  };
}

/**
 * The proportion x/n (0..1) with its 95% Wilson score interval, which keeps its coverage
 * for small n and for proportions near 0 or 1, where the textbook Wald interval does not.
 * Null when n is 0.
 */
export function proportionEstimate(x: number, n: number): Estimate | null {
  if (n === 0) return null;
  return { value: x / n, ...wilsonInterval(x, n), n, fewAnswers: fewAnswers(n) };
}

/** Promoters (9–10), passives (7–8) and detractors (0–6) among the 0–10 answers. */
export function npsGroups(counts: ValueCounts): {
  promoters: number;
  passives: number;
  detractors: number;
} {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const { point, count } of pointCounts(counts)) {
    if (point < 0 || point > 10) continue;
    if (point >= NPS_PROMOTERS_FROM) promoters += count;
    else if (point <= NPS_DETRACTORS_UP_TO) detractors += count;
    else passives += count;
  }
  return { promoters, passives, detractors };
}

/**
 * The NPS as a share p of promoters and d of detractors among n: its value 100·(p − d) and
 * the variance of p − d, (p + d − (p − d)²)/n, the variance of a difference of two shares of
 * one multinomial sample (the score of each answer is +1, 0 or −1).
 */
export function npsMoments(counts: ValueCounts): { n: number; value: number; variance: number } {
  const { promoters, passives, detractors } = npsGroups(counts);
  const n = promoters + passives + detractors;
  if (n === 0) return { n, value: Number.NaN, variance: Number.NaN };
  const p = promoters / n;
  const d = detractors / n;
  return { n, value: 100 * (p - d), variance: (p + d - (p - d) ** 2) / n };
}

/**
 * The Net Promoter Score (Reichheld 2003) with a 95% normal interval,
 * 100·(p − d) ± z·100·√((p + d − (p − d)²)/n). Null without answers.
 */
export function npsEstimate(counts: ValueCounts): NpsEstimate | null {
  const groups = npsGroups(counts);
  const { n, value, variance } = npsMoments(counts);
  if (n === 0) return null;
  const half = Z_95 * 100 * Math.sqrt(variance);
  return {
    value,
    // The normal approximation can reach past the scale for small n or a lopsided slice;
    // the score cannot, so the bounds are clamped to −100..100.
    low: Math.max(-100, value - half),
    high: Math.min(100, value + half),
    n,
    fewAnswers: fewAnswers(n),
    ...groups,
  };
}
