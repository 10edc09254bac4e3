import { decodeDurations, encodeDurations } from './durationsCodec';

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
    expect(text.startsWith('d1:')).toBe(true);
    expect(decodeDurations(text)).toEqual(values);
  });

  it('keeps JSON for what is not ascending whole numbers from 0, and reads it back', () => {
    for (const values of [
      [3, 2],
      [1.5, 2],
      [-1, 4],
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

  it('refuses a value cut off at the end', () => {
    const cut = `d1:${Buffer.from([5, 200]).toString('base64')}`;
    expect(() => decodeDurations(cut)).toThrow(/cut off/);
  });
});
