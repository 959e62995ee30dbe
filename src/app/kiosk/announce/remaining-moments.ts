/**
 * When the walk-away question says aloud how much time is left. Once a second would drown
 * the question and its button in speech (and a screen reader cannot be interrupted by the
 * patron's own reading), so the time is spoken when the question opens and again when
 * little is left; the visible countdown goes on ticking silently.
 */

/** Seconds left at which the time is said again, besides the moment the question opens. */
export const REMAINING_MARKS: readonly number[] = [10];

/**
 * Whether `secondsLeft` is a moment to say the time: the first value seen (`lastSaid`
 * undefined: the question just opened), or the first value at or under a mark the last
 * announcement was above. A tick that skips past a mark (a tablet that slept) still says it.
 */
export function isRemainingMoment(secondsLeft: number, lastSaid: number | undefined): boolean {
  if (lastSaid === undefined) return true;
  return REMAINING_MARKS.some((mark) => secondsLeft <= mark && lastSaid > mark);
}
