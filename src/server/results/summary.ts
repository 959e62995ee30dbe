/**
 * GET /results/summary: per question of the survey (its latest version), the counts per
 * value from the rollups and the estimates of src/shared/stats. Nothing but the counts of
 * responses is given for a slice under MIN_RESPONSES_SHOWN responses.
 */
import { MIN_RESPONSES_SHOWN, type ResultsSummary } from '../../shared/contract/results';
import type { SurveyStructure } from '../../shared/contract/survey-package';
import { questionResult } from '../../shared/stats';
import {
  answerCounts,
  type BranchScope,
  type ResultsQuery,
  responseCounts,
  type Storage,
} from '../storage';

export async function resultsSummary(
  storage: Storage,
  structure: SurveyStructure,
  query: ResultsQuery,
  scope: BranchScope,
): Promise<ResultsSummary> {
  const totals = await responseCounts(storage, query, scope);
  const tooFew = totals.responses < MIN_RESPONSES_SHOWN;
  const counts = tooFew ? new Map() : await answerCounts(storage, query, scope);
  return {
    surveyId: query.surveyId,
    filter: {
      from: query.from ?? null,
      to: query.to ?? null,
      branches: query.branches?.length ? [...query.branches] : null,
      channels: query.channels?.length
        ? ([...query.channels] as ResultsSummary['filter']['channels'])
        : null,
      locales: query.locales?.length ? [...query.locales] : null,
      completed: query.completed ?? null,
    },
    ...totals,
    tooFew,
    questions: tooFew
      ? []
      : structure.questions.map((q) => questionResult(q, counts.get(q.id) ?? {})),
  };
}
