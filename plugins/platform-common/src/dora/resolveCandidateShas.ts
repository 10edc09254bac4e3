import type { DoraChangeRow, DoraDeploymentRow } from './types';

export interface TimedChange {
  row: DoraChangeRow;
  mergedMs: number;
}

/**
 * The shas a deployment claims to ship, before removing those an earlier
 * deployment already shipped. The sender's `changeShas` win; when empty, the
 * commits of the entity's changes merged since the previous forward
 * deployment started, plus the change merged as the deployed sha itself (its
 * merge may be stamped after the run started). A rollback resolves nothing.
 */
export function resolveCandidateShas(
  deployment: DoraDeploymentRow,
  startedMs: number,
  changesOfEntity: TimedChange[],
  previousStartedMs: number,
): string[] {
  if (deployment.changeShas.length > 0) {
    return deployment.changeShas;
  }
  if (deployment.rollback) {
    return [];
  }
  return changesOfEntity
    .filter(
      ({ row, mergedMs }) =>
        (mergedMs > previousStartedMs && mergedMs <= startedMs) ||
        row.mergeSha === deployment.sha,
    )
    .sort((a, b) => a.mergedMs - b.mergedMs)
    .flatMap(({ row }) => [...row.commits.map(c => c.sha), row.mergeSha]);
}
