import { QueryOf } from './types';

/**
 * What a DORA request covers: the query of `GET /dora/metrics` and its
 * drill-downs. Only `entityRef` is required; the backend defaults the rest
 * (last 90 days, `production`, lead time from the commit, weekends included,
 * the 2024 tier model).
 *
 * @public
 */
export type DoraQuery = QueryOf<'/dora/metrics'>;
