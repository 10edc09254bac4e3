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

function notBase64(): never {
  throw new Error('durations_ms: not base64');
}

/**
 * Reads the bytes of base64 text in place, each character once: a status
 * reads a few hundred bytes of each row (its header and one bucket), so
 * decoding whole rows into Buffers — megabytes a call — was wasted work and
 * garbage, and so was decoding each bucket into a Buffer of its own.
 */
class Base64Cursor {
  /** Number of bytes the text holds. */
  readonly length: number;
  /** Index of the next byte `nextByte` returns. */
  at = 0;
  private char = 0;
  private bits = 0;
  private pending = 0;

  constructor(private readonly text: string, private readonly from: number) {
    const chars = text.length - from;
    let padding = 0;
    if (text.endsWith('==')) padding = 2;
    else if (text.endsWith('=')) padding = 1;
    if (chars % 4 !== 0) notBase64();
    this.length = (chars / 4) * 3 - padding;
    this.char = from;
  }

  /** Moves to byte `i`: to its quad, then past the bytes before it there. */
  seek(i: number): void {
    const quad = (i / 3) | 0;
    this.char = this.from + quad * 4;
    this.bits = 0;
    this.pending = 0;
    this.at = quad * 3;
    while (this.at < i) this.nextByte();
  }

  nextByte(): number {
    if (this.at >= this.length) {
      throw new Error('durations_ms: the last value is cut off');
    }
    // 6 bits a character; a byte needs one or two more of them
    while (this.bits < 8) {
      const code = this.text.charCodeAt(this.char++);
      const sixtet = code < 128 ? SIXTETS[code] : -1;
      if (sixtet < 0) notBase64();
      this.pending = ((this.pending << 6) | sixtet) & 0xffff;
      this.bits += 6;
    }
    this.bits -= 8;
    this.at++;
    return (this.pending >> this.bits) & 255;
  }

  /** An unsigned LEB128 varint. */
  nextVarint(): number {
    let byte = this.nextByte();
    let value = byte & 127;
    let scale = 128;
    while (byte >= 128) {
      byte = this.nextByte();
      value += (byte & 127) * scale;
      scale *= 128;
    }
    return value;
  }
}

/** d1: the whole run of differences. */
function decodeD1(text: string): number[] {
  const bytes = new Base64Cursor(text, D1.length);
  const values: number[] = [];
  let value = 0;
  while (bytes.at < bytes.length) {
    value += bytes.nextVarint();
    values.push(value);
  }
  return values;
}

/**
 * d2: the header now, a bucket's values only when asked for, both read from
 * the text in place. Plain arrays and loops: a 24-hour status reads ~1,500
 * of these headers, a 30-day one ~3,200.
 */
function readD2(text: string): BucketedDurations {
  const bytes = new Base64Cursor(text, D2.length);
  const groups = bytes.nextVarint();
  const buckets: number[] = new Array(groups);
  const counts: number[] = new Array(groups);
  const offsets: number[] = new Array(groups + 1);
  let bucket = 0;
  let count = 0;
  let end = 0;
  for (let g = 0; g < groups; g++) {
    bucket += bytes.nextVarint();
    buckets[g] = bucket;
    counts[g] = bytes.nextVarint();
    count += counts[g];
    offsets[g] = end;
    end += bytes.nextVarint();
  }
  const bodyStart = bytes.at;
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
      const values: number[] = [];
      bytes.seek(bodyStart + offsets[g]);
      let value = durationBucketStart(wanted);
      for (let i = 0; i < counts[g]; i++) {
        value += bytes.nextVarint();
        values.push(value);
      }
      if (bytes.at !== bodyStart + offsets[g + 1]) {
        throw new Error(`durations_ms: bucket ${wanted} is not its length`);
      }
      return values;
    },
  };
}

/** Durations as stored, for a quantile: d2 stays bucketed, the rest is a list. */
export function readDurations(text: string): CanaryDurations {
  if (text.startsWith(D2)) {
    return readD2(text);
  }
  return decodeDurations(text);
}

/** Every value, ascending as written. */
export function decodeDurations(text: string): number[] {
  if (text.startsWith(D2)) {
    return allDurations(readD2(text));
  }
  if (text.startsWith(D1)) {
    return decodeD1(text);
  }
  return JSON.parse(text);
}
