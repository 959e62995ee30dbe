/**
 * The dashboard's one reading of the real clock: the presets of the period filter and "last
 * seen 3 days ago" start from it. Everything else takes the time as a parameter.
 */
export function now(): Date {
  return new Date();
}
