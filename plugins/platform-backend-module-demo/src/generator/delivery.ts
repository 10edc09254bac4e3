import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import {
  DayPlan,
  MAX_SPILL_DAYS,
  PlanContext,
  PlannedChange,
  PlannedDeployment,
  createDayPlanner,
} from './deliveryPlan';
import { Random } from './random';
import { dayNumber, dayStartMs, iso } from './time';

/**
 * How far back a deployment looks for undeployed changes. Changes merged
 * earlier than this and never deployed are left behind, which keeps every
 * deployment computable from a bounded number of days.
 */
export const LOOKBACK_DAYS = 21;

export const DELIVERY_SOURCES = {
  changes: 'demo-github',
  deployments: 'demo-deployer',
  incidents: 'demo-incidents',
} as const;

export interface DeliveryService {
  repository: string;
}

const byTime =
  <T extends { id: string }>(time: (item: T) => number) =>
  (a: T, b: T) =>
    time(a) - time(b) || (a.id < b.id ? -1 : Number(a.id > b.id));

/**
 * The delivery history of one service around a window: day plans, plus what
 * needs more than one day to decide: which commits each production deployment
 * ships and which sha each deployment runs. Those only look back a bounded
 * number of days, so the result for a deployment never depends on the window.
 */
class DeliveryHistory {
  private readonly changes: PlannedChange[] = [];
  private readonly deployments: PlannedDeployment[] = [];
  /** Successful production deployments that ship forward (not rollbacks). */
  private readonly shipping: PlannedDeployment[] = [];
  private readonly shippingIndex = new Map<string, number>();
  private readonly byId = new Map<string, PlannedDeployment>();

  constructor(private readonly context: PlanContext, plans: DayPlan[]) {
    for (const plan of plans) {
      this.changes.push(...plan.changes);
      this.deployments.push(...plan.deployments);
    }
    this.changes.sort(byTime(c => c.mergedAtMs));
    this.deployments.sort(byTime(d => d.startedAtMs));
    for (const deployment of this.deployments) {
      this.byId.set(deployment.id, deployment);
      if (isShipping(deployment)) {
        this.shippingIndex.set(deployment.id, this.shipping.length);
        this.shipping.push(deployment);
      }
    }
  }

  /** Changes merged in (afterMs, untilMs], or [afterMs, untilMs] if inclusive. */
  private changesBetween(
    afterMs: number,
    untilMs: number,
    inclusive: boolean,
  ): PlannedChange[] {
    const end = upperBound(this.changes, untilMs, c => c.mergedAtMs);
    const result: PlannedChange[] = [];
    for (let i = end - 1; i >= 0; i--) {
      const mergedAtMs = this.changes[i].mergedAtMs;
      if (mergedAtMs < afterMs || (mergedAtMs === afterMs && !inclusive)) {
        break;
      }
      result.push(this.changes[i]);
    }
    return result.reverse();
  }

  private lookbackStartMs(timeMs: number): number {
    return dayStartMs(dayNumber(timeMs) - LOOKBACK_DAYS);
  }

  /** The sha at the head of the main branch at a time. */
  headSha(timeMs: number): string {
    const from = this.lookbackStartMs(timeMs);
    const merged = this.changesBetween(from, timeMs, true);
    if (merged.length) return merged[merged.length - 1].mergeSha;
    const { seed, key } = this.context;
    return Random.of(seed, key, 'head', dayNumber(timeMs)).hex(40);
  }

  /** The shipping deployment before this one, if within the lookback. */
  private previousShipping(
    deployment: PlannedDeployment,
  ): PlannedDeployment | undefined {
    const index =
      this.shippingIndex.get(deployment.id) ??
      upperBound(this.shipping, deployment.startedAtMs, d => d.startedAtMs);
    const previous = this.shipping[index - 1];
    return previous &&
      previous.startedAtMs >= this.lookbackStartMs(deployment.startedAtMs)
      ? previous
      : undefined;
  }

  /**
   * The commits a shipping deployment ships: those of every change merged after
   * the previous shipping deployment started and at or before this one did.
   */
  shippedChanges(deployment: PlannedDeployment): PlannedChange[] {
    if (!isShipping(deployment)) return [];
    const previous = this.previousShipping(deployment);
    return previous
      ? this.changesBetween(previous.startedAtMs, deployment.startedAtMs, false)
      : this.changesBetween(
          this.lookbackStartMs(deployment.startedAtMs),
          deployment.startedAtMs,
          true,
        );
  }

