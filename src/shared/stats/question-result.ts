/**
 * One question's figures in a slice, from its counts (src/shared/results/counts.ts): the
 * counts per value and the estimates its type calls for. A slice under MIN_RESPONSES_SHOWN
 * answers gets neither, so that no patron can be singled out.
 */
import { assertNever } from '../assert-never';
import { GAP_DIMENSIONS, NOT_APPLICABLE, scalePoints } from '../contract/constants';
import type { Question } from '../contract/question';
import { type Estimate, MIN_RESPONSES_SHOWN, type QuestionResult } from '../contract/results';
import {
  ANSWER_ITEM,
  ANSWERED,
  EXCLUDED_ITEM,
  GAP_SCORE_ITEMS,
  MINIMUM_ABOVE_DESIRED,
  OTHER_ITEM,
  type QuestionCounts,
  SELECTED,
  SKIPPED,
} from '../results/counts';
import { meanEstimate, npsEstimate, proportionEstimate, type ValueCounts } from './estimates';

/** The points of the rating scale counted as its top two boxes. */
export const TOP_TWO_BOX_POINTS = ['4', '5'] as const;

type GapResult = NonNullable<QuestionResult['gap']>;

/** Values of the answer item that are not answers. */
const NOT_AN_ANSWER = new Set<string>([NOT_APPLICABLE, SKIPPED, ANSWERED]);

/** Whether a slice with n answers is too small to show anything of. */
export function tooFew(n: number): boolean {
  return n < MIN_RESPONSES_SHOWN;
}

/** How many responses answered the question with a value (not N/A, not skipped). */
export function answeredCount(question: Question, counts: QuestionCounts): number {
  const answer = counts[ANSWER_ITEM] ?? {};
  switch (question.type) {
    case 'rating':
    case 'nps':
    case 'single':
      return Object.entries(answer)
        .filter(([value]) => !NOT_AN_ANSWER.has(value))
        .reduce((sum, [, count]) => sum + count, 0);
    case 'multi':
    case 'text':
    case 'gap':
      return answer[ANSWERED] ?? 0;
    default:
      return assertNever(question);
  }
}

/** Every expected value at 0, then the observed ones (a value outside them is kept, not hidden). */
function withZeros(expected: readonly string[], observed: ValueCounts): ValueCounts {
  const counts: ValueCounts = Object.fromEntries(expected.map((value) => [value, 0]));
  for (const [value, count] of Object.entries(observed)) {
    if (!NOT_AN_ANSWER.has(value)) counts[value] = (counts[value] ?? 0) + count;
  }
  return counts;
}

const points = (scale: 'rating' | 'nps' | 'gap') => scalePoints(scale).map(String);

/** The values a gap score can take: perceived − minimum or − desired, each on the gap scale. */
function gapScorePoints(): string[] {
  const scale = scalePoints('gap');
  const span = Math.max(...scale) - Math.min(...scale);
  return Array.from({ length: 2 * span + 1 }, (_, i) => String(i - span));
}

/** Each choice's share of the n who answered, with its Wilson interval. */
function sharesOf(selected: ValueCounts, n: number): Record<string, Estimate> {
  return Object.fromEntries(
    Object.entries(selected).flatMap(([choice, count]) => {
      const share = proportionEstimate(count, n);
      return share ? [[choice, share]] : [];
    }),
  );
}

/** Drops the estimates withheld for resting on fewer than MIN_RESPONSES_SHOWN answers. */
function shown<T extends { n: number }>(estimate: T | null): T | undefined {
  return estimate && !tooFew(estimate.n) ? estimate : undefined;
}

function gapResult(counts: QuestionCounts): GapResult {
  const [minimum, desired, perceived] = GAP_DIMENSIONS.map((line) =>
    withZeros(points('gap'), counts[line] ?? {}),
  ) as [ValueCounts, ValueCounts, ValueCounts];
  const [adequacy, superiority] = GAP_SCORE_ITEMS.map((item) => {
    const scores = withZeros(gapScorePoints(), counts[item] ?? {});
    return shown(meanEstimate(scores)) ? scores : undefined;
  });
  return {
    minimum,
    desired,
    perceived,
    minimumMean: shown(meanEstimate(minimum)),
    desiredMean: shown(meanEstimate(desired)),
    perceivedMean: shown(meanEstimate(perceived)),
    adequacy: shown(meanEstimate(counts.adequacy ?? {})),
    superiority: shown(meanEstimate(counts.superiority ?? {})),
    adequacyCounts: adequacy,
    superiorityCounts: superiority,
    excludedMinimumAboveDesired: counts[EXCLUDED_ITEM]?.[MINIMUM_ABOVE_DESIRED] ?? 0,
  };
}

/** Drops the keys whose value is undefined, so a reply carries only what it has. */
function defined<T extends object>(result: T): T {
  return Object.fromEntries(Object.entries(result).filter(([, value]) => value !== undefined)) as T;
}

/**
 * The figures of one question in a slice: n, N/A and skipped; then, from
 * MIN_RESPONSES_SHOWN answers on, the counts per value and the estimates of its type.
 */
export function questionResult(question: Question, counts: QuestionCounts): QuestionResult {
  const answer = counts[ANSWER_ITEM] ?? {};
  const n = answeredCount(question, counts);
  const base = {
    id: question.id,
    type: question.type,
    n,
    na: answer[NOT_APPLICABLE] ?? 0,
    skipped: answer[SKIPPED] ?? 0,
  };
  if (tooFew(n)) return { ...base, tooFew: true, counts: {} };
  const result = { ...base, tooFew: false };
  switch (question.type) {
    case 'rating': {
      const values = withZeros(points('rating'), answer);
      const top = TOP_TWO_BOX_POINTS.reduce((sum, point) => sum + (values[point] ?? 0), 0);
      return defined({
        ...result,
        counts: values,
        mean: meanEstimate(values) ?? undefined,
        topTwoBox: proportionEstimate(top, n) ?? undefined,
      });
    }
    case 'nps': {
      const values = withZeros(points('nps'), answer);
      return defined({
        ...result,
        counts: values,
        mean: meanEstimate(values) ?? undefined,
        nps: npsEstimate(values) ?? undefined,
      });
    }
    case 'single': {
      const chosen = withZeros(
        question.options.map((option) => option.id),
        answer,
      );
      return { ...result, counts: chosen, shares: sharesOf(chosen, n) };
    }
    case 'multi': {
      const choices = [
        ...question.options.map((option) => option.id),
        ...(question.other || counts[OTHER_ITEM] ? [OTHER_ITEM] : []),
      ];
      const selected: ValueCounts = Object.fromEntries(
        choices.map((choice) => [choice, counts[choice]?.[SELECTED] ?? 0]),
      );
      return { ...result, counts: selected, shares: sharesOf(selected, n) };
    }
    case 'text':
      return { ...result, counts: {} };
    case 'gap':
      return { ...result, counts: {}, gap: defined(gapResult(counts)) };
    default:
      return assertNever(question);
  }
}
