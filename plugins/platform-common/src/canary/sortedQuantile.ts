import { interpolatedQuantile } from '../stats/quantile';
import {
  allDurations,
  BucketedDurations,
  bucketSortedList,
  CanaryDurations,
  isBucketed,
} from './durationBuckets';

function memoize<T>(f: (key: number) => T): (key: number) => T {
  const known = new Map<number, T>();
  return key => {
    if (!known.has(key)) known.set(key, f(key));
    return known.get(key)!;
  };
}

/** Ascending whole numbers ≥ 0: what the buckets need. */
function isAscendingWholeNumbers(list: readonly number[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!Number.isInteger(v) || v < 0 || (i > 0 && list[i - 1] > v)) {
      return false;
    }
  }
  return true;
}

/** One bucket's values of every list, ascending (a typed array sorts natively). */
function bucketValues(
  lists: readonly BucketedDurations[],
  bucket: number,
): Float64Array {
  const parts = lists.map(list => list.valuesIn(bucket));
  const values = new Float64Array(
    parts.reduce((total, part) => total + part.length, 0),
  );
  let at = 0;
  for (const part of parts) {
    values.set(part, at);
    at += part.length;
  }
  return values.sort();
}

/**
 * The value at `index` (0-based) of the union: the bucket it falls in from
 * the counts alone, then only that bucket's values of each list.
 */
function valueAt(
  lists: readonly BucketedDurations[],
  totals: ReadonlyMap<number, number>,
  index: number,
  read: (bucket: number) => Float64Array,
): number {
  let before = 0;
  for (const [bucket, count] of totals) {
    if (index < before + count) return read(bucket)[index - before];
    before += count;
  }
  throw new RangeError(
    `index ${index} is past the ${before} values in ${lists.length} lists`,
  );
}

/**
 * The quantile of the union of duration lists, interpolated between the
 * closest ranks (rank = q × (n − 1)) exactly as `interpolatedQuantile`
 * computes it over the concatenated values; null when there are none.
 *
 * A 30-day window is 2.6 million durations for a component in three clusters;
 * decoding them all was most of the status call. Bucketed lists are counted
 * bucket by bucket and only the bucket holding the rank is read. Lists of
 * other numbers (hand-made rows) are merged, correct and slower.
 */
export function quantileOfDurations(
  lists: readonly CanaryDurations[],
  q: number,
): number | null {
  if (!(q >= 0 && q <= 1)) {
    throw new RangeError(`quantile must be within [0, 1], got ${q}`);
  }
  const plain = lists.filter(l => !isBucketed(l)) as (readonly number[])[];
  if (!plain.every(isAscendingWholeNumbers)) {
    return interpolatedQuantile(
      lists.flatMap(l => [...allDurations(l)]),
      q,
    );
  }
  const bucketed = lists.map(l => (isBucketed(l) ? l : bucketSortedList(l)));
  const totals = new Map<number, number>();
  for (const list of bucketed) {
    for (const { bucket, count } of list.buckets) {
      totals.set(bucket, (totals.get(bucket) ?? 0) + count);
    }
  }
  const n = bucketed.reduce((total, list) => total + list.count, 0);
  if (n === 0) return null;
  const ascending = new Map([...totals].sort(([a], [b]) => a - b));
  const rank = (n - 1) * q;
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  // the two ranks are almost always in one bucket: read it once
  const read = memoize((bucket: number) => bucketValues(bucketed, bucket));
  const low = valueAt(bucketed, ascending, below, read);
  const high =
    above === below ? low : valueAt(bucketed, ascending, above, read);
  return low + (rank - below) * (high - low);
}
