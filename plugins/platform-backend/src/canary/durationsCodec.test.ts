import { durationBucket } from '@goldenpath/plugin-platform-common';
import {
  decodeDurations,
  encodeDurations,
  readDurations,
} from './durationsCodec';

/** A d1 row as issue 9's first encoding wrote it: differences as LEB128. */
function d1(values: number[]): string {
  const bytes: number[] = [];
  let previous = 0;
  for (const value of values) {
    let delta = value - previous;
    previous = value;
    while (delta >= 128) {
      bytes.push((delta % 128) + 128);
      delta = Math.floor(delta / 128);
    }
    bytes.push(delta);
  }
  return `d1:${Buffer.from(bytes).toString('base64')}`;
}

describe('durations codec', () => {
  it.each([
    ['no duration', []],
    ['one', [0]],
    ['repeats', [5, 5, 5, 6]],
    [
      'differences that need several bytes',
      [1, 128, 16_511, 16_512, 2_097_280],
    ],
    ['the largest event duration', [0, 2_147_483_647]],
  ])('gives back %s exactly', (_, values) => {
    const text = encodeDurations(values);
    expect(text.startsWith('d2:')).toBe(true);
    expect(decodeDurations(text)).toEqual(values);
  });

  it('reads each bucket alone, with the counts of all of them', () => {
    const values = [0, 3, 3, 31, 32, 35, 36, 100, 130, 5_000, 5_001, 90_000];
    const read = readDurations(encodeDurations(values));
    if (!('buckets' in read)) throw new Error('expected bucketed durations');
    expect(read.count).toBe(values.length);
    const expected = new Map<number, number[]>();
    for (const v of values) {
      const bucket = durationBucket(v);
      expected.set(bucket, [...(expected.get(bucket) ?? []), v]);
    }
    expect(Array.from(read.buckets)).toEqual([...expected.keys()]);
    expect(Array.from(read.counts)).toEqual(
      [...expected.values()].map(l => l.length),
    );
    for (const [bucket, list] of expected) {
      expect(Array.from(read.valuesIn(bucket))).toEqual(list);
    }
    expect(Array.from(read.valuesIn(durationBucket(64)))).toEqual([]);
  });

  it("reads a bucket wherever its bytes start within base64's 3-byte groups, and any order of buckets", () => {
    // header lengths 1 … 3 bytes past a group boundary shift every bucket's start
    for (let extra = 0; extra < 6; extra++) {
      const values = [
        ...Array.from({ length: extra }, (_, i) => i),
        ...[40, 41, 300, 301, 302, 20_000, 20_500, 1_000_000],
      ].sort((a, b) => a - b);
      const read = readDurations(encodeDurations(values));
      if (!('buckets' in read)) throw new Error('expected bucketed durations');
      const buckets = Array.from(read.buckets).reverse();
      const back = buckets.flatMap(b => Array.from(read.valuesIn(b)));
      expect(back.sort((a, b) => a - b)).toEqual(values);
    }
  });

  it('refuses text that is not base64', () => {
    const text = encodeDurations([1, 2, 40, 300]);
    const broken = `${text.slice(0, 4)}!${text.slice(5)}`;
    expect(() => decodeDurations(broken)).toThrow(/not base64/);
    expect(() => decodeDurations(`${text}A`)).toThrow(/not base64/);
    expect(() => decodeDurations('d1:AB$D')).toThrow(/not base64/);
  });

  it('reads rows of the first encoding (d1) as plain lists', () => {
    const values = [1, 128, 16_511, 16_512, 2_097_280];
    expect(decodeDurations(d1(values))).toEqual(values);
    expect(readDurations(d1(values))).toEqual(values);
    expect(() =>
      decodeDurations(`d1:${Buffer.from([5, 200]).toString('base64')}`),
    ).toThrow(/cut off/);
  });

  it('keeps JSON for what is not ascending whole numbers from 0, and reads it back', () => {
    for (const values of [
      [3, 2],
      [1.5, 2],
      [-1, 4],
      [0, 2 ** 31],
    ]) {
      const text = encodeDurations(values);
      expect(text).toBe(JSON.stringify(values));
      expect(decodeDurations(text)).toEqual(values);
    }
  });

  it('reads rows written as JSON before the encoding', () => {
    expect(decodeDurations('[100,150,200]')).toEqual([100, 150, 200]);
  });

  it('stores a day of one-minute durations in well under half the JSON', () => {
    // 1,440 sorted durations from 25 to 325 ms, as an ingress check gives
    const values = Array.from(
      { length: 1440 },
      (_, i) => 25 + Math.floor((((i * 7919) % 1440) / 1440) ** 2 * 300),
    ).sort((a, b) => a - b);
    const text = encodeDurations(values);
    expect(decodeDurations(text)).toEqual(values);
    expect(text.length).toBeLessThan(JSON.stringify(values).length / 2);
  });

  it('refuses a row whose values are cut off or do not match its header', () => {
    const whole = Buffer.from(
      encodeDurations([1, 2, 40, 300]).slice(3),
      'base64',
    );
    const cut = `d2:${whole.subarray(0, whole.length - 1).toString('base64')}`;
    expect(() => decodeDurations(cut)).toThrow(/do not add up/);
    const longer = `d2:${Buffer.concat([whole, Buffer.from([1])]).toString(
      'base64',
    )}`;
    expect(() => decodeDurations(longer)).toThrow(/do not add up/);
    const header = `d2:${Buffer.from([1, 5, 2]).toString('base64')}`;
    expect(() => decodeDurations(header)).toThrow(/cut off/);
  });
});
