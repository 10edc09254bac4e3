import { InputError } from '@backstage/errors';
import { DAY_MS, HOUR_MS } from '@goldenpath/plugin-platform-common';

/** A window of whole UTC days, `[from, to)`. */
export interface CostWindow {
  from: string;
  to: string;
  /** `YYYY-MM-DD` of `from` and of `to` (exclusive). */
  fromDay: string;
  toDay: string;
  hours: number;
}

const MAX_DAYS = 366;

export function windowOf(fromMs: number, toMs: number): CostWindow {
  const from = new Date(fromMs).toISOString();
  const to = new Date(toMs).toISOString();
  return {
    from,
    to,
    fromDay: from.slice(0, 10),
    toDay: to.slice(0, 10),
    hours: Math.max(0, (toMs - fromMs) / HOUR_MS),
  };
}

function midnight(name: string, value: string): number {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms) || ms % DAY_MS !== 0) {
    throw new InputError(
      `${name}: cost windows are whole UTC days; ${value} is not a UTC midnight`,
    );
  }
  return ms;
}

/**
 * The window a cost request means. `to` defaults to the next UTC midnight
 * (today so far is in), `from` to `windowDays` before `to`; both must be UTC
 * midnights (the daily roll-ups are what is read), from before to, at most
 * 366 days apart. A bad one is a 400.
 */
export function resolveCostWindow(
  request: { from?: string; to?: string },
  now: Date,
  windowDays: number,
): CostWindow {
  const toMs =
    request.to === undefined
      ? (Math.floor(now.getTime() / DAY_MS) + 1) * DAY_MS
      : midnight('to', request.to);
  const fromMs =
    request.from === undefined
      ? toMs - windowDays * DAY_MS
      : midnight('from', request.from);
  if (fromMs >= toMs) {
    throw new InputError(
      `from: ${new Date(fromMs).toISOString()} must be before to: ${new Date(
        toMs,
      ).toISOString()}`,
    );
  }
  if (toMs - fromMs > MAX_DAYS * DAY_MS) {
    throw new InputError(
      `from/to: the window may span at most ${MAX_DAYS} days`,
    );
  }
  return windowOf(fromMs, toMs);
}

/** The window of equal length that ends where this one starts. */
export function previousCostWindow(window: CostWindow): CostWindow {
  const fromMs = Date.parse(window.from);
  return windowOf(fromMs - (Date.parse(window.to) - fromMs), fromMs);
}

/** The window clamped to start no earlier than `since` (raw retention). */
export function clampWindow(window: CostWindow, since: string): CostWindow {
  const toMs = Date.parse(window.to);
  const fromMs = Math.min(
    Math.max(Date.parse(window.from), Date.parse(since)),
    toMs,
  );
  return windowOf(fromMs, toMs);
}

/** Every UTC day `YYYY-MM-DD` in `[fromDay, toDay)`. */
export function daysOf(window: CostWindow): string[] {
  const days: string[] = [];
  for (
    let ms = Date.parse(`${window.fromDay}T00:00:00.000Z`);
    ms < Date.parse(window.to);
    ms += DAY_MS
  ) {
    days.push(new Date(ms).toISOString().slice(0, 10));
  }
  return days;
}
