import { DoraQuery } from '@goldenpath/plugin-platform-react';
import { useMemo } from 'react';
import { DoraFilters } from './useDoraFilters';

/** The query every request of one view shares, stable until the filters change. */
export function useDoraQuery(
  entityRef: string,
  filters: Pick<DoraFilters, 'window' | 'environment'>,
): DoraQuery {
  const { window, environment } = filters;
  return useMemo(
    () => ({ entityRef, environment, from: window.from, to: window.to }),
    [entityRef, environment, window],
  );
}
