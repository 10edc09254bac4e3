import {
  CostTotals,
  efficiencyOf,
  emptyTotals,
} from '@goldenpath/plugin-platform-common';
import { CostSums, IdleSums } from './CostStore';

/** Plain code-unit order, so sorting never depends on the locale. */
export function compareText(x: string, y: string): number {
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

export function emptySums(): CostSums {
  return {
    missingPriceHours: 0,
    cpuRequestCoreHours: 0,
    cpuUsageCoreHours: 0,
    cpuBilledCoreHours: 0,
    memoryRequestByteHours: 0,
    memoryUsageByteHours: 0,
    memoryBilledByteHours: 0,
    cpuCost: 0,
    memoryCost: 0,
    clusterIdleCpuCost: 0,
    clusterIdleMemoryCost: 0,
    nodeIdleCpuCost: 0,
    nodeIdleMemoryCost: 0,
  };
}

const SUM_FIELDS = Object.keys(emptySums()) as Array<keyof CostSums>;

/** Adds `from` into `to`, field by field. */
export function addSums(to: CostSums, from: CostSums): void {
  for (const field of SUM_FIELDS) to[field] += from[field];
}

export function emptyIdle(): IdleSums {
  return {
    nodeHours: 0,
    cpuCapacityCost: 0,
    memoryCapacityCost: 0,
    cpuAllocatedCost: 0,
    memoryAllocatedCost: 0,
    cpuIdleCost: 0,
    memoryIdleCost: 0,
    cpuOverAllocatedCost: 0,
    memoryOverAllocatedCost: 0,
  };
}

const IDLE_FIELDS = Object.keys(emptyIdle()) as Array<keyof IdleSums>;

export function addIdle(to: IdleSums, from: IdleSums): void {
  for (const field of IDLE_FIELDS) to[field] += from[field];
}

/** Copies just the idle sums of a row. */
export function idleOf(row: IdleSums): IdleSums {
  const idle = emptyIdle();
  addIdle(idle, row);
  return idle;
}

/** Idle shared back under the configured scope (0 unless sharing is on). */
export function sharedIdleOf(
  sums: CostSums,
  idle: { share: boolean; by: 'cluster' | 'node' },
): { cpu: number; memory: number } {
  if (!idle.share) return { cpu: 0, memory: 0 };
  return idle.by === 'node'
    ? { cpu: sums.nodeIdleCpuCost, memory: sums.nodeIdleMemoryCost }
    : { cpu: sums.clusterIdleCpuCost, memory: sums.clusterIdleMemoryCost };
}

/**
 * The model's totals from stored sums: efficiency by the model's own rule
 * (Σ usage ÷ Σ request, cost-weighted total), shared idle per the config.
 */
export function totalsFromSums(
  sums: CostSums,
  containerHours: number,
  idle: { share: boolean; by: 'cluster' | 'node' },
): CostTotals {
  const shared = sharedIdleOf(sums, idle);
  const totals: CostTotals = {
    ...emptyTotals(),
    containerHours,
    missingPriceHours: sums.missingPriceHours,
    cpuRequestCoreHours: sums.cpuRequestCoreHours,
    cpuUsageCoreHours: sums.cpuUsageCoreHours,
    cpuBilledCoreHours: sums.cpuBilledCoreHours,
    memoryRequestByteHours: sums.memoryRequestByteHours,
    memoryUsageByteHours: sums.memoryUsageByteHours,
    memoryBilledByteHours: sums.memoryBilledByteHours,
    cpuCost: sums.cpuCost,
    memoryCost: sums.memoryCost,
    cost: sums.cpuCost + sums.memoryCost,
    sharedIdleCpuCost: shared.cpu,
    sharedIdleMemoryCost: shared.memory,
  };
  totals.costWithIdle = totals.cost + shared.cpu + shared.memory;
  totals.efficiency = efficiencyOf(totals);
  return totals;
}

/**
 * The entity of a roll-up row: the one most of its container-hours are
 * linked to (ties: the smaller ref); null when none is linked. Pods of one
 * controller normally share an entity; this only decides mid-relink.
 */
export function dominantEntity(
  weighted: Array<{ entityRef: string | null; weight: number }>,
): string | null {
  const counts = new Map<string, number>();
  for (const { entityRef, weight } of weighted) {
    if (entityRef) counts.set(entityRef, (counts.get(entityRef) ?? 0) + weight);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [ref, count] of counts) {
    if (
      count > bestCount ||
      (count === bestCount && best !== null && compareText(ref, best) < 0)
    ) {
      best = ref;
      bestCount = count;
    }
  }
  return best;
}
