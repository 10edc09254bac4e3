import { DAY_MS } from '@goldenpath/plugin-platform-common';
import { CostDeploymentBody } from './apiTypes';
import { DeploymentRow } from './CostStore';
import { IdleSettings, Summed, mergeBy } from './summarizeDays';
import { sharedIdleOf } from './sums';

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Each deployment's component cost per day over the `compareDays` whole UTC
 * days before the deployment's day and as many after it (the day itself is
 * mixed and left out). Means are over the days with cost data; a day's cost
 * is what the trend shows (with shared idle when sharing is on).
 */
export function compareDeployments(
  deployments: DeploymentRow[],
  rows: Array<Summed & { entityRef: string | null; day: string }>,
  options: {
    compareDays: number;
    raiseThreshold: number;
    idle: IdleSettings;
    rate: number;
  },
): CostDeploymentBody[] {
  const daily = new Map<string, number>();
  const linked = rows.filter(r => r.entityRef);
  for (const { key, sums } of mergeBy(
    linked,
    r => `${r.entityRef}\u0000${r.day}`,
    () => ({}),
  )) {
    const shared = sharedIdleOf(sums, options.idle);
    daily.set(key, sums.cpuCost + sums.memoryCost + shared.cpu + shared.memory);
  }
  const meanOver = (entityRef: string, days: string[]) => {
    const costs = days
      .map(day => daily.get(`${entityRef}\u0000${day}`))
      .filter((c): c is number => c !== undefined);
    const mean =
      costs.length > 0
        ? costs.reduce((t, c) => t + c, 0) / costs.length
        : undefined;
    return { days: costs.length, mean };
  };

  const k = options.compareDays;
  return deployments.map(d => {
    const dayMs = Date.parse(d.finishedAt.slice(0, 10));
    const range = (start: number) =>
      Array.from({ length: k }, (_, i) => dayOf(dayMs + (start + i) * DAY_MS));
    const before = meanOver(d.entityRef, range(-k));
    const after = meanOver(d.entityRef, range(1));
    const change =
      before.mean !== undefined && after.mean !== undefined && before.mean > 0
        ? (after.mean - before.mean) / before.mean
        : undefined;
    return {
      deploymentId: d.deploymentId,
      entityRef: d.entityRef,
      environment: d.environment,
      finishedAt: d.finishedAt,
      compareDays: k,
      beforeDays: before.days,
      afterDays: after.days,
      ...(before.mean !== undefined
        ? { beforeDailyCost: before.mean * options.rate }
        : {}),
      ...(after.mean !== undefined
        ? { afterDailyCost: after.mean * options.rate }
        : {}),
      ...(change !== undefined ? { change } : {}),
      flagged: change !== undefined && change > options.raiseThreshold,
    };
  });
}
