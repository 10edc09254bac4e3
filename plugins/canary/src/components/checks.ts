import { CanaryStatus, CanaryStatusCheck } from '../api/types';

/** Every check of the matrix, row by row (cluster), cell by cell (capability). */
export function allChecks(status: CanaryStatus): CanaryStatusCheck[] {
  return status.matrix.flatMap(row => row.cells.flatMap(cell => cell.checks));
}
