import {
  HOUR_MS,
  isoWeekStart,
  monthStartsOverlapping,
  parseWindow,
  weekendMsBetween,
  weekStartsOverlapping,
} from './utc';

const ms = (iso: string) => Date.parse(iso);
const iso = (values: number[]) => values.map(v => new Date(v).toISOString());

describe('weekendMsBetween', () => {
  it('counts all of Saturday and Sunday between a Friday evening and a Monday morning', () => {
    // 2026-11-06 is a Friday; Sat 00:00 → Mon 00:00 is 48 h
    expect(
      weekendMsBetween(ms('2026-11-06T18:00:00Z'), ms('2026-11-09T10:00:00Z')),
    ).toBe(48 * HOUR_MS);
  });

  it('counts only the weekend part of an interval inside a weekend', () => {
    // Sat 12:00 → Sun 12:00
    expect(
      weekendMsBetween(ms('2026-11-07T12:00:00Z'), ms('2026-11-08T12:00:00Z')),
    ).toBe(24 * HOUR_MS);
  });

  it('is zero on working days and two days per weekend crossed', () => {
    expect(
      weekendMsBetween(ms('2026-11-02T00:00:00Z'), ms('2026-11-07T00:00:00Z')),
    ).toBe(0);
    // Mon 2 → Mon 16 November crosses two weekends
    expect(
      weekendMsBetween(ms('2026-11-02T00:00:00Z'), ms('2026-11-16T00:00:00Z')),
    ).toBe(96 * HOUR_MS);
  });
});

describe('calendar buckets', () => {
  it('puts a Sunday night in the week that started the Monday before', () => {
    expect(iso([isoWeekStart(ms('2026-11-08T23:59:59Z'))])).toEqual([
      '2026-11-02T00:00:00.000Z',
    ]);
  });

  it('lists partial weeks and months at both ends of the window', () => {
    const window = parseWindow({
      from: '2026-10-28T12:00:00Z', // a Wednesday
      to: '2026-11-10T00:00:00Z', // a Tuesday
    });
    expect(iso(weekStartsOverlapping(window))).toEqual([
      '2026-10-26T00:00:00.000Z',
      '2026-11-02T00:00:00.000Z',
      '2026-11-09T00:00:00.000Z',
    ]);
    expect(iso(monthStartsOverlapping(window))).toEqual([
      '2026-10-01T00:00:00.000Z',
      '2026-11-01T00:00:00.000Z',
    ]);
  });

  it('reads offsets and rejects an empty or unparsable window', () => {
    expect(
      parseWindow({
        from: '2026-11-02T02:00:00+02:00',
        to: '2026-11-03T00:00:00Z',
      }),
    ).toEqual({
      fromMs: ms('2026-11-02T00:00:00Z'),
      toMs: ms('2026-11-03T00:00:00Z'),
    });
    expect(() =>
      parseWindow({ from: '2026-11-03T00:00:00Z', to: '2026-11-03T00:00:00Z' }),
    ).toThrow(RangeError);
    expect(() =>
      parseWindow({ from: 'yesterday', to: '2026-11-03T00:00:00Z' }),
    ).toThrow(RangeError);
  });
});
