import {
  formatDuration,
  formatDurationText,
  formatPercent,
  formatWindow,
} from './format';
import { lastDays } from '@goldenpath/plugin-platform-common';

describe('format', () => {
  it('writes durations in minutes, hours or days', () => {
    expect(formatDuration(0.6)).toEqual({ value: '36', unit: 'min' });
    expect(formatDuration(26.4)).toEqual({ value: '26.4', unit: 'hours' });
    expect(formatDuration(98.4)).toEqual({ value: '4.1', unit: 'days' });
    expect(formatDurationText(null)).toBe('–');
  });

  it('writes rates as percentages', () => {
    expect(formatPercent(4 / 31)).toBe('12.9%');
    expect(formatPercent(0.25)).toBe('25%');
    expect(formatPercent(null)).toBe('–');
  });

  it('shows the last day of an exclusive window', () => {
    expect(
      formatWindow('2026-08-25T00:00:00.000Z', '2026-11-23T00:00:00.000Z'),
    ).toBe('Aug 25, 2026 – Nov 22, 2026');
  });

  it('ends the query window at the next minute', () => {
    expect(lastDays(30, new Date('2026-11-23T10:05:30.123Z'))).toEqual({
      from: '2026-10-24T10:06:00.000Z',
      to: '2026-11-23T10:06:00.000Z',
    });
  });
});
