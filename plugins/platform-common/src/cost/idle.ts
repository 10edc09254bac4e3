import { GIB } from './allocate';
import { compareKeys } from './totals';
import type {
  CostAllocation,
  CostIdle,
  CostIdleScope,
  CostNodePrice,
} from './types';

const SEP = '\u0000';

function groupOf(
  cluster: string,
  node: string,
  by: CostIdleScope,
): { key: string; cluster: string; node?: string } {
  return by === 'node'
    ? { key: [cluster, node].join(SEP), cluster, node }
    : { key: cluster, cluster };
}

interface HourCell {
  cpuCapacity: number;
  memoryCapacity: number;
  cpuAllocated: number;
  memoryAllocated: number;
}

/**
 * Idle per cluster (or node): for each hour, node cost − allocated cost per
 * resource, clamped at 0, then summed over the window. An hour where
 * allocation exceeds capacity (requests over capacity, usage bursting past
 * them, a price row missing a node) adds to `overAllocated` instead and never
 * offsets another hour's idle. Only node-hours with a price row count as
 * capacity; container-hours without a price cost 0 and allocate nothing.
 */
export function computeIdle(
  nodes: CostNodePrice[],
  allocations: CostAllocation[],
  by: CostIdleScope,
): CostIdle[] {
  const groups = new Map<
    string,
    { idle: CostIdle; hours: Map<number, HourCell> }
  >();
  const groupFor = (cluster: string, node: string) => {
    const g = groupOf(cluster, node, by);
    let entry = groups.get(g.key);
    if (!entry) {
      entry = {
        idle: {
          cluster: g.cluster,
          ...(g.node !== undefined ? { node: g.node } : {}),
          nodeHours: 0,
          cpuCapacityCost: 0,
          memoryCapacityCost: 0,
          cpuAllocatedCost: 0,
          memoryAllocatedCost: 0,
          cpuIdleCost: 0,
          memoryIdleCost: 0,
          idleCost: 0,
          cpuOverAllocatedCost: 0,
          memoryOverAllocatedCost: 0,
          cpuSharedCost: 0,
          memorySharedCost: 0,
        },
        hours: new Map(),
      };
      groups.set(g.key, entry);
    }
    return entry;
  };
  const cellFor = (hours: Map<number, HourCell>, hourMs: number) => {
    let cell = hours.get(hourMs);
    if (!cell) {
      cell = {
        cpuCapacity: 0,
        memoryCapacity: 0,
        cpuAllocated: 0,
        memoryAllocated: 0,
      };
      hours.set(hourMs, cell);
    }
    return cell;
  };

  for (const n of nodes) {
    const entry = groupFor(n.cluster, n.node);
    const cell = cellFor(entry.hours, Date.parse(n.hourStart));
    entry.idle.nodeHours += 1;
    cell.cpuCapacity += n.cpuCores * n.pricePerCoreHour;
    cell.memoryCapacity += (n.memoryBytes / GIB) * n.pricePerGiBHour;
  }
  for (const a of allocations) {
    if (a.missingPrice) {
      continue;
    }
    const entry = groupFor(a.cluster, a.node);
    const cell = cellFor(entry.hours, Date.parse(a.hourStart));
    cell.cpuAllocated += a.cpuCost;
    cell.memoryAllocated += a.memoryCost;
  }

  const result: CostIdle[] = [];
  for (const { idle, hours } of groups.values()) {
    for (const cell of hours.values()) {
      idle.cpuCapacityCost += cell.cpuCapacity;
      idle.memoryCapacityCost += cell.memoryCapacity;
      idle.cpuAllocatedCost += cell.cpuAllocated;
      idle.memoryAllocatedCost += cell.memoryAllocated;
      idle.cpuIdleCost += Math.max(0, cell.cpuCapacity - cell.cpuAllocated);
      idle.memoryIdleCost += Math.max(
        0,
        cell.memoryCapacity - cell.memoryAllocated,
      );
      idle.cpuOverAllocatedCost += Math.max(
        0,
        cell.cpuAllocated - cell.cpuCapacity,
      );
      idle.memoryOverAllocatedCost += Math.max(
        0,
        cell.memoryAllocated - cell.memoryCapacity,
      );
    }
    idle.idleCost = idle.cpuIdleCost + idle.memoryIdleCost;
    result.push(idle);
  }
  return result.sort(
    (x, y) =>
      compareKeys(x.cluster, y.cluster) ||
      compareKeys(x.node ?? '', y.node ?? ''),
  );
}

/**
 * Hands each group's idle to its container-hours in proportion to their CPU
 * cost (CPU idle) and memory cost (memory idle) over the window. A group
 * with no allocated cost of a resource keeps that idle unshared. Returns new
 * allocations; marks what was shared on the idle rows.
 */
export function shareIdle(
  idle: CostIdle[],
  allocations: CostAllocation[],
  by: CostIdleScope,
): CostAllocation[] {
  const byKey = new Map(
    idle.map(i => [groupOf(i.cluster, i.node ?? '', by).key, i]),
  );
  return allocations.map(a => {
    const group = byKey.get(groupOf(a.cluster, a.node, by).key);
    if (!group || a.missingPrice) {
      return a;
    }
    const cpuShare =
      group.cpuAllocatedCost > 0
        ? (group.cpuIdleCost * a.cpuCost) / group.cpuAllocatedCost
        : 0;
    const memoryShare =
      group.memoryAllocatedCost > 0
        ? (group.memoryIdleCost * a.memoryCost) / group.memoryAllocatedCost
        : 0;
    group.cpuSharedCost += cpuShare;
    group.memorySharedCost += memoryShare;
    return {
      ...a,
      sharedIdleCpuCost: cpuShare,
      sharedIdleMemoryCost: memoryShare,
    };
  });
}
