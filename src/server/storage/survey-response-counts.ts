/** How many responses each survey version holds, within the branches a reader may see. */
import type { Storage } from './database';
import type { BranchScope } from './scope';

export interface SurveyVersionCount {
  surveyId: string;
  version: number;
  responses: number;
}

export async function countResponsesBySurveyVersion(
  storage: Storage,
  scope: BranchScope,
): Promise<SurveyVersionCount[]> {
  let query = storage.db
    .selectFrom('responses')
    .select(['survey_id', 'survey_version', (eb) => eb.fn.countAll().as('responses')])
    .groupBy(['survey_id', 'survey_version']);
  if (scope.kind === 'branch') query = query.where('branch_id', '=', scope.branchId);
  const rows = await query.execute();
  return rows.map((row) => ({
    surveyId: row.survey_id,
    version: Number(row.survey_version),
    responses: Number(row.responses),
  }));
}
