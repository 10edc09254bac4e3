import { interpolatedQuantile } from '../stats/quantile';

/** Ascending whole numbers: what the binary search over values needs. */
function isAscendingIntegers(list: readonly number[]): boolean {
  return list.every(
    (value, i) => Number.isInteger(value) && (i === 0 || list[i - 1] <= value),
  );
}

/** How many values of an ascending list are ≤ value. */
function countAtMost(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The value at `index` (0-based) of the union of ascending lists of integers,
 * without merging them: a binary search over the values, counting each list
 * with its own binary search. 30 days of one-minute runs are 720 lists of 60.
 */
function valueAt(
  lists: readonly (readonly number[])[],
  index: number,
  min: number,
  max: number,
): number {
  let lo = min;
  let hi = max;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const count = lists.reduce((n, list) => n + countAtMost(list, mid), 0);
    if (count >= index + 1) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The quantile of the union of lists, interpolated between the closest ranks
 * (rank = q × (n − 1)) exactly as `interpolatedQuantile` computes it over the
 * concatenated values; null when the lists are empty. Lists of ascending whole
 * numbers (roll-up rows) are not merged; anything else is.
 */
export function quantileOfSortedLists(
  lists: readonly (readonly number[])[],
  q: number,
): number | null {
  const nonEmpty = lists.filter(list => list.length > 0);
  const n = nonEmpty.reduce((total, list) => total + list.length, 0);
  if (n === 0) return null;
  if (!nonEmpty.every(isAscendingIntegers)) {
    // rows written by hand or by an older writer: correct, just slower
    return interpolatedQuantile(nonEmpty.flat(), q);
  }
  // reduce, not Math.min(...): a 30-day roll-up of many checks is many lists
  const min = nonEmpty.reduce((m, list) => Math.min(m, list[0]), Infinity);
  const max = nonEmpty.reduce(
    (m, list) => Math.max(m, list[list.length - 1]),
    -Infinity,
  );
  const rank = (n - 1) * q;
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  const low = valueAt(nonEmpty, below, min, max);
  const high = above === below ? low : valueAt(nonEmpty, above, min, max);
  return low + (rank - below) * (high - low);
}
