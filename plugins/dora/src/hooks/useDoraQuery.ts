import { DoraQuery } from '@goldenpath/plugin-platform-react';
import { useMemo } from 'react';
import { DoraFilters } from './useDoraFilters';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The window ending now (rounded up to the minute) and starting `days` earlier. */
export function windowOf(
  days: number,
  now: Date,
): { from: string; to: string } {
  const to = Math.ceil(now.getTime() / 60_000) * 60_000;
  return {
    from: new Date(to - days * DAY_MS).toISOString(),
    to: new Date(to).toISOString(),
  };
}

/** The query every request of one view shares, stable until the filters change. */
export function useDoraQuery(
  entityRef: string,
  filters: Pick<DoraFilters, 'days' | 'environment'>,
): DoraQuery {
  const { days, environment } = filters;
  return useMemo(
    () => ({ entityRef, environment, ...windowOf(days, new Date()) }),
    [entityRef, days, environment],
  );
}
