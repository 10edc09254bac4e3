/** Numbers, amounts and dates as the Cost tab writes them. */

export const NO_VALUE = '–';
export const GIB = 2 ** 30;
export const MIB = 2 ** 20;

const finite = (value: number | null | undefined): value is number =>
  value !== null && value !== undefined && Number.isFinite(value);

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(code: string, digits: number): Intl.NumberFormat {
  const key = `${code}:${digits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: code,
      minimumFractionDigits: Math.min(2, digits),
      maximumFractionDigits: digits,
    });
    moneyFormats.set(key, format);
  }
  return format;
}

/** Fraction digits an amount needs: cents from 1 up, more below so small costs do not read 0.00. */
function moneyDigits(amount: number): number {
  const magnitude = Math.abs(amount);
  if (magnitude === 0 || magnitude >= 1) return 2;
  return magnitude >= 0.01 ? 3 : 4;
}

/** `$1,234.56` in the currency the backend converted to; `12.50 XYZ` for a code Intl does not know. */
export function formatMoney(
  amount: number | null | undefined,
  currencyCode: string,
): string {
  if (!finite(amount)) return NO_VALUE;
  const digits = moneyDigits(amount);
  try {
    return moneyFormat(currencyCode, digits).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${currencyCode}`;
  }
}

export function formatNumber(
  value: number | null | undefined,
  digits = 1,
): string {
  if (!finite(value)) return NO_VALUE;
  return Number.isInteger(value)
    ? value.toLocaleString('en-US')
    : value.toLocaleString('en-US', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
}

/** A 0..1 ratio as a percentage, not capped (usage can exceed the request). */
export function formatPercent(
  ratio: number | null | undefined,
  digits = 0,
): string {
  if (!finite(ratio)) return NO_VALUE;
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** A signed share change: `+32%`, `−5%`. */
export function formatChange(ratio: number | null | undefined): string {
  if (!finite(ratio)) return NO_VALUE;
  const percent = Math.round(ratio * 100);
  if (percent === 0) return '±0%';
  return percent > 0 ? `+${percent}%` : `−${Math.abs(percent)}%`;
}

export function formatCoreHours(coreHours: number): string {
  return `${formatNumber(coreHours)} core-h`;
}

export function formatGibHours(byteHours: number): string {
  return `${formatNumber(byteHours / GIB)} GiB-h`;
}

/** Cores as Kubernetes writes small ones: `250m`; whole and large ones as cores. */
export function formatCores(cores: number): string {
  if (!finite(cores)) return NO_VALUE;
  const millicores = Math.round(cores * 1000);
  return millicores < 1000 || millicores % 1000 !== 0
    ? `${millicores}m`
    : `${millicores / 1000}`;
}

/** Bytes in MiB under a GiB, else GiB. */
export function formatBytes(bytes: number): string {
  if (!finite(bytes)) return NO_VALUE;
  return bytes < GIB
    ? `${formatNumber(bytes / MIB, 0)} MiB`
    : `${formatNumber(bytes / GIB)} GiB`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count, 0)} ${count === 1 ? one : many}`;
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

/** "Oct 24, 2026 – Nov 22, 2026"; `to` is exclusive, so the last day shown is the day before. */
export function formatWindow(from: string, to: string): string {
  const end = new Date(Date.parse(to) - 1).toISOString();
  return `${formatDate(from)} – ${formatDate(end)}`;
}

export function windowDays(window: { from: string; to: string }): number {
  return Math.round(
    (Date.parse(window.to) - Date.parse(window.from)) / 86_400_000,
  );
}

/** `Deployment checkout`: how Kubernetes users name a workload. */
export function controllerLabel(row: {
  controllerKind: string;
  controller: string;
}): string {
  return `${row.controllerKind} ${row.controller}`;
}
