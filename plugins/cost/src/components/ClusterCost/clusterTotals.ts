import { CostIdleRow } from '../../api/types';

/** Node cost against allocated cost, summed over a cluster's idle rows (clusters or nodes). */
export interface ClusterTotals {
  nodeHours: number;
  cpuCapacityCost: number;
  memoryCapacityCost: number;
  capacityCost: number;
  allocatedCost: number;
  cpuIdleCost: number;
  memoryIdleCost: number;
  idleCost: number;
  overAllocatedCost: number;
}

export function capacityCostOf(row: CostIdleRow): number {
  return row.cpuCapacityCost + row.memoryCapacityCost;
}

export function allocatedCostOf(row: CostIdleRow): number {
  return row.cpuAllocatedCost + row.memoryAllocatedCost;
}

export function sumIdleRows(rows: readonly CostIdleRow[]): ClusterTotals {
  const sum = (value: (row: CostIdleRow) => number) =>
    rows.reduce((total, row) => total + value(row), 0);
  const cpuCapacityCost = sum(r => r.cpuCapacityCost);
  const memoryCapacityCost = sum(r => r.memoryCapacityCost);
  return {
    nodeHours: sum(r => r.nodeHours),
    cpuCapacityCost,
    memoryCapacityCost,
    capacityCost: cpuCapacityCost + memoryCapacityCost,
    allocatedCost: sum(allocatedCostOf),
    cpuIdleCost: sum(r => r.cpuIdleCost),
    memoryIdleCost: sum(r => r.memoryIdleCost),
    idleCost: sum(r => r.idleCost),
    overAllocatedCost: sum(
      r => r.cpuOverAllocatedCost + r.memoryOverAllocatedCost,
    ),
  };
}
