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

/**
 * A bucket's values are selected by counting per millisecond when there are
 * many of them and the bucket is at most this wide (values under ~65 s);
 * otherwise they are sorted. Counting a few values would allocate and scan a
 * 16 KB array for nothing: a 24-hour window has ~25 values per check there.
 */
const COUNTING_WIDTH = 4096;
const COUNTING_MIN_VALUES = 512;

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
 * capped at the last) of one bucket's values across every list.
 */
function pickInBucket(
  lists: readonly BucketedDurations[],
  bucket: number,
  first: number,
): [number, number] {
  const start = durationBucketStart(bucket);
  const width = durationBucketStart(bucket + 1) - start;
  const parts: ArrayLike<number>[] = [];
  let total = 0;
  for (const list of lists) {
    const part = list.valuesIn(bucket);
    parts.push(part);
    total += part.length;
  }
  const second = Math.min(first + 1, total - 1);
  if (width <= COUNTING_WIDTH && total >= COUNTING_MIN_VALUES) {
    const counts = new Uint32Array(width);
    for (const part of parts) {
      for (let i = 0; i < part.length; i++) counts[part[i] - start]++;
    }
    let seen = 0;
    let low = -1;
    for (let offset = 0; offset < width; offset++) {
      seen += counts[offset];
      if (low < 0 && seen > first) low = start + offset;
      if (seen > second) return [low, start + offset];
    }
    throw new RangeError(`position ${second} is past bucket ${bucket}`);
  }
  const values = new Float64Array(total);
  let at = 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) values[at++] = part[i];
  }
  values.sort();
  if (!(second < total)) {
    throw new RangeError(`position ${second} is past bucket ${bucket}`);
  }
  return [values[first], values[second]];
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
  const bucketed: BucketedDurations[] = [];
  for (const list of lists) {
    if (isBucketed(list)) bucketed.push(list);
    else if (isAscendingWholeNumbers(list)) {
      bucketed.push(bucketSortedList(list));
    } else return interpolatedQuantile(lists.flatMap(allDurations), q);
  }
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
  const [low, atBelowPlusOne] = pickInBucket(bucketed, bucket, below - before);
  let high = atBelowPlusOne;
  if (below + 1 === before + totals[bucket] && below + 1 < n) {
    // the next rank is the first value of the next non-empty bucket
    let next = bucket + 1;
    while (totals[next] === 0) next++;
    high = pickInBucket(bucketed, next, 0)[0];
  }
  return low + (rank - below) * (high - low);
}
