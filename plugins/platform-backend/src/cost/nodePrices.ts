import { Config } from '@backstage/config';
import {
  CostCapacityType,
  CostNodePrice,
  NodeHourPrice,
  nodeHourKey,
  parseNodePricesConfig,
  resolveNodePrice,
} from '@goldenpath/plugin-platform-common';
import { NodeHourRow, SampleRow } from './CostStore';

/** A configured price for an instance type and capacity type, if there is one. */
export type NodePriceOverride = (
  instanceType: string,
  capacityType: CostCapacityType,
) => NodeHourPrice | undefined;

/** The prices a set of node-hours is billed at. */
export interface ResolvedPrices {
  /** One row per priced node-hour: `allocate` and `rightSize` bill at these. */
  prices: CostNodePrice[];
  /**
   * The node-hours with a `node.cost` row: only their sizes are known, so
   * only they are capacity for idle (and only containers on them allocate).
   */
  capacity: CostNodePrice[];
}

/**
 * The price of each node-hour, in this order (docs/cost-model.md, Storage and
 * roll-ups): a configured price for the node's (instance type, capacity type);
 * else the `node.cost` event's prices; else the prices the pods' `pod.usage`
 * events carried (the first sample in a fixed order, should they differ); else
 * none, and the model bills 0 and counts the hours as missing a price.
 */
export function resolvePrices(
  samples: SampleRow[],
  nodes: NodeHourRow[],
  override: NodePriceOverride,
): ResolvedPrices {
  const capacity = nodes.map(n => {
    const configured = override(n.instanceType, n.capacityType);
    return {
      cluster: n.cluster,
      node: n.node,
      instanceType: n.instanceType,
      capacityType: n.capacityType,
      cpuCores: n.cpuCores,
      memoryBytes: n.memoryBytes,
      pricePerCoreHour: configured?.cpuCoreHourPrice ?? n.cpuCoreHourPrice,
      pricePerGiBHour: configured?.memoryGibHourPrice ?? n.memoryGibHourPrice,
      hourStart: n.hourStart,
    };
  });
  const priced = new Set(
    capacity.map(n => nodeHourKey(n.cluster, n.node, Date.parse(n.hourStart))),
  );
  const fromPods: CostNodePrice[] = [];
  for (const s of [...samples].sort(bySampleKey)) {
    if (s.cpuCoreHourPrice === null || s.memoryGibHourPrice === null) continue;
    const key = nodeHourKey(s.cluster, s.node, Date.parse(s.hourStart));
    if (priced.has(key)) continue;
    priced.add(key);
    fromPods.push({
      cluster: s.cluster,
      node: s.node,
      instanceType: '',
      capacityType: 'on-demand',
      cpuCores: 0,
      memoryBytes: 0,
      pricePerCoreHour: s.cpuCoreHourPrice,
      pricePerGiBHour: s.memoryGibHourPrice,
      hourStart: s.hourStart,
    });
  }
  return { prices: [...capacity, ...fromPods], capacity };
}

function bySampleKey(a: SampleRow, b: SampleRow): number {
  const x = [a.hourStart, a.cluster, a.namespace, a.podUid, a.container].join(
    '\u0000',
  );
  const y = [b.hourStart, b.cluster, b.namespace, b.podUid, b.container].join(
    '\u0000',
  );
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

/**
 * `platform.cost.prices` as an override: the most specific configured entry
 * for the node (`resolveNodePrice`'s rules), or none. The default table is not
 * applied here: a node.cost event carries its producer's price (the pollers
 * and the demo fall back to the table themselves), and an hour with no price
 * at all is counted as missing rather than priced by a guess.
 */
export function readPriceOverride(cost: Config | undefined): NodePriceOverride {
  const configured = parseNodePricesConfig(cost?.getOptional('prices'));
  if (configured.length === 0) return () => undefined;
  return (instanceType, capacityType) => {
    const price = resolveNodePrice({ instanceType, capacityType }, configured);
    return price.source === 'config'
      ? {
          cpuCoreHourPrice: price.cpuCoreHourPrice,
          memoryGibHourPrice: price.memoryGibHourPrice,
        }
      : undefined;
  };
}
