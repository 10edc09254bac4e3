import {
  CanonicalEventInput,
  HOUR_MS,
} from '@goldenpath/plugin-platform-common';
import { eventId, hourKey } from './eventIds';
import { roundBytes, roundCores } from './podUsage';

/** One node during one hour, as both pollers read it. */
export interface NodeHour {
  cluster: string;
  node: string;
  instanceType: string;
  capacityType: 'on-demand' | 'spot';
  /** Averages over the whole hour (a node up for half of it counts half). */
  cpuCores: number;
  memoryBytes: number;
  cpuCoreHourPrice: number;
  memoryGibHourPrice: number;
  hourStartMs: number;
}

/** Prices to 1e-9, so re-polls of an hour compare equal. */
function roundPrice(price: number): number {
  return Math.round(Math.max(0, price) * 1e9) / 1e9;
}

/**
 * The `node.cost` event of a node-hour: id `<cluster>/<node>/<UTC hour>`
 * (three segments, where a pod.usage id has five), subject the cluster,
 * `occurredAt` the end of the hour.
 */
export function nodeCostEvent(
  source: string,
  hour: NodeHour,
): CanonicalEventInput {
  return {
    id: eventId([hour.cluster, hour.node, hourKey(hour.hourStartMs)]),
    source,
    type: 'node.cost',
    occurredAt: new Date(hour.hourStartMs + HOUR_MS).toISOString(),
    subject: { kind: 'cluster', name: hour.cluster },
    data: {
      cluster: hour.cluster,
      node: hour.node,
      instanceType: hour.instanceType,
      capacityType: hour.capacityType,
      cpuCores: roundCores(hour.cpuCores),
      memoryBytes: roundBytes(hour.memoryBytes),
      cpuCoreHourPrice: roundPrice(hour.cpuCoreHourPrice),
      memoryGibHourPrice: roundPrice(hour.memoryGibHourPrice),
      hourStart: new Date(hour.hourStartMs).toISOString(),
    },
  };
}
