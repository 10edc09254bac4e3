import {
  CostAllocation,
  CostContainerSample,
  CostIdle,
  CostNodePrice,
  allocate,
  computeIdle,
  nodeHourKey,
  priceIndex,
  shareIdle,
} from '@goldenpath/plugin-platform-common';
import { ClusterHourRow, NodeHourRow, SampleRow } from './CostStore';
import { NodePriceOverride, resolvePrices } from './nodePrices';
import { compareText } from './sums';

/** A raw row billed by the model, with its hourly share of idle both ways. */
export interface BilledSample {
  sample: SampleRow;
  /** The model's allocation; `sharedIdle*` is the cluster share. */
  allocation: CostAllocation;
  nodeIdleCpuCost: number;
  nodeIdleMemoryCost: number;
  /** Whether its node-hour has a `node.cost` row (only those take part in idle). */
  onCapacity: boolean;
}

export function toModelSample(s: SampleRow): CostContainerSample {
  return {
    cluster: s.cluster,
    namespace: s.namespace,
    controller: { kind: s.controllerKind, name: s.controller },
    pod: s.pod,
    podUid: s.podUid,
    container: s.container,
    node: s.node,
    hourStart: s.hourStart,
    cpuRequestCores: s.cpuRequestCores,
    cpuUsageCores: s.cpuUsageCores,
    memoryRequestBytes: s.memoryRequestBytes,
    memoryUsageBytes: s.memoryUsageBytes,
  };
}

function sampleOrder(a: SampleRow, b: SampleRow): number {
  return (
    compareText(a.hourStart, b.hourStart) ||
    compareText(a.cluster, b.cluster) ||
    compareText(a.namespace, b.namespace) ||
    compareText(a.controllerKind, b.controllerKind) ||
    compareText(a.controller, b.controller) ||
    compareText(a.podUid, b.podUid) ||
    compareText(a.container, b.container)
  );
}

/** Where each cluster-hour's idle comes from. */
export type IdleSource =
  /** Computed from the rows given: they must be every container of their cluster-hours. */
  | { compute: true }
  /** Read from `cost_cluster_hours`, which the projection computed from every container. */
  | { compute: false; stored: ClusterHourRow[] };

/** Billed rows, and the hourly idle rows (cluster: node '') their shares came from. */
export interface BilledHours {
  billed: BilledSample[];
  /** The resolved node-hour prices, for `rightSize`. */
  prices: Map<string, CostNodePrice>;
  idle: ClusterHourRow[];
}

const hourKeyOf = (cluster: string, hourStart: string) =>
  `${cluster}\u0000${hourStart}`;

/**
 * Bills raw rows with the model's `allocate` at the resolved node prices, in a
 * fixed order (so sums never depend on the order rows were read in), and hands
 * each its share of its cluster-hour's idle, per cluster and per node, with
 * the model's `computeIdle` and `shareIdle`, one hour at a time: the idle of
 * an hour goes to the containers of that hour.
 */
export function billSamples(
  samples: SampleRow[],
  nodes: NodeHourRow[],
  override: NodePriceOverride,
  source: IdleSource,
): BilledHours {
  const { prices, capacity } = resolvePrices(samples, nodes, override);
  const index = priceIndex(prices);
  const capacityKeys = new Set(
    capacity.map(n => nodeHourKey(n.cluster, n.node, Date.parse(n.hourStart))),
  );
  const billed: BilledSample[] = [...samples].sort(sampleOrder).map(sample => ({
    sample,
    allocation: allocate(toModelSample(sample), index),
    nodeIdleCpuCost: 0,
    nodeIdleMemoryCost: 0,
    onCapacity: capacityKeys.has(
      nodeHourKey(sample.cluster, sample.node, Date.parse(sample.hourStart)),
    ),
  }));

  const hours = new Map<
    string,
    {
      hourStart: string;
      capacity: CostNodePrice[];
      stored: ClusterHourRow[];
      billed: BilledSample[];
    }
  >();
  const hour = (cluster: string, hourStart: string) => {
    const key = hourKeyOf(cluster, hourStart);
    let entry = hours.get(key);
    if (!entry) {
      entry = { hourStart, capacity: [], stored: [], billed: [] };
      hours.set(key, entry);
    }
    return entry;
  };
  for (const n of capacity) hour(n.cluster, n.hourStart).capacity.push(n);
  if (!source.compute) {
    for (const r of source.stored) hour(r.cluster, r.hourStart).stored.push(r);
  }
  for (const b of billed) {
    if (b.onCapacity) hour(b.sample.cluster, b.sample.hourStart).billed.push(b);
  }

  const idle: ClusterHourRow[] = [];
  for (const entry of hours.values()) {
    const allocations = entry.billed.map(b => b.allocation);
    const clusterIdle = source.compute
      ? computeIdle(entry.capacity, allocations, 'cluster')
      : entry.stored.filter(r => r.node === '').map(toModelIdle);
    const nodeIdle = source.compute
      ? computeIdle(entry.capacity, allocations, 'node')
      : entry.stored.filter(r => r.node !== '').map(toModelIdle);
    for (const i of [...clusterIdle, ...nodeIdle]) {
      idle.push(fromModelIdle(i, entry.hourStart));
    }
    if (allocations.length === 0) continue;
    const byCluster = shareIdle(clusterIdle, allocations, 'cluster');
    const byNode = shareIdle(nodeIdle, allocations, 'node');
    entry.billed.forEach((b, i) => {
      b.allocation = byCluster[i];
      b.nodeIdleCpuCost = byNode[i].sharedIdleCpuCost;
      b.nodeIdleMemoryCost = byNode[i].sharedIdleMemoryCost;
    });
  }
  return { billed, idle, prices: index };
}

/** A stored hourly idle row as the model's `CostIdle` (for `shareIdle`). */
export function toModelIdle(row: ClusterHourRow): CostIdle {
  return {
    cluster: row.cluster,
    ...(row.node ? { node: row.node } : {}),
    nodeHours: row.nodeHours,
    cpuCapacityCost: row.cpuCapacityCost,
    memoryCapacityCost: row.memoryCapacityCost,
    cpuAllocatedCost: row.cpuAllocatedCost,
    memoryAllocatedCost: row.memoryAllocatedCost,
    cpuIdleCost: row.cpuIdleCost,
    memoryIdleCost: row.memoryIdleCost,
    idleCost: row.cpuIdleCost + row.memoryIdleCost,
    cpuOverAllocatedCost: row.cpuOverAllocatedCost,
    memoryOverAllocatedCost: row.memoryOverAllocatedCost,
    cpuSharedCost: 0,
    memorySharedCost: 0,
  };
}

function fromModelIdle(idle: CostIdle, hourStart: string): ClusterHourRow {
  return {
    cluster: idle.cluster,
    node: idle.node ?? '',
    hourStart,
    nodeHours: idle.nodeHours,
    cpuCapacityCost: idle.cpuCapacityCost,
    memoryCapacityCost: idle.memoryCapacityCost,
    cpuAllocatedCost: idle.cpuAllocatedCost,
    memoryAllocatedCost: idle.memoryAllocatedCost,
    cpuIdleCost: idle.cpuIdleCost,
    memoryIdleCost: idle.memoryIdleCost,
    cpuOverAllocatedCost: idle.cpuOverAllocatedCost,
    memoryOverAllocatedCost: idle.memoryOverAllocatedCost,
  };
}
