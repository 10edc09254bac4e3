/**
 * Fixed buckets of whole-millisecond durations: 0–31 ms one bucket per value,
 * then 8 buckets per power of two (each at most 12.5 % wide). A value's bucket
 * depends on the value alone, so buckets line up across roll-up rows and an
 * exact quantile only has to look at the values of the one bucket it falls in
 * (see quantileOfDurations).
 */
const EXACT = 32;
const PER_OCTAVE = 8;

/** The bucket of a whole number of milliseconds ≥ 0. @public */
export function durationBucket(value: number): number {
  if (value < EXACT) return value;
  let exponent =
    value < 2 ** 32 ? 31 - Math.clz32(value) : Math.floor(Math.log2(value));
  // Math.log2 can be one off near a power of two above 2^32
  while (2 ** exponent > value) exponent--;
  while (2 ** (exponent + 1) <= value) exponent++;
  const step = 2 ** (exponent - 3);
  return EXACT + (exponent - 5) * PER_OCTAVE + (Math.floor(value / step) - 8);
}

/** The lowest value of a bucket: the first one `durationBucket` maps to it. @public */
export function durationBucketStart(bucket: number): number {
  if (bucket < EXACT) return bucket;
  const exponent = 5 + Math.floor((bucket - EXACT) / PER_OCTAVE);
  return (8 + ((bucket - EXACT) % PER_OCTAVE)) * 2 ** (exponent - 3);
}

/** Buckets of every safe integer: `durationBucket(2^53 − 1)` is the last. */
export const DURATION_BUCKETS = EXACT + (52 - 5) * PER_OCTAVE + PER_OCTAVE;

/**
 * Ascending whole-number durations grouped by `durationBucket`, where each
 * bucket's values can be read alone: what a stored roll-up row hands to
 * `canaryWindowStats` without decoding every value. @public
 */
export interface BucketedDurations {
  /** Number of values. */
  readonly count: number;
  /** The non-empty buckets, ascending. */
  readonly buckets: ArrayLike<number>;
  /** How many values each of `buckets` holds. */
  readonly counts: ArrayLike<number>;
  /** The values in one bucket, ascending (empty if none). */
  valuesIn(bucket: number): ArrayLike<number>;
}

/**
 * Durations as a roll-up row holds them: a plain list (ascending whole
 * numbers as written, anything else as hand-made) or bucketed. @public
 */
export type CanaryDurations = readonly number[] | BucketedDurations;

export function isBucketed(d: CanaryDurations): d is BucketedDurations {
  return !Array.isArray(d);
}

/** Every value, ascending for bucketed durations. */
export function allDurations(d: CanaryDurations): number[] {
  if (!isBucketed(d)) return [...d];
  const values: number[] = [];
  for (let i = 0; i < d.buckets.length; i++) {
    const part = d.valuesIn(d.buckets[i]);
    for (let j = 0; j < part.length; j++) values.push(part[j]);
  }
  return values;
}

/** A sorted list of whole numbers seen as buckets (one pass to find them). */
export function bucketSortedList(list: readonly number[]): BucketedDurations {
  const buckets: number[] = [];
  const counts: number[] = [];
  const starts: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const bucket = durationBucket(list[i]);
    if (buckets[buckets.length - 1] === bucket) counts[counts.length - 1]++;
    else {
      buckets.push(bucket);
      counts.push(1);
      starts.push(i);
    }
  }
  return {
    count: list.length,
    buckets,
    counts,
    valuesIn: bucket => {
      const g = buckets.indexOf(bucket);
      return g < 0 ? [] : list.slice(starts[g], starts[g] + counts[g]);
    },
  };
}
