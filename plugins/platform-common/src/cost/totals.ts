import type { CostAllocation, CostEfficiency, CostTotals } from './types';

/** Plain code-unit order, so sorting never depends on the locale. */
export function compareKeys(x: string, y: string): number {
  if (x === y) {
    return 0;
  }
  return x < y ? -1 : 1;
}

export function emptyTotals(): CostTotals {
  return {
    containerHours: 0,
    missingPriceHours: 0,
    cpuRequestCoreHours: 0,
    cpuUsageCoreHours: 0,
    cpuBilledCoreHours: 0,
    memoryRequestByteHours: 0,
    memoryUsageByteHours: 0,
    memoryBilledByteHours: 0,
    cpuCost: 0,
    memoryCost: 0,
    cost: 0,
    sharedIdleCpuCost: 0,
    sharedIdleMemoryCost: 0,
    costWithIdle: 0,
    efficiency: { cpu: 0, memory: 0, total: 0 },
  };
}

/** Adds one container-hour (samples are hourly, so cores = core-hours). */
function add(totals: CostTotals, a: CostAllocation) {
  totals.containerHours += 1;
  totals.missingPriceHours += a.missingPrice ? 1 : 0;
  totals.cpuRequestCoreHours += a.cpuRequestCores;
  totals.cpuUsageCoreHours += a.cpuUsageCores;
  totals.cpuBilledCoreHours += a.cpuBilledCores;
  totals.memoryRequestByteHours += a.memoryRequestBytes;
  totals.memoryUsageByteHours += a.memoryUsageBytes;
  totals.memoryBilledByteHours += a.memoryBilledBytes;
  totals.cpuCost += a.cpuCost;
  totals.memoryCost += a.memoryCost;
  totals.cost += a.cost;
  totals.sharedIdleCpuCost += a.sharedIdleCpuCost;
  totals.sharedIdleMemoryCost += a.sharedIdleMemoryCost;
  totals.costWithIdle += a.cost + a.sharedIdleCpuCost + a.sharedIdleMemoryCost;
}

/**
 * Σ usage ÷ Σ request. With no request at all: 100 % when there was usage
 * and it cost something, 0 % otherwise. Above 100 % when usage exceeds the
 * request.
 *
 * @public
 */
export function resourceEfficiency(
  usage: number,
  request: number,
  cost: number,
): number {
  if (request > 0) {
    return usage / request;
  }
  return usage > 0 && cost > 0 ? 1 : 0;
}

export function efficiencyOf(totals: CostTotals): CostEfficiency {
  const cpu = resourceEfficiency(
    totals.cpuUsageCoreHours,
    totals.cpuRequestCoreHours,
    totals.cpuCost,
  );
  const memory = resourceEfficiency(
    totals.memoryUsageByteHours,
    totals.memoryRequestByteHours,
    totals.memoryCost,
  );
  const total =
    totals.cost > 0
      ? (cpu * totals.cpuCost + memory * totals.memoryCost) / totals.cost
      : 0;
  return { cpu, memory, total };
}

export function totalsOf(allocations: CostAllocation[]): CostTotals {
  const totals = emptyTotals();
  for (const a of allocations) {
    add(totals, a);
  }
  totals.efficiency = efficiencyOf(totals);
  return totals;
}

/**
 * Groups container-hours by `keyOf` and sums each group; `describe` gives the
 * identifying fields from the group's first row. Sorted by cost, largest first,
 * ties by key, so the order never depends on the input order.
 */
export function rollUp<T extends object>(
  allocations: CostAllocation[],
  keyOf: (a: CostAllocation) => string,
  describe: (a: CostAllocation) => T,
): Array<T & CostTotals> {
  const groups = new Map<string, CostAllocation[]>();
  for (const a of allocations) {
    const key = keyOf(a);
    const group = groups.get(key);
    if (group) {
      group.push(a);
    } else {
      groups.set(key, [a]);
    }
  }
  return [...groups.entries()]
    .map(([key, rows]) => ({
      key,
      row: { ...describe(rows[0]), ...totalsOf(rows) },
    }))
    .sort((x, y) => y.row.cost - x.row.cost || compareKeys(x.key, y.key))
    .map(({ row }) => row);
}

const SEP = '\u0000';

export const keys = {
  namespace: (a: CostAllocation) => [a.cluster, a.namespace].join(SEP),
  controller: (a: CostAllocation) =>
    [a.cluster, a.namespace, a.controller.kind, a.controller.name].join(SEP),
  container: (a: CostAllocation) =>
    [
      a.cluster,
      a.namespace,
      a.controller.kind,
      a.controller.name,
      a.container,
    ].join(SEP),
  pod: (a: CostAllocation) => [a.cluster, a.namespace, a.podUid].join(SEP),
};
