/**
 * What Compare compares: two slices of the same survey, branch against branch or period
 * against period, each the page's other filters plus its own branch or days. Kept in the
 * URL (mode, a, b, afrom, ato, bfrom, bto) like every filter, so a comparison can be shared.
 * The differences are computed here from the two summaries' counts per value.
 */
import type { Question } from '../shared/contract/question';
import type { QuestionResult } from '../shared/contract/results';
import { ANSWER_ITEM, ANSWERED, type QuestionCounts, SELECTED } from '../shared/results/counts';
import { differencesOfQuestion, type QuestionDifferences } from '../shared/stats';
import { type Filters, filterQuery, isoDay } from './filters';

export const COMPARE_MODES = ['branch', 'period'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

export interface Slice {
  branch?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface Comparison {
  mode: CompareMode;
  a: Slice;
  b: Slice;
}

export const PERIOD_PAIRS = ['this-year-last-year', 'last-30-days-before'] as const;
export type PeriodPair = (typeof PERIOD_PAIRS)[number];

/** Two periods from `today`: this year so far against the same days last year, or 30 days against the 30 before. */
export function periodPair(pair: PeriodPair, today: Date): { a: Slice; b: Slice } {
  const year = today.getFullYear();
  switch (pair) {
    case 'this-year-last-year': {
      const sameDayLastYear = new Date(today);
      sameDayLastYear.setFullYear(year - 1);
      return {
        a: { from: `${year}-01-01`, to: isoDay(today) },
        b: { from: `${year - 1}-01-01`, to: isoDay(sameDayLastYear) },
      };
    }
    case 'last-30-days-before': {
      const day = (back: number) => {
        const d = new Date(today);
        d.setDate(d.getDate() - back);
        return isoDay(d);
      };
      return { a: { from: day(29), to: day(0) }, b: { from: day(59), to: day(30) } };
    }
  }
}

export function readComparison(
  query: URLSearchParams,
  defaults: {
    branchA?: string | undefined;
    branchB?: string | undefined;
    today: Date;
    canChooseBranches: boolean;
  },
): Comparison {
  const asked = query.get('mode');
  const mode: CompareMode = defaults.canChooseBranches && asked !== 'period' ? 'branch' : 'period';
  if (mode === 'branch') {
    return {
      mode,
      a: { branch: query.get('a') || defaults.branchA },
      b: { branch: query.get('b') || defaults.branchB },
    };
  }
  const fallback = periodPair('this-year-last-year', defaults.today);
  const day = (key: string) => query.get(key) || undefined;
  const custom = ['afrom', 'ato', 'bfrom', 'bto'].some((key) => query.has(key));
  return custom
    ? { mode, a: { from: day('afrom'), to: day('ato') }, b: { from: day('bfrom'), to: day('bto') } }
    : { mode, ...fallback };
}

export function writeComparison(query: URLSearchParams, comparison: Comparison): URLSearchParams {
  const next = new URLSearchParams(query);
  for (const key of ['mode', 'a', 'b', 'afrom', 'ato', 'bfrom', 'bto']) next.delete(key);
  next.set('mode', comparison.mode);
  const set = (key: string, value: string | undefined) => value && next.set(key, value);
  if (comparison.mode === 'branch') {
    set('a', comparison.a.branch);
    set('b', comparison.b.branch);
  } else {
    set('afrom', comparison.a.from);
    set('ato', comparison.a.to);
    set('bfrom', comparison.b.from);
    set('bto', comparison.b.to);
  }
  return next;
}

/** The summary query of one slice: the page's filters with the slice's branch or days. */
export function sliceQuery(filters: Filters, mode: CompareMode, slice: Slice): URLSearchParams {
  return filterQuery(
    mode === 'branch'
      ? { ...filters, branches: slice.branch ? [slice.branch] : [] }
      : { ...filters, from: slice.from, to: slice.to },
  );
}

/**
 * A question's counts as the summary gives them, back in the shape the statistics read
 * (shared/results/counts.ts): the answer's counts, or for a gap item the counts of each
 * answer's adequacy and superiority. What the summary withholds stays out.
 */
export function countsOfResult(result: QuestionResult): QuestionCounts {
  switch (result.type) {
    case 'rating':
    case 'nps':
    case 'single':
      return { [ANSWER_ITEM]: result.counts };
    case 'multi':
      return {
        [ANSWER_ITEM]: { [ANSWERED]: result.n },
        ...Object.fromEntries(
          Object.entries(result.counts).map(([option, count]) => [option, { [SELECTED]: count }]),
        ),
      };
    case 'text':
      return { [ANSWER_ITEM]: { [ANSWERED]: result.n } };
    case 'gap':
      return {
        [ANSWER_ITEM]: { [ANSWERED]: result.n },
        adequacy: result.gap?.adequacyCounts ?? {},
        superiority: result.gap?.superiorityCounts ?? {},
      };
  }
}

/** The differences of one question between two slices' summaries, first minus second. */
export function compareResults(
  question: Question,
  a: QuestionResult,
  b: QuestionResult,
): QuestionDifferences {
  return differencesOfQuestion(question, countsOfResult(a), countsOfResult(b));
}
