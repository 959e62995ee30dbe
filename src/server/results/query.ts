/**
 * From the results filters as the API takes them (ResultsFilter) to the storage queries'
 * (ResultsQuery), within what the signed-in person may read. Branch staff asking for
 * another branch are told there is no such thing (404), as for anything else out of scope.
 */
import type { ResultsFilter } from '../../shared/contract/results';
import type { BranchScope, ResultsQuery } from '../storage';

/** The storage query of a filter; null when it names a branch outside the scope. */
export function resultsQuery(filter: ResultsFilter, scope: BranchScope): ResultsQuery | null {
  if (scope.kind === 'branch' && filter.branch?.some((b) => b !== scope.branchId)) return null;
  return {
    surveyId: filter.survey,
    from: filter.from,
    to: filter.to,
    branches: scope.kind === 'branch' ? [scope.branchId] : filter.branch,
    channels: filter.channel,
    locales: filter.locale,
    completed: filter.completed,
    places: filter.place,
    includeSuspect: filter.suspect === 'include',
  };
}
