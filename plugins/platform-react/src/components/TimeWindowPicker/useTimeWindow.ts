import {
  daysEndingAfter,
  IsoWindow,
  lastDays,
} from '@goldenpath/plugin-platform-common';
import { useCallback, useMemo } from 'react';
import { useUrlParams } from '../urlState';

const DAYS_PARAM = 'days';
const UNTIL_PARAM = 'until';
const UTC_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** @public */
export interface TimeWindowOptions {
  /** The window lengths offered, in days, e.g. `[30, 90, 180]`. */
  options: readonly number[];
  defaultDays: number;
}

/** @public */
export interface TimeWindowState {
  days: number;
  /** The UTC day (`YYYY-MM-DD`) the window ends with; `undefined`: it ends now. */
  until: string | undefined;
  /** The `[from, to)` window to ask the backend for. */
  window: IsoWindow;
  setDays(days: number): void;
  /** Moves the window so it ends with the UTC day of `latest` (an ISO timestamp). */
  jumpTo(latest: string): void;
  /** Lets the window end now again. */
  backToNow(): void;
}

/** The UTC calendar day of an ISO timestamp. */
function utcDay(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}

/**
 * The time window of a tab, kept in the URL (`?days=30`, and
 * `&until=2026-05-31` after a jump to older data) so a view can be shared.
 * Defaults are left out of the URL. The window is computed once per change,
 * so every request of one view asks for the same `from` and `to`.
 *
 * @public
 */
export function useTimeWindow(options: TimeWindowOptions): TimeWindowState {
  const { defaultDays } = options;
  const [searchParams, update] = useUrlParams();

  const requested = Number(searchParams.get(DAYS_PARAM));
  const days = options.options.includes(requested) ? requested : defaultDays;
  const rawUntil = searchParams.get(UNTIL_PARAM);
  const until =
    rawUntil && UTC_DATE.test(rawUntil) && !isNaN(Date.parse(rawUntil))
      ? rawUntil
      : undefined;

  const window = useMemo(
    () =>
      until
        ? daysEndingAfter(`${until}T00:00:00.000Z`, days)
        : lastDays(days, new Date()),
    [days, until],
  );

  const setDays = useCallback(
    (next: number) =>
      update({
        [DAYS_PARAM]: next === defaultDays ? undefined : String(next),
      }),
    [update, defaultDays],
  );
  const jumpTo = useCallback(
    (latest: string) => update({ [UNTIL_PARAM]: utcDay(latest) }),
    [update],
  );
  const backToNow = useCallback(
    () => update({ [UNTIL_PARAM]: undefined }),
    [update],
  );

  return useMemo(
    () => ({ days, until, window, setDays, jumpTo, backToNow }),
    [days, until, window, setDays, jumpTo, backToNow],
  );
}
