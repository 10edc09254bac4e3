import { deploymentDaysByPeriod } from './deploymentDays';
import type { LeadTimeSample } from './leadTime';
import { median } from '../stats/quantile';
import type { IncidentRecovery } from './recovery';
import type { ShippedDeployment } from './shipping';
import {
  isoWeekStart,
  TimeWindow,
  toIso,
  weekStartsOverlapping,
} from '../time/utc';
import type { DoraWeek } from './types';

export interface WeeklyFacts {
  window: TimeWindow;
  /** Successful deployments that finished in the window. */
  deployments: ShippedDeployment[];
  failed: Set<ShippedDeployment>;
  leadTimeSamples: LeadTimeSample[];
  recoveries: IncidentRecovery[];
}

/** Trend series: deployments and lead times by the week they shipped, recoveries by the week they ended. */
export function weeklySeries(facts: WeeklyFacts): DoraWeek[] {
  const daysByWeek = deploymentDaysByPeriod(facts.deployments, isoWeekStart);
  const inWeek = (weekStart: number) => (ms: number) =>
    isoWeekStart(ms) === weekStart;

  return weekStartsOverlapping(facts.window).map(weekStart => {
    const isInWeek = inWeek(weekStart);
    const deployments = facts.deployments.filter(d => isInWeek(d.finishedMs));
    const failed = deployments.filter(d => facts.failed.has(d)).length;
    return {
      weekStart: toIso(weekStart),
      deployments: deployments.length,
      deploymentDays: daysByWeek.get(weekStart) ?? 0,
      leadTimeMedianHours: median(
        facts.leadTimeSamples
          .filter(sample => isInWeek(sample.deployment.finishedMs))
          .map(sample => sample.hours),
      ),
      changeFailureRate:
        deployments.length === 0 ? null : failed / deployments.length,
      recoveryMedianHours: median(
        facts.recoveries.flatMap(r =>
          r.resolvedMs !== undefined &&
          r.hours !== null &&
          isInWeek(r.resolvedMs)
            ? [r.hours]
            : [],
        ),
      ),
    };
  });
}
