/**
 * Differences between two independent slices (branch against branch, a period against
 * another) with their 95% intervals: first slice minus second. Each is null when a side has
 * no answers; an interval is null when a side has too few answers for one.
 */
import type { Estimate } from '../contract/results';
import { fewAnswers, moments, npsMoments, type ValueCounts, wilsonInterval } from './estimates';
import { t95, Z_95 } from './quantiles';

/** A difference a − b with its 95% interval; fewAnswers when either side is under 30. */
export type Difference = Omit<Estimate, 'n'>;

/** Either side under FEW_ANSWERS_WARNING_BELOW. */
function fewOnEitherSide(na: number, nb: number): boolean {
  return fewAnswers(na) || fewAnswers(nb);
}

/**
 * The difference of two means with Welch's t-interval: (ma − mb) ± t(0.975, df)·se,
 * se² = sa²/na + sb²/nb, df by Welch–Satterthwaite (Welch 1947, Biometrika 34; as R's
 * t.test(a, b)). No interval unless both sides have 2 answers or more.
 */
export function differenceOfMeans(a: ValueCounts, b: ValueCounts): Difference | null {
  const ma = moments(a);
  const mb = moments(b);
  if (ma.n === 0 || mb.n === 0) return null;
  const value = ma.mean - mb.mean;
  const few = fewOnEitherSide(ma.n, mb.n);
  if (ma.variance === null || mb.variance === null) {
    return { value, low: null, high: null, fewAnswers: few };
  }
  const va = ma.variance / ma.n;
  const vb = mb.variance / mb.n;
  const se2 = va + vb;
  // Both sides without spread: every answer equal on each side, nothing to be unsure of.
  if (se2 === 0) return { value, low: value, high: value, fewAnswers: few };
  const df = se2 ** 2 / (va ** 2 / (ma.n - 1) + vb ** 2 / (mb.n - 1));
  const half = t95(df) * Math.sqrt(se2);
  return { value, low: value - half, high: value + half, fewAnswers: few };
}

/**
 * The difference of two proportions xa/na − xb/nb (on 0..1) with Newcombe's hybrid score
 * interval built from the two Wilson intervals (Newcombe 1998, Statistics in Medicine 17,
 * method 10). Null when a side has no answers.
 */
export function differenceOfProportions(
  xa: number,
  na: number,
  xb: number,
  nb: number,
): Difference | null {
  if (na === 0 || nb === 0) return null;
  const pa = xa / na;
  const pb = xb / nb;
  const wa = wilsonInterval(xa, na);
  const wb = wilsonInterval(xb, nb);
  const value = pa - pb;
  return {
    value,
    low: value - Math.sqrt((pa - wa.low) ** 2 + (wb.high - pb) ** 2),
    high: value + Math.sqrt((wa.high - pa) ** 2 + (pb - wb.low) ** 2),
    fewAnswers: fewOnEitherSide(na, nb),
  };
}

/**
 * The difference of two Net Promoter Scores with a 95% normal interval, the two variances
 * summed (independent samples): (Na − Nb) ± z·100·√(var_a + var_b), on −200..200.
 */
export function differenceOfNps(a: ValueCounts, b: ValueCounts): Difference | null {
  const sa = npsMoments(a);
  const sb = npsMoments(b);
  if (sa.n === 0 || sb.n === 0) return null;
  const value = sa.value - sb.value;
  const half = Z_95 * 100 * Math.sqrt(sa.variance + sb.variance);
  return {
    value,
    // Two scores on −100..100 differ by at most 200; the normal interval may reach past it.
    low: Math.max(-200, value - half),
    high: Math.min(200, value + half),
    fewAnswers: fewOnEitherSide(sa.n, sb.n),
  };
}
