import { HOUR_MS } from '@goldenpath/plugin-platform-common';
import { SourceRequestError } from '../shared/http';
import { ReadClusterHours } from '../shared/pollClusters';
import { NodePriceBook } from '../shared/prices';
import { queryRange } from './api';
import { mapSeries, QueryResults } from './mapSeries';
import { QueryName, buildQueries } from './queries';

/**
 * Reads hours of one cluster from Prometheus: each query once per chunk (a
 * range query with one point per hour end), one after the other so a large
 * cluster does not load Prometheus with eight queries at once. Any failing
 * query fails the chunk, and so does a warning (Thanos' partial response,
 * for instance): stored hours are never updated, so an hour is sent whole or
 * not yet; the next run asks again.
 */
export function createPrometheusReader(options: {
  timeoutMs: number;
  prices: NodePriceBook;
}): ReadClusterHours {
  return async ({ cluster, window, source, signal }) => {
    const queries = buildQueries(cluster.selector);
    const results = {} as QueryResults;
    for (const name of Object.keys(queries) as QueryName[]) {
      const { series, warnings } = await queryRange({
        cluster,
        name,
        query: queries[name],
        startMs: window.fromMs + HOUR_MS,
        endMs: window.toMs,
        stepSeconds: HOUR_MS / 1000,
        timeoutMs: options.timeoutMs,
        signal,
      });
      if (warnings.length > 0) {
        throw new SourceRequestError(
          `Prometheus ${
            cluster.name
          } query "${name}" answered with warnings, so the hours may be partial and are not sent yet: ${warnings.join(
            '; ',
          )}`,
        );
      }
      results[name] = series;
    }
    return mapSeries({
      results,
      cluster: cluster.name,
      source,
      window,
      prices: options.prices,
    });
  };
}
