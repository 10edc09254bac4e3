import {
  allDurations,
  BucketedDurations,
  CanaryDurations,
  durationBucket,
  durationBucketStart,
} from '@goldenpath/plugin-platform-common';

/**
 * How a roll-up row stores its durations (`durations_ms`).
 *
 * `d2:` (written now) — ascending whole numbers grouped by `durationBucket`,
 * base64 of unsigned LEB128 varints: the number of non-empty buckets; for
 * each, its bucket minus the previous one, its count of values and the byte
 * length of its values; then each bucket's values as differences, the first
 * from the bucket's lowest value. A reader counts every bucket from the
 * header and decodes only the bucket a quantile falls in.
 *
 * `d1:` (issue 9's first encoding) — the same values as one run of
 * differences; JSON — anything that is not ascending whole numbers, and rows
 * written before either. Both still read.
 *
 * Why: a component's 30-day status covers ~2.6 million durations (3 clusters
 * × 20 checks × 30 days × 1,440). Decoding them all was most of the call;
 * the p95 needs one bucket of each row (docs/benchmarks.md, Canary).
 */
const D1 = 'd1:';
const D2 = 'd2:';
const LARGEST = 2 ** 31 - 1;

function isAscendingWholeNumbers(values: readonly number[]): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < 0 || v > LARGEST) return false;
    if (i > 0 && values[i - 1] > v) return false;
  }
  return true;
}

function pushVarint(bytes: number[], value: number): void {
  let rest = value;
  while (rest >= 128) {
    bytes.push((rest % 128) + 128);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
}

export function encodeDurations(values: readonly number[]): string {
  if (!isAscendingWholeNumbers(values)) return JSON.stringify(values);
  const header: number[] = [];
  const body: number[] = [];
  const groups: Array<{ bucket: number; values: number[] }> = [];
  for (const value of values) {
    const bucket = durationBucket(value);
    const last = groups[groups.length - 1];
    if (last?.bucket === bucket) last.values.push(value);
    else groups.push({ bucket, values: [value] });
  }
  pushVarint(header, groups.length);
  let previousBucket = 0;
  for (const group of groups) {
    const start = body.length;
    let previous = durationBucketStart(group.bucket);
    for (const value of group.values) {
      pushVarint(body, value - previous);
      previous = value;
    }
    pushVarint(header, group.bucket - previousBucket);
    pushVarint(header, group.values.length);
    pushVarint(header, body.length - start);
    previousBucket = group.bucket;
  }
  return D2 + Buffer.from([...header, ...body]).toString('base64');
}

const SIXTETS = new Int8Array(128).fill(-1);
[...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].forEach(
  (c, i) => (SIXTETS[c.charCodeAt(0)] = i),
);

/**
 * The bytes of base64 text, read in place: a status reads a few hundred
 * bytes of each ~2 KB row (its header and one bucket), so decoding whole rows
 * into Buffers — megabytes a call — was wasted work and garbage.
 */
class Base64Bytes {
  readonly length: number;

  constructor(private readonly text: string, private readonly from: number) {
    const chars = text.length - from;
    const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
    if (chars % 4 !== 0) throw new Error('durations_ms: not base64');
    this.length = (chars / 4) * 3 - padding;
  }

  private sixtet(i: number): number {
    const value = SIXTETS[this.text.charCodeAt(this.from + i)];
    if (value === undefined || value < 0) {
      throw new Error('durations_ms: not base64');
    }
    return value;
  }

  /** Bytes [start, end) decoded natively: one bucket's values. */
  slice(start: number, end: number): Buffer {
    const quad = Math.floor(start / 3);
    const text = this.text.slice(
      this.from + quad * 4,
      this.from + Math.ceil(end / 3) * 4,
    );
    const skip = start - quad * 3;
    return Buffer.from(text, 'base64').subarray(skip, skip + end - start);
  }

  at(i: number): number {
    const quad = (i / 3) | 0;
    const c = quad * 4;
    switch (i - quad * 3) {
      case 0:
        return ((this.sixtet(c) << 2) | (this.sixtet(c + 1) >> 4)) & 255;
      case 1:
        return ((this.sixtet(c + 1) << 4) | (this.sixtet(c + 2) >> 2)) & 255;
      default:
        return ((this.sixtet(c + 2) << 6) | this.sixtet(c + 3)) & 255;
    }
  }
}

/** Reads varints from bytes, failing clearly on a cut-off value. */
class VarintReader {
  constructor(
    private readonly bytes: {
      length: number;
      at(i: number): number | undefined;
    },
    public at = 0,
  ) {}

  next(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.bytes.length) {
        throw new Error('durations_ms: the last value is cut off');
      }
      const byte = this.bytes.at(this.at++)!;
      value += (byte & 127) * scale;
      if (byte < 128) return value;
      scale *= 128;
    }
  }
}

/** d1: the whole run of differences. */
function decodeD1(bytes: Buffer): number[] {
  const reader = new VarintReader(bytes);
  const values: number[] = [];
  let value = 0;
  while (reader.at < bytes.length) {
    value += reader.next();
    values.push(value);
  }
  return values;
}

/**
 * d2: the header now, a bucket's values only when asked for. Plain
 * arrays and loops: a 30-day status reads ~1,800 of these headers.
 */
function readD2(bytes: Base64Bytes): BucketedDurations {
  const reader = new VarintReader(bytes);
  const groups = reader.next();
  const buckets: number[] = new Array(groups);
  const counts: number[] = new Array(groups);
  const offsets: number[] = new Array(groups + 1);
  let bucket = 0;
  let count = 0;
  let end = 0;
  for (let g = 0; g < groups; g++) {
    bucket += reader.next();
    buckets[g] = bucket;
    counts[g] = reader.next();
    count += counts[g];
    offsets[g] = end;
    end += reader.next();
  }
  const bodyStart = reader.at;
  offsets[groups] = end;
  if (bodyStart + end !== bytes.length) {
    throw new Error('durations_ms: the buckets do not add up to the values');
  }
  return {
    count,
    buckets,
    counts,
    valuesIn(wanted) {
      const g = buckets.indexOf(wanted);
      if (g < 0) return [];
      const part = bytes.slice(
        bodyStart + offsets[g],
        bodyStart + offsets[g + 1],
      );
      const values = new Float64Array(counts[g]);
      let value = durationBucketStart(wanted);
      let at = 0;
      for (let i = 0; i < values.length; i++) {
        let byte = part[at++];
        let delta = byte & 127;
        let scale = 128;
        while (byte >= 128) {
          byte = part[at++];
          delta += (byte & 127) * scale;
          scale *= 128;
        }
        value += delta;
        values[i] = value;
      }
      if (at !== part.length || Number.isNaN(value)) {
        throw new Error(`durations_ms: bucket ${wanted} is not its length`);
      }
      return values;
    },
  };
}

/** Durations as stored, for a quantile: d2 stays bucketed, the rest is a list. */
export function readDurations(text: string): CanaryDurations {
  if (text.startsWith(D2)) {
    return readD2(new Base64Bytes(text, D2.length));
  }
  return decodeDurations(text);
}

/** Every value, ascending as written. */
export function decodeDurations(text: string): number[] {
  if (text.startsWith(D2)) {
    return allDurations(readD2(new Base64Bytes(text, D2.length)));
  }
  if (text.startsWith(D1)) {
    return decodeD1(Buffer.from(text.slice(D1.length), 'base64'));
  }
  return JSON.parse(text);
}
