import { appendAll } from './appendAll';

describe('appendAll', () => {
  it('appends more rows than a spread call could take as arguments', () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(() => [].push(...(rows as never[]))).toThrow(RangeError);
    const target = [-1];
    expect(appendAll(target, rows)).toBe(target);
    expect(target).toHaveLength(1_000_001);
    expect(target[0]).toBe(-1);
    expect(target[1_000_000]).toBe(999_999);
  });
});
