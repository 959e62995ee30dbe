/**
 * The quantiles the intervals need, from stdlib (ports of Boost's inverse incomplete beta
 * and of the inverse error function, accurate to a few units in the last place). The only
 * module that imports them, so a change of library touches this file alone.
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import studentTQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Every interval here is a two-sided 95% interval: 2.5% left out on each side. */
const UPPER = 0.975;

/** The 0.975 quantile of the standard normal distribution, 1.959963984540054… */
export const Z_95 = normalQuantile(UPPER, 0, 1);

/** The 0.975 quantile of Student's t with `df` degrees of freedom (df may be fractional). */
export function t95(df: number): number {
  return studentTQuantile(UPPER, df);
}
