import { DAY_MS } from './utc';

/** A half-open window `[from, to)` of ISO-8601 UTC timestamps. @public */
export interface IsoWindow {
  from: string;
  to: string;
}

/**
 * The window a request means: `to` defaults to now, `from` to `defaultDays`
 * before `to`; both normalised to `toISOString()`. Throws a RangeError naming
 * the rule a window breaks (from before to; at most `maxDays` long).
 *
 * @public
 */
export function resolveWindow(
  request: Partial<IsoWindow>,
  options: { now: Date; defaultDays: number; maxDays: number },
): IsoWindow {
  const to = request.to ?? options.now.toISOString();
  const from =
    request.from ??
    new Date(Date.parse(to) - options.defaultDays * DAY_MS).toISOString();
  if (Date.parse(from) >= Date.parse(to)) {
    throw new RangeError(`from: ${from} must be before to: ${to}`);
  }
  if (Date.parse(to) - Date.parse(from) > options.maxDays * DAY_MS) {
    throw new RangeError(
      `from/to: the window may span at most ${options.maxDays} days`,
    );
  }
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  };
}

/** The window of equal length that ends where this one starts. @public */
export function previousWindow(window: IsoWindow): IsoWindow {
  const length = Date.parse(window.to) - Date.parse(window.from);
  return {
    from: new Date(Date.parse(window.from) - length).toISOString(),
    to: window.from,
  };
}

/**
 * The last `days` days ending at `now` rounded up to the minute, so every
 * request of one view (and a re-render a second later) asks for the same
 * window.
 *
 * @public
 */
export function lastDays(days: number, now: Date): IsoWindow {
  const to = Math.ceil(now.getTime() / 60_000) * 60_000;
  return {
    from: new Date(to - days * DAY_MS).toISOString(),
    to: new Date(to).toISOString(),
  };
}

/**
 * The window of `days` days that ends just after `latest` (rounded up to the
 * next UTC day), so "jump to the latest data" shows it whole.
 *
 * @public
 */
export function daysEndingAfter(latest: string, days: number): IsoWindow {
  const to = (Math.floor(Date.parse(latest) / DAY_MS) + 1) * DAY_MS;
  return {
    from: new Date(to - days * DAY_MS).toISOString(),
    to: new Date(to).toISOString(),
  };
}
