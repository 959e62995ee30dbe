/**
 * The 95% Wilson score interval of a share k/n (Wilson 1927; Newcombe 1998, method 3),
 * for the options of a single-choice question, whose shares the summary does not carry
 * (it gives counts; multi-choice shares come with their intervals). z = 1.959964.
 */
const Z = 1.959964;

export function wilsonInterval(k: number, n: number): { low: number; high: number } | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
