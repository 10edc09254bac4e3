import { DAY_MS, IsoWindow } from '@goldenpath/plugin-platform-common';
import {
  TimeWindowState,
  useTimeWindow,
} from '@goldenpath/plugin-platform-react';
import { useMemo } from 'react';

/** The window lengths the picker offers, in days. */
export const COST_RANGES = [7, 30, 90] as const;
export const DEFAULT_COST_RANGE = 30;

/**
 * The window as whole UTC days, as the cost endpoints take them: a window
 * that ends now ends at the next UTC midnight, so today so far is its last
 * day (the backend's default). A window moved to older data already ends at
 * a UTC midnight and is kept.
 */
export function wholeUtcDays(window: IsoWindow): IsoWindow {
  const days = Math.round(
    (Date.parse(window.to) - Date.parse(window.from)) / DAY_MS,
  );
  const to = Math.ceil(Date.parse(window.to) / DAY_MS) * DAY_MS;
  return {
    from: new Date(to - days * DAY_MS).toISOString(),
    to: new Date(to).toISOString(),
  };
}

/**
 * The time window of the Cost tab, kept in the URL (`?days=7`, and
 * `&until=…` after a jump to older data) so a view can be shared.
 */
export function useCostWindow(): TimeWindowState {
  const time = useTimeWindow({
    options: COST_RANGES,
    defaultDays: DEFAULT_COST_RANGE,
  });
  const window = useMemo(() => wholeUtcDays(time.window), [time.window]);
  return useMemo(() => ({ ...time, window }), [time, window]);
}
