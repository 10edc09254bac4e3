import { HOUR_MS } from '@goldenpath/plugin-platform-common';

/** Whole UTC hours `[fromMs, toMs)`. */
export interface HourWindow {
  fromMs: number;
  toMs: number;
}

/**
 * An hour is read once it ended this long ago, so the last scrapes of the hour
 * (and the rules computed from them) are in: a stored hour is never updated
 * (the intake keeps the first version), so reading it early would keep a
 * partial hour.
 */
export const SETTLE_MS = 10 * 60_000;

export function floorHour(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

/**
 * The hours a run reads: the last `lookbackHours` finished and settled hours,
 * reaching further back to the hour after the latest one stored for the
 * source (hours missed while the backend was down), at most `maxCatchUpHours`;
 * with nothing stored yet, the last `maxCatchUpHours`. Undefined when no hour
 * is due (never, once an hour has passed).
 */
export function pollWindow(options: {
  nowMs: number;
  lookbackHours: number;
  maxCatchUpHours: number;
  latestOccurredAt: string | null;
}): HourWindow | undefined {
  const toMs = floorHour(options.nowMs - SETTLE_MS);
  const earliestMs = toMs - options.maxCatchUpHours * HOUR_MS;
  const lookbackMs = toMs - options.lookbackHours * HOUR_MS;
  const latestMs = options.latestOccurredAt
    ? Date.parse(options.latestOccurredAt)
    : Number.NaN;
  // occurredAt is the end of the stored hour, so the next one starts there
  const resumeMs = Number.isFinite(latestMs) ? floorHour(latestMs) : earliestMs;
  const fromMs = Math.min(lookbackMs, Math.max(resumeMs, earliestMs));
  return fromMs < toMs ? { fromMs, toMs } : undefined;
}

/** The window cut in pieces of at most `hours`, oldest first. */
export function chunkWindow(window: HourWindow, hours: number): HourWindow[] {
  const chunks: HourWindow[] = [];
  for (let fromMs = window.fromMs; fromMs < window.toMs; ) {
    const toMs = Math.min(window.toMs, fromMs + hours * HOUR_MS);
    chunks.push({ fromMs, toMs });
    fromMs = toMs;
  }
  return chunks;
}

/** The hour starts in a window. */
export function hoursOf(window: HourWindow): number[] {
  const starts: number[] = [];
  for (let ms = window.fromMs; ms < window.toMs; ms += HOUR_MS) starts.push(ms);
  return starts;
}

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
