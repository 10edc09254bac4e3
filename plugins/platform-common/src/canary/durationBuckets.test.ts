import { interpolatedQuantile } from '../stats/quantile';
import {
  allDurations,
  BucketedDurations,
  bucketSortedList,
  durationBucket,
  durationBucketStart,
} from './durationBuckets';
import { quantileOfDurations } from './sortedQuantile';

describe('durationBucket', () => {
  it('gives 0–31 ms a bucket each, then 8 per power of two, in value order', () => {
    expect([0, 1, 31].map(durationBucket)).toEqual([0, 1, 31]);
    expect([32, 35, 36, 63, 64, 71, 72].map(durationBucket)).toEqual([
      32, 32, 33, 39, 40, 40, 41,
    ]);
    // every bucket up to 70 s follows the last, and starts where it says
    const wrong: number[] = [];
    let previous = -1;
    for (let v = 0; v < 70_000; v++) {
      const bucket = durationBucket(v);
      if (bucket !== previous && bucket !== previous + 1) wrong.push(v);
      if (bucket !== previous && durationBucketStart(bucket) !== v) {
        wrong.push(v);
      }
      previous = bucket;
    }
    expect(wrong).toEqual([]);
    expect(previous).toBe(durationBucket(69_999));
  });

  it('keeps every bucket at most 12.5 % wide, up to the largest duration and past 2^32', () => {
    for (const v of [2 ** 31 - 1, 2 ** 32, 2 ** 40 + 5, 2 ** 52 - 1]) {
      const bucket = durationBucket(v);
      const start = durationBucketStart(bucket);
      const next = durationBucketStart(bucket + 1);
      expect(start).toBeLessThanOrEqual(v);
      expect(next).toBeGreaterThan(v);
      expect((next - start) / start).toBeLessThanOrEqual(0.125);
      expect(durationBucket(next - 1)).toBe(bucket);
      expect(durationBucket(next)).toBe(bucket + 1);
    }
  });
});

/** A deterministic pseudo-random sequence in [0, 1) (a 32-bit LCG). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Bucketed durations that count how often a bucket's values were read. */
function counted(list: number[]): BucketedDurations & { reads: number[] } {
  const inner = bucketSortedList(list);
  const reads: number[] = [];
  return {
    count: inner.count,
    buckets: inner.buckets,
    counts: inner.counts,
    reads,
    valuesIn: bucket => {
      reads.push(bucket);
      return inner.valuesIn(bucket);
    },
  };
}

describe('quantileOfDurations', () => {
  const next = random(7);
  const sortedList = (n: number, base: number, spread: number) =>
    Array.from({ length: n }, () =>
      Math.round(base + spread * next() * next()),
    ).sort((a, b) => a - b);

  it.each([0, 0.05, 0.5, 0.95, 0.99, 1])(
    'equals the interpolated quantile %p of all values, plain and bucketed lists mixed',
    q => {
      const lists = [
        sortedList(1440, 25, 300),
        sortedList(60, 12_000, 20_000),
        sortedList(7, 2, 30),
        [],
        [5, 5, 5, 5],
        sortedList(1440, 300, 2_500),
      ];
      const all = lists.flat();
      const mixed = lists.map((l, i) => (i % 2 ? bucketSortedList(l) : l));
      expect(quantileOfDurations(mixed, q)).toBe(interpolatedQuantile(all, q));
    },
  );

  it('reads the one bucket the rank falls in, not the others', () => {
    const lists = Array.from({ length: 30 }, () =>
      counted(sortedList(1440, 25, 300)),
    );
    const all = lists.flatMap(allDurations);
    lists.forEach(l => l.reads.splice(0));
    expect(quantileOfDurations(lists, 0.95)).toBe(
      interpolatedQuantile(all, 0.95),
    );
    const read = new Set(lists.flatMap(l => l.reads));
    expect(read.size).toBeLessThanOrEqual(2);
    expect(lists.every(l => l.reads.length <= 2)).toBe(true);
  });

  it('interpolates across buckets when the two ranks fall in different ones', () => {
    // ranks 0 and 1 of [10, 40]: buckets 10 and 33, empty ones between
    expect(quantileOfDurations([bucketSortedList([10, 40])], 0.5)).toBe(25);
    expect(
      quantileOfDurations([[10], bucketSortedList([]), [5_000, 90_000]], 0.4),
    ).toBe(interpolatedQuantile([10, 5_000, 90_000], 0.4));
    // wide buckets (values past 65 s) are sorted, not counted
    const slow = [70_000, 70_001, 80_000, 100_000, 2_000_000];
    for (const q of [0, 0.3, 0.95, 1]) {
      expect(quantileOfDurations([bucketSortedList(slow)], q)).toBe(
        interpolatedQuantile(slow, q),
      );
    }
  });

  it('selects within a narrow bucket the same way whether it sorts a few values or counts many', () => {
    // every value in the bucket 256–287: 3 … 5,000 of them, with repeats,
    // spread over lists; the rank always falls in that one bucket
    for (const n of [3, 40, 511, 512, 513, 5_000]) {
      const values = Array.from(
        { length: n },
        () => 256 + Math.floor(next() * next() * 32),
      );
      const lists = [0, 1, 2].map(k =>
        bucketSortedList(
          values.filter((_, i) => i % 3 === k).sort((a, b) => a - b),
        ),
      );
      for (const q of [0, 0.01, 0.5, 0.95, 0.999, 1]) {
        expect([n, q, quantileOfDurations(lists, q)]).toEqual([
          n,
          q,
          interpolatedQuantile(values, q),
        ]);
      }
    }
  });

  it('is null with no value, and merges lists that are not ascending whole numbers', () => {
    expect(quantileOfDurations([[], bucketSortedList([])], 0.95)).toBeNull();
    expect(
      quantileOfDurations([[30, 10], bucketSortedList([1, 2, 40])], 0.5),
    ).toBe(interpolatedQuantile([30, 10, 1, 2, 40], 0.5));
    expect(quantileOfDurations([[0.5, 3]], 0.95)).toBe(
      interpolatedQuantile([0.5, 3], 0.95),
    );
    expect(() => quantileOfDurations([[1]], 1.5)).toThrow(RangeError);
  });
});
