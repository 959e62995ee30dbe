/**
 * One question compared between two independent slices (branch against branch, a period
 * against another): the differences its type calls for, first slice minus second. Nothing
 * is compared when either slice is under MIN_RESPONSES_SHOWN answers, the rule every
 * figure keeps so that no patron can be singled out.
 */
import { assertNever } from '../assert-never';
import type { Question } from '../contract/question';
import { ANSWER_ITEM, type QuestionCounts } from '../results/counts';
import {
  type Difference,
  differenceOfMeans,
  differenceOfNps,
  differenceOfProportions,
} from './differences';
import { moments, type ValueCounts } from './estimates';
import { answeredCount, TOP_TWO_BOX_POINTS, tooFew } from './question-result';

/** The differences of one question between two slices; only those of its type are set. */
export type QuestionDifferences = {
  /** Either slice under MIN_RESPONSES_SHOWN answers: no difference is given. */
  tooFew: boolean;
  /** rating, nps: difference of means (Welch). */
  mean?: Difference;
  /** rating: difference of top-two-box shares on 0..1 (Newcombe). */
  topTwoBox?: Difference;
  /** nps: difference of scores on −200..200. */
  nps?: Difference;
  /** gap: difference of mean adequacy and of mean superiority (Welch). */
  adequacy?: Difference;
  superiority?: Difference;
};

/** Both sides have at least MIN_RESPONSES_SHOWN points in these counts. */
function bothShown(a: ValueCounts, b: ValueCounts): boolean {
  return !tooFew(moments(a).n) && !tooFew(moments(b).n);
}

function topTwoBox(a: ValueCounts, b: ValueCounts): Difference | null {
  const top = (counts: ValueCounts) =>
    TOP_TWO_BOX_POINTS.reduce((sum, point) => sum + (counts[point] ?? 0), 0);
  return differenceOfProportions(top(a), moments(a).n, top(b), moments(b).n);
}

/** The gap score `item` compared, when both sides have enough scores (N/A and exclusions drop some). */
function gapScore(a: QuestionCounts, b: QuestionCounts, item: 'adequacy' | 'superiority') {
  const sa = a[item] ?? {};
  const sb = b[item] ?? {};
  return bothShown(sa, sb) ? differenceOfMeans(sa, sb) : null;
}

/** Keeps the differences that could be computed. */
function given(differences: Record<string, Difference | null>): Record<string, Difference> {
  return Object.fromEntries(
    Object.entries(differences).filter((entry): entry is [string, Difference] => entry[1] !== null),
  );
}

/**
 * The differences between two slices' counts of the same question, first minus second:
 * rating → mean and top-two box; nps → mean and NPS; gap → adequacy and superiority;
 * single, multi and text → none.
 */
export function differencesOfQuestion(
  question: Question,
  a: QuestionCounts,
  b: QuestionCounts,
): QuestionDifferences {
  if (tooFew(answeredCount(question, a)) || tooFew(answeredCount(question, b))) {
    return { tooFew: true };
  }
  const answerA = a[ANSWER_ITEM] ?? {};
  const answerB = b[ANSWER_ITEM] ?? {};
  switch (question.type) {
    case 'rating':
      return {
        tooFew: false,
        ...given({
          mean: differenceOfMeans(answerA, answerB),
          topTwoBox: topTwoBox(answerA, answerB),
        }),
      };
    case 'nps':
      return {
        tooFew: false,
        ...given({
          mean: differenceOfMeans(answerA, answerB),
          nps: differenceOfNps(answerA, answerB),
        }),
      };
    case 'gap':
      return {
        tooFew: false,
        ...given({
          adequacy: gapScore(a, b, 'adequacy'),
          superiority: gapScore(a, b, 'superiority'),
        }),
      };
    case 'single':
    case 'multi':
    case 'text':
      return { tooFew: false };
    default:
      return assertNever(question);
  }
}
