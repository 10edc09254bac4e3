import { interpolatedQuantile } from '../stats/quantile';
import { MIB, hourCost, nodeHourKey } from './allocate';
import { compareKeys, keys } from './totals';
import type {
  CostAllocation,
  CostNodePrice,
  CostRecommendation,
  CostResourceRecommendation,
  CostRightSizing,
  CostRightSizingOptions,
} from './types';

/** Hours in an average month (8,760 h ÷ 12). @public */
export const HOURS_PER_MONTH = 730;

/** @public */
export const DEFAULT_RIGHT_SIZING: CostRightSizingOptions = {
  percentile: 0.95,
  headroom: 0.2,
  cpuFloorMillicores: 10,
  memoryFloorBytes: 20 * MIB,
};

/**
 * Rounds up, ignoring the last bits of floating-point noise, so that
 * 0.25 × 1.2 × 1000 = 300.00000000000006 gives 300, not 301.
 */
export function ceilClean(value: number): number {
  return Math.ceil(value - Math.abs(value) * 1e-12);
}

/** Recommended CPU in cores: a whole number of millicores, at least the floor. @public */
export function recommendCpuCores(
  quantileCores: number,
  options: CostRightSizingOptions,
): number {
  const millicores = ceilClean(quantileCores * (1 + options.headroom) * 1000);
  return Math.max(options.cpuFloorMillicores, millicores) / 1000;
}

/** Recommended memory in bytes: a whole number of MiB, at least the floor. @public */
export function recommendMemoryBytes(
  quantileBytes: number,
  options: CostRightSizingOptions,
): number {
  const bytes = ceilClean(quantileBytes * (1 + options.headroom));
  // bytes is an integer and MIB a power of two: the division is exact
  const mib = Math.ceil(bytes / MIB);
  return Math.max(options.memoryFloorBytes, mib * MIB);
}

function latestRequest(
  rows: CostAllocation[],
  request: (a: CostAllocation) => number,
): number {
  let latestMs = -Infinity;
  let value = 0;
  for (const a of rows) {
    const ms = Date.parse(a.hourStart);
    if (ms > latestMs) {
      latestMs = ms;
      value = request(a);
    } else if (ms === latestMs) {
      value = Math.max(value, request(a));
    }
  }
  return value;
}

function recommendResource(
  rows: CostAllocation[],
  prices: Map<string, CostNodePrice>,
  resource: 'cpu' | 'memory',
  options: CostRightSizingOptions,
): CostResourceRecommendation {
  const usage = (a: CostAllocation) =>
    resource === 'cpu' ? a.cpuUsageCores : a.memoryUsageBytes;
  const request = (a: CostAllocation) =>
    resource === 'cpu' ? a.cpuRequestCores : a.memoryRequestBytes;
  const usageQuantile =
    interpolatedQuantile(rows.map(usage), options.percentile) ?? 0;
  const recommendedRequest =
    resource === 'cpu'
      ? recommendCpuCores(usageQuantile, options)
      : recommendMemoryBytes(usageQuantile, options);
  let currentCost = 0;
  let recommendedCost = 0;
  for (const a of rows) {
    const price = prices.get(
      nodeHourKey(a.cluster, a.node, Date.parse(a.hourStart)),
    );
    const billed = Math.max(recommendedRequest, usage(a));
    const cost =
      resource === 'cpu'
        ? hourCost(price, billed, 0).cpuCost
        : hourCost(price, 0, billed).memoryCost;
    currentCost += resource === 'cpu' ? a.cpuCost : a.memoryCost;
    recommendedCost += cost;
  }
  const currentRequest = latestRequest(rows, request);
  return {
    currentRequest,
    usageQuantile,
    recommendedRequest,
    currentCost,
    recommendedCost,
    underProvisioned: recommendedRequest > currentRequest,
  };
}

/**
 * Right-sizing per container spec (controller + container name), pooling the
 * hourly usage of all its pods in the window. A resource whose recommendation
 * is above the current request is a risk: its extra cost goes to `riskCost`
 * and is never netted against another resource's or spec's savings.
 */
export function rightSize(
  allocations: CostAllocation[],
  prices: Map<string, CostNodePrice>,
  options: CostRightSizingOptions,
  windowHours: number,
): CostRightSizing {
  const specs = new Map<string, CostAllocation[]>();
  for (const a of allocations) {
    const key = keys.container(a);
    const rows = specs.get(key);
    if (rows) {
      rows.push(a);
    } else {
      specs.set(key, [a]);
    }
  }
  const monthly = (value: number) =>
    windowHours > 0 ? (value * HOURS_PER_MONTH) / windowHours : 0;

  const recommendations: CostRecommendation[] = [...specs.entries()]
    .sort(([x], [y]) => compareKeys(x, y))
    .map(([, rows]) => {
      const cpu = recommendResource(rows, prices, 'cpu', options);
      const memory = recommendResource(rows, prices, 'memory', options);
      let savings = 0;
      let riskCost = 0;
      for (const r of [cpu, memory]) {
        const difference = r.currentCost - r.recommendedCost;
        if (r.underProvisioned) {
          riskCost += Math.max(0, -difference);
        } else {
          savings += Math.max(0, difference);
        }
      }
      const { cluster, namespace, controller, container } = rows[0];
      return {
        cluster,
        namespace,
        controller: { ...controller },
        container,
        samples: rows.length,
        cpu,
        memory,
        savings,
        monthlySavings: monthly(savings),
        riskCost,
        monthlyRiskCost: monthly(riskCost),
      };
    });

  const savings = recommendations
    .filter(r => r.savings > 0)
    .sort((x, y) => y.savings - x.savings);
  const risks = recommendations
    .filter(r => r.cpu.underProvisioned || r.memory.underProvisioned)
    .sort((x, y) => y.riskCost - x.riskCost);
  const sum = (
    rows: CostRecommendation[],
    f: (r: CostRecommendation) => number,
  ) => rows.reduce((total, r) => total + f(r), 0);
  return {
    savings,
    risks,
    totalSavings: sum(savings, r => r.savings),
    totalMonthlySavings: sum(savings, r => r.monthlySavings),
    totalRiskCost: sum(risks, r => r.riskCost),
    totalMonthlyRiskCost: sum(risks, r => r.monthlyRiskCost),
  };
}
