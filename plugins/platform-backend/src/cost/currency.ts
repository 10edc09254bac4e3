import {
  CostRecommendation,
  CostResourceRecommendation,
  CostTotals,
} from '@goldenpath/plugin-platform-common';
import {
  CostDayBody,
  CostIdleBody,
  CostRecommendationBody,
  CostTotalsBody,
} from './apiTypes';

/**
 * Amounts leave the service multiplied by `platform.cost.currency.rate`:
 * prices are stored in the source currency, so a new rate needs no replay.
 * Ratios (efficiency) and quantities are computed before and not converted.
 */

export function totalsBody(t: CostTotals, rate: number): CostTotalsBody {
  return {
    containerHours: t.containerHours,
    missingPriceHours: t.missingPriceHours,
    cpuRequestCoreHours: t.cpuRequestCoreHours,
    cpuUsageCoreHours: t.cpuUsageCoreHours,
    cpuBilledCoreHours: t.cpuBilledCoreHours,
    memoryRequestByteHours: t.memoryRequestByteHours,
    memoryUsageByteHours: t.memoryUsageByteHours,
    memoryBilledByteHours: t.memoryBilledByteHours,
    cpuCost: t.cpuCost * rate,
    memoryCost: t.memoryCost * rate,
    cost: t.cost * rate,
    sharedIdleCost: (t.sharedIdleCpuCost + t.sharedIdleMemoryCost) * rate,
    costWithIdle: t.costWithIdle * rate,
    efficiency: { ...t.efficiency },
  };
}

export function dayBody(d: CostDayBody, rate: number): CostDayBody {
  return {
    day: d.day,
    cpuCost: d.cpuCost * rate,
    memoryCost: d.memoryCost * rate,
    sharedIdleCost: d.sharedIdleCost * rate,
    cost: d.cost * rate,
  };
}

export function idleBody(i: CostIdleBody, rate: number): CostIdleBody {
  return {
    ...i,
    cpuCapacityCost: i.cpuCapacityCost * rate,
    memoryCapacityCost: i.memoryCapacityCost * rate,
    cpuAllocatedCost: i.cpuAllocatedCost * rate,
    memoryAllocatedCost: i.memoryAllocatedCost * rate,
    cpuIdleCost: i.cpuIdleCost * rate,
    memoryIdleCost: i.memoryIdleCost * rate,
    idleCost: i.idleCost * rate,
    cpuOverAllocatedCost: i.cpuOverAllocatedCost * rate,
    memoryOverAllocatedCost: i.memoryOverAllocatedCost * rate,
  };
}

function resourceBody(r: CostResourceRecommendation, rate: number) {
  return {
    ...r,
    currentCost: r.currentCost * rate,
    recommendedCost: r.recommendedCost * rate,
  };
}

export function recommendationBody(
  r: CostRecommendation,
  rate: number,
): CostRecommendationBody {
  return {
    cluster: r.cluster,
    namespace: r.namespace,
    controllerKind: r.controller.kind,
    controller: r.controller.name,
    container: r.container,
    samples: r.samples,
    cpu: resourceBody(r.cpu, rate),
    memory: resourceBody(r.memory, rate),
    savings: r.savings * rate,
    monthlySavings: r.monthlySavings * rate,
    riskCost: r.riskCost * rate,
    monthlyRiskCost: r.monthlyRiskCost * rate,
  };
}
