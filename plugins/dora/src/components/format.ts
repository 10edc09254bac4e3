/** Numbers and dates as the DORA tab writes them. */

export const NO_VALUE = '–';

export function formatNumber(
  value: number | null | undefined,
  digits = 1,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return NO_VALUE;
  }
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}

/** A duration in hours as a value and a unit: minutes under an hour, hours under two days, else days. */
export function formatDuration(hours: number | null | undefined): {
  value: string;
  unit: string;
} {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) {
    return { value: NO_VALUE, unit: '' };
  }
  if (hours < 1) {
    return { value: String(Math.round(hours * 60)), unit: 'min' };
  }
  if (hours < 48) {
    return { value: formatNumber(hours), unit: 'hours' };
  }
  return { value: formatNumber(hours / 24), unit: 'days' };
}

export function formatDurationText(hours: number | null | undefined): string {
  const { value, unit } = formatDuration(hours);
  return unit ? `${value} ${unit}` : value;
}

/** A 0..1 rate as a percentage. */
export function formatPercent(
  rate: number | null | undefined,
  digits = 1,
): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) {
    return NO_VALUE;
  }
  return `${formatNumber(rate * 100, digits)}%`;
}

const dateFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return NO_VALUE;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return NO_VALUE;
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : `${dateTimeFormat.format(date)} UTC`;
}

/** "Aug 25, 2026 – Nov 23, 2026"; `to` is exclusive, so the last day shown is the day before. */
export function formatWindow(from: string, to: string): string {
  const end = new Date(new Date(to).getTime() - 1).toISOString();
  return `${formatDate(from)} – ${formatDate(end)}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
