/**
 * The rows the CSV and XLSX exports write (ExportRowSource of routes/export.ts): the
 * responses a filter selects within the scope, in id order, a page at a time.
 */
import type { ResultsFilter } from '../../shared/contract/results';
import { type BranchScope, type Storage, streamResponses } from '../storage';
import type { ExportRow } from './export/columns';
import { resultsQuery } from './query';

export function exportRowSource(
  storage: Storage,
): (filter: ResultsFilter, scope: BranchScope) => AsyncIterable<ExportRow> {
  return (filter, scope) => {
    const query = resultsQuery(filter, scope);
    // Another branch than the scope's is nothing to branch staff.
    return query ? streamResponses(storage, query, scope) : (async function* () {})();
  };
}
