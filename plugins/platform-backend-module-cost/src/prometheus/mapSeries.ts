import {
  CanonicalEventInput,
  HOUR_MS,
} from '@goldenpath/plugin-platform-common';
import { resolveController } from '../shared/controller';
import { HourWindow, hoursOf } from '../shared/hours';
import { labelValue, restoreLabelKeys, seriesLabels } from '../shared/labels';
import { nodeCostEvent } from '../shared/nodeCost';
import { nodeKindFromLabels } from '../shared/nodeLabels';
import { podUsageEvent } from '../shared/podUsage';
import { NodePriceBook } from '../shared/prices';
import { RangeSeries } from './api';
import { QueryName } from './queries';

const SEP = '\u0000';

export type QueryResults = Record<QueryName, RangeSeries[]>;

function count(skipped: Record<string, number>, reason: string) {
  skipped[reason] = (skipped[reason] ?? 0) + 1;
}

/** hour end (ms) → key → value, for a query whose series are keyed by labels. */
function valuesByHour(
  series: RangeSeries[],
  keyOf: (metric: Record<string, string>) => string | undefined,
): Map<number, Map<string, number>> {
  const result = new Map<number, Map<string, number>>();
  for (const s of series) {
    const key = keyOf(s.metric);
    if (key === undefined) continue;
    for (const [endMs, value] of s.values) {
      let hour = result.get(endMs);
      if (!hour) result.set(endMs, (hour = new Map()));
      // a repeated key (a duplicate scrape) keeps the larger value
      hour.set(key, Math.max(value, hour.get(key) ?? value));
    }
  }
  return result;
}

/** hour end (ms) → key → the metric of the series present that hour. */
function metricsByHour(
  series: RangeSeries[],
  keyOf: (metric: Record<string, string>) => string | undefined,
): Map<number, Map<string, Record<string, string>>> {
  const result = new Map<number, Map<string, Record<string, string>>>();
  for (const s of series) {
    const key = keyOf(s.metric);
    if (key === undefined) continue;
    for (const endMs of s.values.keys()) {
      let hour = result.get(endMs);
      if (!hour) result.set(endMs, (hour = new Map()));
      // several series for one key (labels changed in the hour): the one
      // whose labels sort last, so every re-poll picks the same
      const known = hour.get(key);
      if (!known || JSON.stringify(s.metric) > JSON.stringify(known)) {
        hour.set(key, s.metric);
      }
    }
  }
  return result;
}

const containerKey = (m: Record<string, string>) =>
  m.namespace && m.pod && m.container
    ? [m.namespace, m.pod, m.container].join(SEP)
    : undefined;
const podKey = (m: Record<string, string>) =>
  m.namespace && m.pod ? [m.namespace, m.pod].join(SEP) : undefined;
const nodeKey = (m: Record<string, string>) => m.node || undefined;

/**
 * Prometheus series of some hours → `pod.usage` per container-hour and
 * `node.cost` per node-hour.
 *
 * A container-hour exists when any of its four series (CPU and memory
 * request, CPU and memory usage) has a value that hour and its pod has a
 * `kube_pod_info` series (for node, UID and owner); a missing series counts
 * 0 (no request series: request 0; no cAdvisor series: usage 0). Containers
 * whose pod has no `kube_pod_info` that hour are skipped and counted.
 *
 * A node-hour exists when the node has CPU and memory capacity that hour;
 * its instance and capacity type come from `kube_node_labels`, its prices
 * from the price book (configured, else the default table).
 */
export function mapSeries(options: {
  results: QueryResults;
  cluster: string;
  source: string;
  window: HourWindow;
  prices: NodePriceBook;
}): { events: CanonicalEventInput[]; skipped: Record<string, number> } {
  const { results, cluster, source, window, prices } = options;
  const skipped: Record<string, number> = {};
  const events: CanonicalEventInput[] = [];

  const cpuRequest = valuesByHour(results.cpuRequest, containerKey);
  const memoryRequest = valuesByHour(results.memoryRequest, containerKey);
  const cpuUsage = valuesByHour(results.cpuUsage, containerKey);
  const memoryUsage = valuesByHour(results.memoryUsage, containerKey);
  const podInfo = metricsByHour(results.podInfo, podKey);
  const podLabels = metricsByHour(results.podLabels, podKey);
  const nodeLabels = metricsByHour(results.nodeLabels, nodeKey);
  const capacity = valuesByHour(results.nodeCapacity, m =>
    m.node && m.resource ? [m.node, m.resource].join(SEP) : undefined,
  );

  for (const hourStartMs of hoursOf(window)) {
    const endMs = hourStartMs + HOUR_MS;
    const containers = new Set<string>();
    for (const table of [cpuRequest, memoryRequest, cpuUsage, memoryUsage]) {
      for (const key of table.get(endMs)?.keys() ?? []) containers.add(key);
    }
    for (const key of [...containers].sort()) {
      const [namespace, pod, container] = key.split(SEP);
      const info = podInfo.get(endMs)?.get([namespace, pod].join(SEP));
      if (!info) {
        count(skipped, 'containers without kube_pod_info (node unknown)');
        continue;
      }
      const rawLabels = seriesLabels(
        podLabels.get(endMs)?.get([namespace, pod].join(SEP)) ?? {},
      );
      events.push(
        podUsageEvent(source, {
          cluster,
          namespace,
          pod,
          podUid: info.uid,
          container,
          node: info.node,
          controller: resolveController({
            kind: info.created_by_kind,
            name: info.created_by_name,
            pod,
            podTemplateHash: labelValue(rawLabels, 'pod-template-hash'),
          }),
          labels: restoreLabelKeys(rawLabels),
          hourStartMs,
          cpuRequestCores: cpuRequest.get(endMs)?.get(key) ?? 0,
          cpuUsageCores: cpuUsage.get(endMs)?.get(key) ?? 0,
          memoryRequestBytes: memoryRequest.get(endMs)?.get(key) ?? 0,
          memoryUsageBytes: memoryUsage.get(endMs)?.get(key) ?? 0,
        }),
      );
    }

    const nodes = new Set<string>();
    for (const key of capacity.get(endMs)?.keys() ?? []) {
      nodes.add(key.split(SEP)[0]);
    }
    for (const node of [...nodes].sort()) {
      const cpuCores = capacity.get(endMs)?.get([node, 'cpu'].join(SEP)) ?? 0;
      const memoryBytes =
        capacity.get(endMs)?.get([node, 'memory'].join(SEP)) ?? 0;
      if (cpuCores <= 0 || memoryBytes <= 0) {
        count(skipped, 'nodes without CPU or memory capacity');
        continue;
      }
      const kind = nodeKindFromLabels(
        seriesLabels(nodeLabels.get(endMs)?.get(node) ?? {}),
      );
      const key = { cluster, node, ...kind };
      events.push(
        nodeCostEvent(source, {
          ...key,
          cpuCores,
          memoryBytes,
          ...prices.fallback(key),
          hourStartMs,
        }),
      );
    }
  }
  return { events, skipped };
}
