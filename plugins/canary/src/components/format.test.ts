import {
  formatAgo,
  formatDateTime,
  formatDuration,
  formatDurationTick,
  formatUptime,
  plural,
} from './format';

describe('formatAgo', () => {
  const now = '2026-11-20T10:00:00.000Z';
  it.each([
    ['2026-11-20T09:59:30.000Z', 'just now'],
    ['2026-11-20T09:56:00.000Z', '4 min ago'],
    ['2026-11-20T09:00:00.001Z', '59 min ago'],
    ['2026-11-20T07:00:00.000Z', '3 h ago'],
    ['2026-11-18T09:00:00.000Z', '2 d ago'],
  ])('%s is %s', (iso, text) => {
    expect(formatAgo(iso, now)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [null, '–'],
    [0, '0 ms'],
    [850, '850 ms'],
    [1234, '1.2 s'],
    [12_400, '12 s'],
    [125_000, '2 min 5 s'],
    [120_000, '2 min'],
  ])('%s ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatDurationTick', () => {
  it.each([
    [0, '0 ms'],
    [450, '450 ms'],
    [2_500, '2.5 s'],
    [30_000, '30 s'],
    [90_000, '1.5 min'],
    [120_000, '2 min'],
    [5_400_000, '1.5 h'],
  ])('%s ms is %s: one unit, no wrapping on the axis', (ms, text) => {
    expect(formatDurationTick(ms)).toBe(text);
  });
});

describe('formatUptime', () => {
  it.each([
    [null, '–'],
    [1, '100%'],
    [0.99999, '99.99%'],
    [0.9993, '99.93%'],
    [0.6, '60.0%'],
    [0, '0.0%'],
  ])('%s is %s', (uptime, text) => {
    expect(formatUptime(uptime)).toBe(text);
  });
});

describe('formatDateTime and plural', () => {
  it('writes UTC times and counts', () => {
    expect(formatDateTime('2026-11-20T10:05:09.000Z')).toBe(
      'Nov 20, 10:05:09 UTC',
    );
    expect(plural(1, 'failure')).toBe('1 failure');
    expect(plural(7, 'failure')).toBe('7 failures');
  });
});
