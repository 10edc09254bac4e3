/** Numbers and times as the Canary tab writes them (UTC, en-US). */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** `just now`, `4 min ago`, `3 h ago`, `2 d ago`, measured from `now`. */
export function formatAgo(iso: string, now: string): string {
  const elapsed = Date.parse(now) - Date.parse(iso);
  if (!Number.isFinite(elapsed)) return '–';
  if (elapsed < MINUTE_MS) return 'just now';
  if (elapsed < HOUR_MS) return `${Math.floor(elapsed / MINUTE_MS)} min ago`;
  if (elapsed < DAY_MS) return `${Math.floor(elapsed / HOUR_MS)} h ago`;
  return `${Math.floor(elapsed / DAY_MS)} d ago`;
}

/** `850 ms`, `1.2 s`, `2 min 5 s`; `–` for none. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < MINUTE_MS) {
    const seconds = ms / 1000;
    return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  }
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}

/**
 * A duration axis tick in one unit, short enough for the axis: `450 ms`,
 * `30 s`, `1.5 min` (not `1 min 30 s`, which the axis wraps), `2 h`.
 */
export function formatDurationTick(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const trim = (value: number) => String(Number(value.toFixed(1)));
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < MINUTE_MS) return `${trim(ms / 1000)} s`;
  if (ms < HOUR_MS) return `${trim(ms / MINUTE_MS)} min`;
  return `${trim(ms / HOUR_MS)} h`;
}

/**
 * An uptime ratio as a percentage. Two decimals from 99 % up, where the
 * difference between 99.9 % and 99.95 % matters, one below; never rounded up
 * to 100 % while a failure counted. `–` when there is nothing to judge.
 */
export function formatUptime(uptime: number | null | undefined): string {
  if (uptime === null || uptime === undefined) return '–';
  if (uptime >= 1) return '100%';
  const percent = uptime * 100;
  const decimals = percent >= 99 ? 2 : 1;
  const factor = 10 ** decimals;
  return `${(Math.floor(percent * factor) / factor).toFixed(decimals)}%`;
}

const dateTime = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/** `Nov 20, 10:05:00 UTC`. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${dateTime.format(date)} UTC`;
}

const shortTime = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/** `Nov 20, 10:05`: chart ticks. */
export function formatShortTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : shortTime.format(date);
}

/** `1 failure`, `7 failures`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
