import {
  CostIdleRow,
  CostOptions,
  CostRecommendations,
  CostTotals,
} from '../../api/types';
import {
  formatCoreHours,
  formatCores,
  formatDateTime,
  formatBytes,
  formatGibHours,
  formatMoney,
  formatPercent,
  GIB,
  plural,
} from '../format';

/** The "computed from" lines of each tile's popover. */

function missingPriceFact(totals: CostTotals): string[] {
  return totals.missingPriceHours > 0
    ? [
        `${plural(
          totals.missingPriceHours,
          'container-hour',
        )} without a node price (counted at 0)`,
      ]
    : [];
}

export function costFacts(
  total: CostTotals,
  previous: CostTotals | undefined,
  code: string,
  previousLabel: string,
): string[] {
  const money = (amount: number) => formatMoney(amount, code);
  return [
    `${plural(total.containerHours, 'container-hour')}`,
    `CPU ${money(total.cpuCost)} + memory ${money(total.memoryCost)} = ${money(
      total.cost,
    )}`,
    ...missingPriceFact(total),
    ...(previous
      ? [
          `${previousLabel}: ${money(previous.cost)} over ${plural(
            previous.containerHours,
            'container-hour',
          )}`,
        ]
      : []),
  ];
}

export function cpuFacts(total: CostTotals, code: string): string[] {
  const facts = [
    `Requested ${formatCoreHours(total.cpuRequestCoreHours)}`,
    `Used ${formatCoreHours(total.cpuUsageCoreHours)}`,
    `Billed ${formatCoreHours(
      total.cpuBilledCoreHours,
    )} (max of request and usage, hour by hour)`,
  ];
  if (total.cpuBilledCoreHours > 0) {
    facts.push(
      `Mean price ${formatMoney(
        total.cpuCost / total.cpuBilledCoreHours,
        code,
      )} per billed core-hour`,
    );
  }
  return [...facts, ...missingPriceFact(total)];
}

export function memoryFacts(total: CostTotals, code: string): string[] {
  const billedGibHours = total.memoryBilledByteHours / GIB;
  const facts = [
    `Requested ${formatGibHours(total.memoryRequestByteHours)}`,
    `Used ${formatGibHours(total.memoryUsageByteHours)}`,
    `Billed ${formatGibHours(
      total.memoryBilledByteHours,
    )} (max of request and usage, hour by hour)`,
  ];
  if (billedGibHours > 0) {
    facts.push(
      `Mean price ${formatMoney(
        total.memoryCost / billedGibHours,
        code,
      )} per billed GiB-hour`,
    );
  }
  return [...facts, ...missingPriceFact(total)];
}

export function efficiencyFacts(total: CostTotals, code: string): string[] {
  const { efficiency } = total;
  return [
    `CPU: ${formatCoreHours(total.cpuUsageCoreHours)} used of ${formatCoreHours(
      total.cpuRequestCoreHours,
    )} requested = ${formatPercent(efficiency.cpu)}`,
    `Memory: ${formatGibHours(
      total.memoryUsageByteHours,
    )} used of ${formatGibHours(
      total.memoryRequestByteHours,
    )} requested = ${formatPercent(efficiency.memory)}`,
    `Weighted by CPU cost ${formatMoney(
      total.cpuCost,
      code,
    )} and memory cost ${formatMoney(total.memoryCost, code)}: ${formatPercent(
      efficiency.total,
    )}`,
  ];
}

export function sharedIdleFacts(
  total: CostTotals,
  options: CostOptions,
  idle: CostIdleRow[],
  code: string,
): string[] {
  const money = (amount: number) => formatMoney(amount, code);
  const idleCost = idle.reduce((sum, row) => sum + row.idleCost, 0);
  return [
    `Idle computed per ${options.idleBy}, shared by CPU and memory cost`,
    `Cost ${money(total.cost)} + shared idle ${money(
      total.sharedIdleCost,
    )} = ${money(total.costWithIdle)}`,
    ...(idle.length > 0
      ? [
          `Idle of the ${plural(
            idle.length,
            options.idleBy,
          )} it runs on: ${money(idleCost)}`,
        ]
      : []),
  ];
}

/** Right-sizing pools raw samples, so its window starts no earlier than they do. */
function rawSamplesFact(recommendations: CostRecommendations): string {
  return `Pools the raw hourly samples, kept since ${formatDateTime(
    recommendations.rawSince,
  )}`;
}

function rightSizingRule(options: CostOptions): string {
  return `p${Math.round(
    options.percentile * 100,
  )} of hourly usage + ${Math.round(
    options.headroom * 100,
  )}% headroom; floors ${formatCores(
    options.cpuFloorMillicores / 1000,
  )} CPU and ${formatBytes(options.memoryFloorBytes)}`;
}

export function savingsFacts(
  recommendations: CostRecommendations,
  code: string,
): string[] {
  return [
    `${plural(
      recommendations.savings.length,
      'container spec',
    )} requesting more than needed`,
    `${formatMoney(recommendations.totalSavings, code)} in the window (${
      recommendations.window.hours
    } hours) × 730 ÷ ${recommendations.window.hours} = ${formatMoney(
      recommendations.totalMonthlySavings,
      code,
    )} a month`,
    rightSizingRule(recommendations.options),
    rawSamplesFact(recommendations),
  ];
}

export function riskFacts(
  recommendations: CostRecommendations,
  code: string,
): string[] {
  return [
    `${plural(
      recommendations.risks.length,
      'container spec',
    )} using more than requested`,
    `${formatMoney(
      recommendations.totalRiskCost,
      code,
    )} in the window, ${formatMoney(
      recommendations.totalMonthlyRiskCost,
      code,
    )} a month, never netted against savings`,
    rightSizingRule(recommendations.options),
    rawSamplesFact(recommendations),
  ];
}
