import {
  daysEndingAfter,
  lastDays,
  previousWindow,
  resolveWindow,
} from './windows';

const now = new Date('2026-11-10T12:00:00Z');

describe('resolveWindow', () => {
  it('defaults to the last defaultDays ending now, normalised', () => {
    expect(resolveWindow({}, { now, defaultDays: 90, maxDays: 366 })).toEqual({
      from: '2026-08-12T12:00:00.000Z',
      to: '2026-11-10T12:00:00.000Z',
    });
    expect(
      resolveWindow(
        { from: '2026-11-01T00:00:00+01:00' },
        { now, defaultDays: 90, maxDays: 366 },
      ),
    ).toEqual({
      from: '2026-10-31T23:00:00.000Z',
      to: '2026-11-10T12:00:00.000Z',
    });
  });

  it('names the rule a window breaks', () => {
    const options = { now, defaultDays: 90, maxDays: 30 };
    expect(() =>
      resolveWindow({ from: '2026-11-10T12:00:00Z' }, options),
    ).toThrow(/must be before/);
    expect(() =>
      resolveWindow({ from: '2026-09-01T00:00:00Z' }, options),
    ).toThrow(/at most 30 days/);
  });
});

describe('previousWindow', () => {
  it('is as long as the window and ends where it starts', () => {
    expect(
      previousWindow({
        from: '2026-11-03T00:00:00.000Z',
        to: '2026-11-10T00:00:00.000Z',
      }),
    ).toEqual({
      from: '2026-10-27T00:00:00.000Z',
      to: '2026-11-03T00:00:00.000Z',
    });
  });
});

describe('lastDays and daysEndingAfter', () => {
  it('rounds the end up to the minute', () => {
    expect(lastDays(1, new Date('2026-11-10T12:00:01.500Z'))).toEqual({
      from: '2026-11-09T12:01:00.000Z',
      to: '2026-11-10T12:01:00.000Z',
    });
  });

  it('ends at the start of the UTC day after the latest data', () => {
    expect(daysEndingAfter('2026-06-30T23:59:59.999Z', 30)).toEqual({
      from: '2026-06-01T00:00:00.000Z',
      to: '2026-07-01T00:00:00.000Z',
    });
  });
});
