import {
  formatBytes,
  formatChange,
  formatCores,
  formatMoney,
  formatPercent,
} from './format';

describe('formatMoney', () => {
  it('writes amounts in the currency, cents from 1 up, more digits below', () => {
    expect(formatMoney(1234.5, 'USD')).toBe('$1,234.50');
    expect(formatMoney(74.76, 'EUR')).toBe('€74.76');
    expect(formatMoney(0.0349, 'USD')).toBe('$0.035');
    expect(formatMoney(0.00625, 'USD')).toBe('$0.0063');
    expect(formatMoney(0, 'USD')).toBe('$0.00');
  });

  it('falls back to the code for a currency Intl does not know', () => {
    expect(formatMoney(12.5, 'not a code')).toBe('12.50 not a code');
  });

  it('writes a dash for a missing amount', () => {
    expect(formatMoney(undefined, 'USD')).toBe('–');
  });
});

describe('Kubernetes quantities', () => {
  it('writes cores as millicores below one and as cores when whole', () => {
    expect(formatCores(0.348)).toBe('348m');
    expect(formatCores(1.2)).toBe('1200m');
    expect(formatCores(2)).toBe('2');
  });

  it('writes bytes as MiB below a GiB, else GiB', () => {
    expect(formatBytes(615 * 2 ** 20)).toBe('615 MiB');
    expect(formatBytes(2 * 2 ** 30)).toBe('2 GiB');
  });
});

describe('ratios', () => {
  it('does not cap efficiency at 100%', () => {
    expect(formatPercent(1.6)).toBe('160%');
  });

  it('signs a change', () => {
    expect(formatChange(0.318)).toBe('+32%');
    expect(formatChange(-0.05)).toBe('−5%');
    expect(formatChange(0.001)).toBe('±0%');
    expect(formatChange(undefined)).toBe('–');
  });
});