  /** The sha a deployment runs: a rollback goes back to what ran before. */
  deployedSha(deployment: PlannedDeployment): string {
    if (deployment.rollsBack) {
      const rolledBack = this.byId.get(deployment.rollsBack);
      const before = rolledBack && this.previousShipping(rolledBack);
      if (before) return this.headSha(before.startedAtMs);
      const { seed, key } = this.context;
      return Random.of(seed, key, 'rollback', deployment.id).hex(40);
    }
    return this.headSha(deployment.startedAtMs);
  }

  deployment(id: string): PlannedDeployment | undefined {
    return this.byId.get(id);
  }
}

function isShipping(deployment: PlannedDeployment): boolean {
  return (
    deployment.environment === 'production' &&
    deployment.status === 'success' &&
    !deployment.rollback
  );
}

/** The number of items (sorted by time) whose time is at or before `timeMs`. */
function upperBound<T>(
  items: readonly T[],
  timeMs: number,
  time: (item: T) => number,
): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (time(items[mid]) <= timeMs) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The delivery events of one service that occur in [fromMs, toMs): merged
 * changes, finished deployments and incidents opened or resolved.
 */
export function generateDeliveryEvents(
  context: PlanContext,
  service: DeliveryService,
  fromMs: number,
  toMs: number,
): CanonicalEventInput[] {
  if (toMs <= fromMs) return [];
  // Plans from earlier days can still produce events in the window; the
  // history reaches back far enough for every lookback made from them.
  const firstDay = dayNumber(fromMs) - MAX_SPILL_DAYS;
  const lastDay = dayNumber(toMs - 1);
  const historyFirstDay = firstDay - 2 * LOOKBACK_DAYS - MAX_SPILL_DAYS;
  const planDay = createDayPlanner(context);
  const plans = new Map<number, DayPlan>();
  for (let day = historyFirstDay; day <= lastDay; day++) {
    plans.set(day, planDay(day));
  }
  const history = new DeliveryHistory(context, [...plans.values()]);
  const inWindow = (ms: number) => ms >= fromMs && ms < toMs;
  const subject = { kind: 'repository' as const, name: service.repository };
  const events: CanonicalEventInput[] = [];

  for (let day = firstDay; day <= lastDay; day++) {
    const plan = plans.get(day)!;
    for (const change of plan.changes) {
      if (!inWindow(change.mergedAtMs)) continue;
      events.push({
        id: change.id,
        source: DELIVERY_SOURCES.changes,
        type: 'change.merged',
        occurredAt: iso(change.mergedAtMs),
        subject,
        data: {
          repository: service.repository,
          prNumber: change.prNumber,
          mergeSha: change.mergeSha,
          commits: change.commits.map(commit => ({
            sha: commit.sha,
            committedAt: iso(commit.committedAtMs),
          })),
          openedAt: iso(change.openedAtMs),
          mergedAt: iso(change.mergedAtMs),
          additions: change.additions,
          deletions: change.deletions,
          labels: change.labels,
          url: `https://github.com/${service.repository}/pull/${change.prNumber}`,
        },
      });
    }
    for (const deployment of plan.deployments) {
      if (!inWindow(deployment.finishedAtMs)) continue;
      events.push({
        id: deployment.id,
        source: DELIVERY_SOURCES.deployments,
        type: 'deployment.finished',
        occurredAt: iso(deployment.finishedAtMs),
        subject,
        data: {
          deploymentId: deployment.id,
          environment: deployment.environment,
          sha: history.deployedSha(deployment),
          status: deployment.status,
          startedAt: iso(deployment.startedAtMs),
          finishedAt: iso(deployment.finishedAtMs),
          changeShas: history
            .shippedChanges(deployment)
            .flatMap(change => change.commits.map(commit => commit.sha)),
          rollback: deployment.rollback,
          ...(deployment.rework ? { rework: deployment.rework } : {}),
        },
      });
    }
    for (const incident of plan.incidents) {
      const cause = history.deployment(incident.causedByDeploymentId);
      const data = {
        incidentId: incident.id,
        severity: incident.severity,
        openedAt: iso(incident.openedAtMs),
        causedByDeploymentId: incident.causedByDeploymentId,
        ...(cause ? { rootCauseSha: history.deployedSha(cause) } : {}),
      };
      if (inWindow(incident.openedAtMs)) {
        events.push({
          id: `${incident.id}-opened`,
          source: DELIVERY_SOURCES.incidents,
          type: 'incident.opened',
          occurredAt: data.openedAt,
          subject,
          data,
        });
      }
      if (inWindow(incident.resolvedAtMs)) {
        events.push({
          id: `${incident.id}-resolved`,
          source: DELIVERY_SOURCES.incidents,
          type: 'incident.resolved',
          occurredAt: iso(incident.resolvedAtMs),
          subject,
          data: { ...data, resolvedAt: iso(incident.resolvedAtMs) },
        });
      }
    }
  }
  return events;
}
