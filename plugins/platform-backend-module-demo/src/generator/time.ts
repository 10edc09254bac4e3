/** Time helpers: the demo generator works in whole UTC days, numbered from the epoch. */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** The UTC day number (days since 1970-01-01) containing the instant. */
export function dayNumber(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

export function dayStartMs(day: number): number {
  return day * DAY_MS;
}

/** "2026-11-02" */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday */
export function weekday(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

export function isWeekend(day: number): boolean {
  const dow = weekday(day);
  return dow === 0 || dow === 6;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The day numbers of every day that overlaps [fromMs, toMs). */
export function daysOverlapping(fromMs: number, toMs: number): number[] {
  const days: number[] = [];
  if (toMs <= fromMs) return days;
  for (let day = dayNumber(fromMs); day <= dayNumber(toMs - 1); day++) {
    days.push(day);
  }
  return days;
}
