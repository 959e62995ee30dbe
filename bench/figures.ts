/** The figures the benchmarks print: order statistics of measured durations, and their format. */

/** The q-quantile (0..1) of the values, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('no values to take a quantile of');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

/** "p50 / p95 / max" of durations in ms, one decimal. */
export function spread(values: readonly number[]): string {
  const ms = (v: number) => v.toFixed(1);
  return `p50 ${ms(quantile(values, 0.5))} ms, p95 ${ms(quantile(values, 0.95))} ms, max ${ms(Math.max(...values))} ms`;
}

/**
 * Total blocking time as Lighthouse computes it: each long task clipped to [from, until]
 * (its first contentful paint and, there, its time to interactive), then the part of it
 * beyond 50 ms.
 */
export function blockingWithin(
  tasks: readonly { start: number; duration: number }[],
  from: number,
  until: number,
): number {
  // No paint or no end measured: no figure, rather than a zero that would pass for one.
  if (!Number.isFinite(from) || !Number.isFinite(until)) return Number.NaN;
  let sum = 0;
  for (const task of tasks) {
    const clipped = Math.min(task.start + task.duration, until) - Math.max(task.start, from);
    if (clipped > 50) sum += clipped - 50;
  }
  return sum;
}
