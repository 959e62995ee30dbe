/**
 * Sorts the collector's per-record results for one batch: which responses may be marked
 * synced, which go to quarantine and why, and which were left out (they stay queued).
 * A result for an id that was not in the batch, or a second result for the same id, is
 * ignored: only what was sent can be acknowledged.
 */
import type { SurveyResponse } from '../../shared/contract/response';
import { isAcknowledged, type SyncResult } from '../../shared/contract/sync';
import type { Quarantine } from '../store';

export type QuarantineEntry = Omit<Quarantine, 'at'> & { id: string };

export interface SortedResults {
  acknowledged: string[];
  quarantine: QuarantineEntry[];
  missing: string[];
}

/** The reason kept with a refusal that came without one. */
export const DEFAULT_REASONS: Record<Quarantine['outcome'], string> = {
  conflict: 'the collector already holds a different response with this id',
  rejected: 'the collector refused this response',
};

export function sortResults(
  sent: readonly SurveyResponse[],
  results: readonly SyncResult[],
): SortedResults {
  const first = new Map<string, SyncResult>();
  for (const result of results) {
    if (result.id !== null && !first.has(result.id)) first.set(result.id, result);
  }
  const sorted: SortedResults = { acknowledged: [], quarantine: [], missing: [] };
  for (const { id } of sent) {
    const result = first.get(id);
    if (!result) sorted.missing.push(id);
    else if (isAcknowledged(result.outcome)) sorted.acknowledged.push(id);
    else {
      const outcome = result.outcome as Quarantine['outcome'];
      sorted.quarantine.push({
        id,
        outcome,
        reason: result.reason || DEFAULT_REASONS[outcome],
        ...(result.code ? { code: result.code } : {}),
        ...(result.params ? { params: result.params } : {}),
        ...(result.path ? { path: result.path } : {}),
      });
    }
  }
  return sorted;
}
