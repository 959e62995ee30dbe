/**
 * GET /results/summary: per question of the survey (of every version: survey-history.ts),
 * the counts per value from the rollups and the estimates of src/shared/stats. The rollups
 * are keyed by survey and question, so a question every version asked is counted across
 * versions. Nothing but the counts of responses is given for a slice under
 * MIN_RESPONSES_SHOWN responses.
 */
import { MIN_RESPONSES_SHOWN, type ResultsSummary } from '../../shared/contract/results';
import type { SurveyStructure } from '../../shared/contract/survey-package';
import { questionResult } from '../../shared/stats';
import type { AskedIn } from '../../shared/survey/question-versions';
import {
  answerCounts,
  type BranchScope,
  type ResultsQuery,
  responseCounts,
  type Storage,
} from '../storage';

/**
 * structure: its questions those of every version; askedIn: which versions asked the
 * questions not asked in all (said in the reply for the questions it gives).
 * questionIds: those questions only, in the survey's order (a question's page reads its
 * own rows, not every question's); unset: every question.
 */
export async function resultsSummary(
  storage: Storage,
  structure: SurveyStructure,
  query: ResultsQuery,
  scope: BranchScope,
  questionIds?: readonly string[],
  askedIn: Readonly<Record<string, AskedIn>> = {},
): Promise<ResultsSummary> {
  const wanted = questionIds?.length ? new Set(questionIds) : undefined;
  const questions = wanted
    ? structure.questions.filter((q) => wanted.has(q.id))
    : structure.questions;
  // Both at once: PostgreSQL runs them on two connections. Under MIN_RESPONSES_SHOWN
  // responses the counts are dropped, and such a slice has few rows to sum. The questions
  // are always named: each is then a range of the rollups' key (survey, question, period),
  // where without them the whole survey's rows would be read for any period.
  const [totals, answers] = await Promise.all([
    responseCounts(storage, query, scope),
    answerCounts(
      storage,
      query,
      scope,
      questions.map((q) => q.id),
    ),
  ]);
  const tooFew = totals.responses < MIN_RESPONSES_SHOWN;
  const counts = tooFew ? new Map() : answers;
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
      places: query.places?.length ? [...query.places] : null,
      includeSuspect: query.includeSuspect ?? false,
    },
    ...totals,
    tooFew,
    questions: tooFew ? [] : questions.map((q) => questionResult(q, counts.get(q.id) ?? {})),
    askedIn: Object.fromEntries(
      questions.flatMap((q) => {
        const asked = askedIn[q.id];
        return asked ? [[q.id, asked] as const] : [];
      }),
    ),
  };
}
