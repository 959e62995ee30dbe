/**
 * Which branches a staff member may read: every branch (a network administrator) or their
 * own (branch staff). Every results query takes one and applies it in SQL, so a branch's
 * data cannot leak through a page, an API reply or an export that forgot to filter.
 */
export type BranchScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'branch'; readonly branchId: string };

export const ALL_BRANCHES: BranchScope = { kind: 'all' };

/** The branches a filter may ask for within a scope: null means every branch. */
export function branchesInScope(
  scope: BranchScope,
  asked: readonly string[] | undefined,
): readonly string[] | null {
  if (scope.kind === 'all') return asked && asked.length > 0 ? asked : null;
  return [scope.branchId];
}
