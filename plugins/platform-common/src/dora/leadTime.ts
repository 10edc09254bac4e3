import { shaKey, ShippedDeployment, ShippingLedger } from './shipping';
import { hoursBetween, weekendMsBetween } from '../time/utc';
import type { DoraChangeRow, DoraOptions } from './types';

type LeadTimeOptions = Pick<DoraOptions, 'leadTimeStart' | 'excludeWeekends'>;

export interface LeadTimeSample {
  deployment: ShippedDeployment;
  hours: number;
}

/**
 * Hours from start to deployment, or undefined when the clock says the start
 * came after it (skewed or replayed data). Skipping weekends can bring a real
 * interval down to 0 h, which is kept: that change waited no working time.
 */
export function leadTimeHours(
  startMs: number,
  deployedMs: number,
  excludeWeekends: boolean,
): number | undefined {
  if (!(deployedMs > startMs)) {
    return undefined;
  }
  const weekendMs = excludeWeekends ? weekendMsBetween(startMs, deployedMs) : 0;
  return hoursBetween(startMs, deployedMs - weekendMs);
}

/** Commit time per (entity, sha); a sha in several changes takes the earliest. */
export function commitTimes(changes: DoraChangeRow[]): Map<string, number> {
  const times = new Map<string, number>();
  for (const change of changes) {
    for (const commit of change.commits) {
      const key = shaKey(change.entityRef, commit.sha);
      const ms = Date.parse(commit.committedAt);
      times.set(key, Math.min(ms, times.get(key) ?? Infinity));
    }
  }
  return times;
}

/** Lead times of the commits a deployment shipped first and whose commit time is known. */
export function commitLeadTimes(
  deployment: ShippedDeployment,
  shas: string[],
  times: Map<string, number>,
  excludeWeekends: boolean,
): number[] {
  return shas.flatMap(sha => {
    const committedMs = times.get(shaKey(deployment.row.entityRef, sha));
    const hours =
      committedMs === undefined
        ? undefined
        : leadTimeHours(committedMs, deployment.finishedMs, excludeWeekends);
    return hours === undefined ? [] : [hours];
  });
}

/** One sample per commit shipped first by a window deployment, or per change when starting at merge. */
export function leadTimeSamples(
  windowDeployments: Set<ShippedDeployment>,
  changes: DoraChangeRow[],
  ledger: ShippingLedger,
  options: LeadTimeOptions,
): LeadTimeSample[] {
  if (options.leadTimeStart === 'merge') {
    return changes.flatMap(change => {
      const deployment = ledger.firstShipmentOfChange(change);
      if (!deployment || !windowDeployments.has(deployment)) {
        return [];
      }
      const hours = leadTimeHours(
        Date.parse(change.mergedAt),
        deployment.finishedMs,
        options.excludeWeekends,
      );
      return hours === undefined ? [] : [{ deployment, hours }];
    });
  }
  const times = commitTimes(changes);
  return [...windowDeployments].flatMap(deployment =>
    commitLeadTimes(
      deployment,
      deployment.shippedShas,
      times,
      options.excludeWeekends,
    ).map(hours => ({ deployment, hours })),
  );
}
