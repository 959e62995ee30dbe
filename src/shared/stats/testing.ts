/**
 * Helpers for the statistics' tests: the reference tool's name and a comparison of a
 * figure and its interval with the reference values, to 1e-9.
 */
import { expect } from 'vitest';

/** The tool every reference value in these tests was computed with (Debian's r-base-core). */
export const REFERENCE = 'R 4.2.2';

/** Absolute tolerance against the reference values, on the figure's own scale. */
const DIGITS = 9;

/** [value, low, high] as the reference tool prints them; null where there is no bound. */
export type Reference = [number, number | null, number | null];

export function expectClose(
  actual: { value: number; low: number | null; high: number | null } | null | undefined,
  [value, low, high]: Reference,
): void {
  expect(actual).toBeTruthy();
  if (!actual) return;
  expect(actual.value).toBeCloseTo(value, DIGITS);
  for (const [bound, expected] of [
    [actual.low, low],
    [actual.high, high],
  ] as const) {
    if (expected === null) expect(bound).toBeNull();
    else expect(bound).toBeCloseTo(expected, DIGITS);
  }
}
