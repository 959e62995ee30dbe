/**
 * GET /results/overview: responses and completion, their trend, and each branch with the
 * survey's headline figures (its first rating and its nps question), from the rollups and
 * the estimates of src/shared/stats.
 */
import {
  MIN_RESPONSES_SHOWN,
  type ResultsOverview,
  type TrendInterval,
} from '../../shared/contract/results';
import type { SurveyStructure } from '../../shared/contract/survey-package';
import type { QuestionCounts } from '../../shared/results/counts';
import { proportionEstimate, questionResult } from '../../shared/stats';
import {
  answerCountsByBranch,
  type BranchScope,
  listBranches,
  type ResultsQuery,
  responseCountsByBranch,
  responseTrend,
  type Storage,
  suspectCount,
} from '../storage';

function headlineIds(structure: SurveyStructure) {
  return {
    ratingQuestionId: structure.questions.find((q) => q.type === 'rating')?.id ?? null,
    npsQuestionId: structure.questions.find((q) => q.type === 'nps')?.id ?? null,
  };
}

export async function resultsOverview(
  storage: Storage,
  structure: SurveyStructure,
  query: ResultsQuery,
  scope: BranchScope,
  interval: TrendInterval,
): Promise<ResultsOverview> {
  const headline = headlineIds(structure);
  const rating = structure.questions.find((q) => q.id === headline.ratingQuestionId);
  const nps = structure.questions.find((q) => q.id === headline.npsQuestionId);
  const headlineQuestions = [rating?.id, nps?.id].filter((id): id is string => id !== undefined);
  const [byBranch, trend, answers, branches, suspectLeftOut] = await Promise.all([
    responseCountsByBranch(storage, query, scope),
    responseTrend(storage, query, scope, interval),
    answerCountsByBranch(storage, query, scope, headlineQuestions),
    listBranches(storage),
    suspectCount(storage, query, scope),
  ]);
  const names = new Map(branches.map((b) => [b.id, b.name]));
  let responses = 0;
  let completed = 0;
  for (const counts of byBranch.values()) {
    responses += counts.responses;
    completed += counts.completed;
  }
  const tooFew = responses < MIN_RESPONSES_SHOWN;
  const result = (id: string | undefined, counts: Map<string, QuestionCounts> | undefined) => {
    const question = structure.questions.find((q) => q.id === id);
    return question ? questionResult(question, counts?.get(question.id) ?? {}) : undefined;
  };
  return {
    surveyId: query.surveyId,
    responses,
    completed,
    tooFew,
    suspectLeftOut,
    completionRate: tooFew ? null : proportionEstimate(completed, responses),
    headline,
    trend: { interval, points: trend },
    branches: [...byBranch].map(([branchId, counts]) => {
      const few = counts.responses < MIN_RESPONSES_SHOWN;
      const branchAnswers = answers.get(branchId);
      const ratingResult = few ? undefined : result(rating?.id, branchAnswers);
      const npsResult = few ? undefined : result(nps?.id, branchAnswers);
      return {
        branchId,
        name: names.get(branchId) ?? branchId,
        responses: counts.responses,
        completed: counts.completed,
        tooFew: few,
        completionRate: few ? null : proportionEstimate(counts.completed, counts.responses),
        rating: ratingResult?.mean ?? null,
        topTwoBox: ratingResult?.topTwoBox ?? null,
        nps: npsResult?.nps ?? null,
      };
    }),
  };
}
