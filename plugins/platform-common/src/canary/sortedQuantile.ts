import { interpolatedQuantile } from '../stats/quantile';
import {
  allDurations,
  BucketedDurations,
  bucketSortedList,
  CanaryDurations,
  DURATION_BUCKETS,
  durationBucketStart,
  isBucketed,
} from './durationBuckets';

/** Buckets up to this wide (values under ~65 s) are selected by counting. */
const COUNTING_WIDTH = 4096;

/** Ascending whole numbers ≥ 0: what the buckets need. */
function isAscendingWholeNumbers(list: readonly number[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!Number.isSafeInteger(v) || v < 0 || (i > 0 && list[i - 1] > v)) {
      return false;
    }
  }
  return true;
}

/**
 * The values at positions `first` and `first + 1` (0-based, the second
 * capped at the last) of one bucket's values across every list. A bucket of
 * durations under ~65 s is at most 4,096 ms wide: its values are counted per
 * millisecond rather than sorted.
 */
function pickInBucket(
  lists: readonly BucketedDurations[],
  bucket: number,
  first: number,
): [number, number] {
  const start = durationBucketStart(bucket);
  const width = durationBucketStart(bucket + 1) - start;
  const parts = lists.map(list => list.valuesIn(bucket));
  if (width <= COUNTING_WIDTH) {
    const counts = new Uint32Array(width);
    let total = 0;
    for (const part of parts) {
      for (let i = 0; i < part.length; i++) counts[part[i] - start]++;
      total += part.length;
    }
    const second = Math.min(first + 1, total - 1);
    let seen = 0;
    let low = -1;
    for (let offset = 0; offset < width; offset++) {
      seen += counts[offset];
      if (low < 0 && seen > first) low = start + offset;
      if (seen > second) return [low, start + offset];
    }
    throw new RangeError(`position ${second} is past bucket ${bucket}`);
  }
  const values = new Float64Array(
    parts.reduce((total, part) => total + part.length, 0),
  );
  let at = 0;
  for (const part of parts) {
    values.set(part, at);
    at += part.length;
  }
  values.sort();
  return [values[first], values[Math.min(first + 1, values.length - 1)]];
}

/**
 * The quantile of the union of duration lists, interpolated between the
 * closest ranks (rank = q × (n − 1)) exactly as `interpolatedQuantile`
 * computes it over the concatenated values; null when there are none.
 *
 * A 30-day window is 2.6 million durations for a component in three clusters;
 * decoding them all was most of the status call. The lists' bucket counts are
 * added, and only the bucket holding the lower rank is read (and the next
 * non-empty one when the upper rank starts it). Lists of other numbers
 * (hand-made rows) are merged, correct and slower.
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
    return interpolatedQuantile(lists.flatMap(allDurations), q);
  }
  const bucketed = lists.map(l => (isBucketed(l) ? l : bucketSortedList(l)));
  const totals = new Float64Array(DURATION_BUCKETS);
  let n = 0;
  for (const list of bucketed) {
    for (let i = 0; i < list.buckets.length; i++) {
      totals[list.buckets[i]] += list.counts[i];
    }
    n += list.count;
  }
  if (n === 0) return null;
  const rank = (n - 1) * q;
  const below = Math.floor(rank);
  let before = 0;
  let bucket = 0;
  while (before + totals[bucket] <= below) before += totals[bucket++];
  let [low, high] = pickInBucket(bucketed, bucket, below - before);
  if (below + 1 === before + totals[bucket] && below + 1 < n) {
    // the next rank is the first value of the next non-empty bucket
    let next = bucket + 1;
    while (totals[next] === 0) next++;
    high = pickInBucket(bucketed, next, 0)[0];
  }
  return low + (rank - below) * (high - low);
}
