import { ReadClusterHours } from '../shared/pollClusters';
import { hoursOf } from '../shared/hours';
import { HOUR_MS } from '@goldenpath/plugin-platform-common';
import { NodePriceBook } from '../shared/prices';
import { fetchAllocations, fetchAssets } from './api';
import { mapAllocations } from './mapAllocations';
import { mapAssets } from './mapAssets';

/**
 * Reads hours of one cluster from OpenCost: the allocations of the whole
 * chunk in one request, then the node assets hour by hour. Failing
 * allocations fail the chunk; a failing assets hour is reported and the
 * container-hours are still sent (their prices then come from another
 * node.cost or are shown as missing).
 */
export function createOpenCostReader(options: {
  timeoutMs: number;
  prices: NodePriceBook;
}): ReadClusterHours {
  return async ({ cluster, window, source, signal }) => {
    const request = { cluster, timeoutMs: options.timeoutMs, signal };
    const allocations = mapAllocations({
      entries: await fetchAllocations({ ...request, window }),
      cluster: cluster.name,
      source,
      window,
    });
    const events = [...allocations.events];
    const skipped = { ...allocations.skipped };
    const errors: string[] = [];
    for (const hourStartMs of hoursOf(window)) {
      const hour = { fromMs: hourStartMs, toMs: hourStartMs + HOUR_MS };
      try {
        const nodes = mapAssets({
          entries: await fetchAssets({ ...request, window: hour }),
          cluster: cluster.name,
          source,
          hour,
          prices: options.prices,
        });
        events.push(...nodes.events);
        for (const [reason, n] of Object.entries(nodes.skipped)) {
          skipped[reason] = (skipped[reason] ?? 0) + n;
        }
      } catch (error) {
        // the next hours would most likely fail the same way (and wait as long)
        errors.push((error as Error).message);
        break;
      }
    }
    return { events, skipped, errors };
  };
}
