import type { ShippedDeployment } from './shipping';
import { utcDayStart } from '../time/utc';

/** Distinct UTC days with a deployment, keyed by the start of the period (week or month) holding them. */
export function deploymentDaysByPeriod(
  deployments: ShippedDeployment[],
  periodStartOf: (ms: number) => number,
): Map<number, number> {
  const days = new Map<number, Set<number>>();
  for (const { finishedMs } of deployments) {
    const period = periodStartOf(finishedMs);
    const set = days.get(period) ?? new Set<number>();
    set.add(utcDayStart(finishedMs));
    days.set(period, set);
  }
  return new Map([...days].map(([period, set]) => [period, set.size]));
}
