import { interpolatedQuantile } from './quantile';

describe('interpolatedQuantile', () => {
  it('is null for an empty set', () => {
    expect(interpolatedQuantile([], 0.5)).toBeNull();
  });

  it('returns the only value of a one-element set', () => {
    expect(interpolatedQuantile([7], 0.9)).toBe(7);
  });

  it('averages the middle two of an even-sized set without sorting the input in place', () => {
    const values = [4, 1, 3, 2];
    // sorted [1, 2, 3, 4]; rank (4 - 1) * 0.5 = 1.5 → 2 + 0.5 * (3 - 2) = 2.5
    expect(interpolatedQuantile(values, 0.5)).toBe(2.5);
    expect(values).toEqual([4, 1, 3, 2]);
  });

  it('interpolates p90 between the closest ranks (numpy default)', () => {
    // 1..10: rank 9 * 0.9 = 8.1 → 9 + 0.1 * (10 - 9) = 9.1
    const oneToTen = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(interpolatedQuantile(oneToTen, 0.9)).toBeCloseTo(9.1, 10);
  });

  it('gives the minimum and maximum at 0 and 1', () => {
    expect(interpolatedQuantile([5, 3, 9], 0)).toBe(3);
    expect(interpolatedQuantile([5, 3, 9], 1)).toBe(9);
  });

  it('rejects a quantile outside [0, 1]', () => {
    expect(() => interpolatedQuantile([1], 1.5)).toThrow(RangeError);
  });
});
