/**
 * How answers are counted: the shape in which the collector's database hands the counts of
 * one question in a slice to the estimates (src/shared/stats). The tally of one response
 * (tally.ts) produces the same keys.
 *
 * item '' is the answer itself, with value:
 *   rating, nps, single: the answer ('1'…'5', '0'…'10', an option id), 'na' or 'skipped';
 *   multi, text, gap: 'answered', 'na' or 'skipped'.
 * multi: item <option id> or 'other', value 'selected'.
 * gap: items 'minimum', 'desired', 'perceived' with value '1'…'9' or 'na';
 *   'adequacy' (perceived − minimum) and 'superiority' (perceived − desired) with value
 *   '-8'…'8', each only where both lines are points and minimum is not above desired;
 *   'excluded' with value 'minimum-above-desired', once per answer left out for that.
 */
export type QuestionCounts = Record<string, Record<string, number>>;

/** The item of the answer itself. */
export const ANSWER_ITEM = '';
export const SKIPPED = 'skipped';
export const ANSWERED = 'answered';
export const SELECTED = 'selected';
export const OTHER_ITEM = 'other';
export const GAP_SCORE_ITEMS = ['adequacy', 'superiority'] as const;
export const EXCLUDED_ITEM = 'excluded';
export const MINIMUM_ABOVE_DESIRED = 'minimum-above-desired';
