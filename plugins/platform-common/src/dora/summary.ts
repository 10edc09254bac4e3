/** The five summary numbers, each from the window's already-attributed facts. */
import { deploymentDaysByPeriod } from './deploymentDays';
import type { LeadTimeSample } from './leadTime';
import { interpolatedQuantile, median } from '../stats/quantile';
import type { IncidentRecovery } from './recovery';
import type { ShippedDeployment } from './shipping';
import { tierFor } from './tiers';
import {
  DAY_MS,
  isoWeekStart,
  monthStartsOverlapping,
  TimeWindow,
  utcMonthStart,
  weekStartsOverlapping,
} from '../time/utc';
import type {
  ChangeFailureRate,
  DeploymentFrequency,
  DoraTierModel,
  LeadTime,
  RecoveryTime,
  ReworkRate,
} from './types';

/** Every period of the window counts, empty and partial ones too. */
function medianDeploymentDays(
  deployments: ShippedDeployment[],
  periodStarts: number[],
  periodStartOf: (ms: number) => number,
): number {
  const days = deploymentDaysByPeriod(deployments, periodStartOf);
  return median(periodStarts.map(start => days.get(start) ?? 0)) ?? 0;
}

/** `hasAnyRun`: whether any run of any status finished in the window; without one there is nothing to grade. */
export function deploymentFrequency(
  deployments: ShippedDeployment[],
  hasAnyRun: boolean,
  window: TimeWindow,
  model: DoraTierModel,
): DeploymentFrequency {
  const perDay = deployments.length / ((window.toMs - window.fromMs) / DAY_MS);
  const daysPerWeek = medianDeploymentDays(
    deployments,
    weekStartsOverlapping(window),
    isoWeekStart,
  );
  const daysPerMonth = medianDeploymentDays(
    deployments,
    monthStartsOverlapping(window),
    utcMonthStart,
  );
  return {
    deployments: deployments.length,
    perDay,
    perWeek: perDay * 7,
    medianDeploymentDaysPerWeek: daysPerWeek,
    tier: hasAnyRun
      ? tierFor('deploymentFrequency', daysPerWeek, model, daysPerMonth)
      : null,
  };
}

export function leadTime(
  samples: LeadTimeSample[],
  model: DoraTierModel,
): LeadTime {
  const hours = samples.map(sample => sample.hours);
  const medianHours = median(hours);
  return {
    samples: hours.length,
    medianHours,
    p90Hours: interpolatedQuantile(hours, 0.9),
    tier: medianHours === null ? null : tierFor('leadTime', medianHours, model),
  };
}

export function changeFailureRate(
  deployments: ShippedDeployment[],
  failed: Set<ShippedDeployment>,
  model: DoraTierModel,
): ChangeFailureRate {
  const failedCount = deployments.filter(d => failed.has(d)).length;
  const rate =
    deployments.length === 0 ? null : failedCount / deployments.length;
  return {
    deployments: deployments.length,
    failed: failedCount,
    rate,
    tier: rate === null ? null : tierFor('changeFailureRate', rate, model),
  };
}

export function recoveryTime(
  recoveries: IncidentRecovery[],
  model: DoraTierModel,
): RecoveryTime {
  const hours = recoveries.flatMap(r => (r.hours === null ? [] : [r.hours]));
  const medianHours = median(hours);
  return {
    resolved: hours.length,
    open: recoveries.length - hours.length,
    medianHours,
    tier:
      medianHours === null ? null : tierFor('recoveryTime', medianHours, model),
  };
}

/** Hotfixes, reverts and rollbacks: deployments that were unplanned repairs. */
export function reworkRate(deployments: ShippedDeployment[]): ReworkRate {
  const rework = deployments.filter(
    d => d.row.rework !== undefined || d.row.rollback,
  ).length;
  return {
    deployments: deployments.length,
    rework,
    rate: deployments.length === 0 ? null : rework / deployments.length,
  };
}
