/**
 * UTC calendar helpers: every bucket (hour, day, ISO week, month) is a UTC one,
 * so the same rows give the same numbers wherever the server runs.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/** 1970-01-05T00:00Z, a Monday: the anchor for ISO week arithmetic. */
const A_MONDAY_MS = 4 * DAY_MS;
/** Saturday starts five days after Monday 00:00. */
const WORKDAYS_MS = 5 * DAY_MS;

/** The half-open window `[from, to)` in epoch milliseconds. */
export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

export function parseWindow(range: { from: string; to: string }): TimeWindow {
  const fromMs = Date.parse(range.from);
  const toMs = Date.parse(range.to);
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs <= fromMs) {
    throw new RangeError(
      `window must be two timestamps with from < to, got ${range.from} – ${range.to}`,
    );
  }
  return { fromMs, toMs };
}

export function isInWindow(ms: number, window: TimeWindow): boolean {
  return ms >= window.fromMs && ms < window.toMs;
}

export function hoursBetween(startMs: number, endMs: number): number {
  return (endMs - startMs) / HOUR_MS;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

export function utcDayStart(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Monday 00:00 UTC of the ISO week holding `ms`. */
export function isoWeekStart(ms: number): number {
  return Math.floor((ms - A_MONDAY_MS) / WEEK_MS) * WEEK_MS + A_MONDAY_MS;
}

export function utcMonthStart(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

function nextUtcMonthStart(monthStartMs: number): number {
  const date = new Date(monthStartMs);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** Every ISO week that overlaps the window, partial ones at either end included. */
export function weekStartsOverlapping(window: TimeWindow): number[] {
  const starts: number[] = [];
  for (let ms = isoWeekStart(window.fromMs); ms < window.toMs; ms += WEEK_MS) {
    starts.push(ms);
  }
  return starts;
}

/** Every UTC calendar month that overlaps the window. */
export function monthStartsOverlapping(window: TimeWindow): number[] {
  const starts: number[] = [];
  for (
    let ms = utcMonthStart(window.fromMs);
    ms < window.toMs;
    ms = nextUtcMonthStart(ms)
  ) {
    starts.push(ms);
  }
  return starts;
}

/** Saturday and Sunday time from the anchor Monday to `ms`, in closed form so long intervals cost nothing. */
function weekendMsSinceAnchor(ms: number): number {
  const sinceAnchor = ms - A_MONDAY_MS;
  const weeks = Math.floor(sinceAnchor / WEEK_MS);
  const intoWeek = sinceAnchor - weeks * WEEK_MS;
  return weeks * 2 * DAY_MS + Math.max(0, intoWeek - WORKDAYS_MS);
}

/** The part of `[startMs, endMs)` that falls on UTC Saturdays and Sundays. */
export function weekendMsBetween(startMs: number, endMs: number): number {
  return weekendMsSinceAnchor(endMs) - weekendMsSinceAnchor(startMs);
}
