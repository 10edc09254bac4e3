import { DeliveryProfile } from './profiles';
import { Random } from './random';
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  dayLabel,
  dayStartMs,
  isWeekend,
} from './time';

/**
 * The delivery plan of one service for one UTC day: the pull requests merged,
 * the deployments started and the incidents those deployments caused. A plan
 * depends only on (seed, service, day) and on the drafts of the days before
 * it, which do too. Everything it holds happens at or after the day's start
 * and before `MAX_SPILL_DAYS` days later (an incident opened late on a Friday
 * may be fixed on Monday).
 */
export interface DayPlan {
  changes: PlannedChange[];
  deployments: PlannedDeployment[];
  incidents: PlannedIncident[];
}

export interface PlannedChange {
  id: string;
  prNumber: number;
  mergeSha: string;
  commits: Array<{ sha: string; committedAtMs: number }>;
  openedAtMs: number;
  mergedAtMs: number;
  additions: number;
  deletions: number;
  labels: string[];
}

export interface PlannedDeployment {
  id: string;
  environment: 'production' | 'staging';
  status: 'success' | 'failure' | 'cancelled';
  startedAtMs: number;
  finishedAtMs: number;
  rollback: boolean;
  rework?: 'hotfix' | 'revert';
  /** For a rollback: the deployment it rolls back. */
  rollsBack?: string;
}

export interface PlannedIncident {
  id: string;
  severity: 'SEV1' | 'SEV2' | 'SEV3';
  causedByDeploymentId: string;
  openedAtMs: number;
  resolvedAtMs: number;
}

export interface PlanContext {
  seed: string;
  /** Identifies the service in PRNG keys and ids, e.g. "payments-api". */
  key: string;
  profile: DeliveryProfile;
}

/** Everything a day plan holds happens before its day start plus this. */
export const MAX_SPILL_DAYS = 7;

/** More merges or deployments than this on one day are dropped. */
const MAX_PER_DAY = 12;

/** Weekdays carry most of the work; the factors average to 1 over a week. */
function dayFactor(day: number): number {
  return isWeekend(day) ? 0.25 : 1.3;
}

/** A time of day: mostly office hours on weekdays, any time at weekends. */
function timeOfDayMs(rng: Random, day: number): number {
  if (!isWeekend(day) && rng.chance(0.85)) {
    return rng.between(7.5 * HOUR_MS, 18.5 * HOUR_MS);
  }
  return rng.between(0, 23.5 * HOUR_MS);
}

/** Pull request numbers grow by day, so they read like a busy repository's. */
function prNumber(day: number, index: number): number {
  const days = (((day - 18262) % 100_000) + 100_000) % 100_000;
  return days * 16 + index + 1;
}

function planChange(
  rng: Random,
  options: {
    id: string;
    prNumber: number;
    mergedAtMs: number;
    commitAgeMs: [number, number];
    maxCommits: number;
    labels: string[];
  },
): PlannedChange {
  const { mergedAtMs } = options;
  const span = rng.logBetween(...options.commitAgeMs);
  const firstCommitMs = mergedAtMs - span;
  const openedAtMs = firstCommitMs + span * rng.between(0.05, 0.5);
  const commitCount = Math.min(
    options.maxCommits,
    rng.weighted([
      [1, 3],
      [2, 3],
      [3, 2],
      [4, 1.5],
      [5, 1],
      [6, 0.5],
    ] as const),
  );
  const times = [firstCommitMs];
  for (let i = 1; i < commitCount; i++) {
    times.push(firstCommitMs + Math.max(0, span - 2 * MINUTE_MS) * rng.next());
  }
  times.sort((a, b) => a - b);
  const commits = times.map(t => ({
    sha: rng.hex(40),
    committedAtMs: Math.round(t),
  }));
  // A long tail: most changes are small, a few touch thousands of lines.
  const additions = Math.min(
    25_000,
    Math.max(1, Math.round(Math.exp(3.3 + 1.3 * rng.normal()))),
  );
  const deletions = Math.round(additions * rng.between(0.02, 0.9));
  return {
    id: options.id,
    prNumber: options.prNumber,
    mergeSha: rng.hex(40),
    commits,
    openedAtMs: Math.round(openedAtMs),
    mergedAtMs: Math.round(mergedAtMs),
    additions,
    deletions,
    labels: options.labels,
  };
}

function planChanges(context: PlanContext, day: number): PlannedChange[] {
  const { seed, key, profile } = context;
  const rng = Random.of(seed, key, day, 'changes');
  const count = Math.min(
    MAX_PER_DAY,
    rng.poisson((profile.changesPerWeek / 7) * dayFactor(day)),
  );
  const changes: PlannedChange[] = [];
  for (let i = 0; i < count; i++) {
    changes.push(
      planChange(rng, {
        id: `${key}-${dayLabel(day)}-c${i}`,
        prNumber: prNumber(day, i),
        mergedAtMs: dayStartMs(day) + timeOfDayMs(rng, day),
        commitAgeMs: profile.commitAgeMs,
        maxCommits: 6,
        labels: rng.chance(0.08) ? ['dependencies'] : [],
      }),
    );
  }
  return changes;
}

/** An incident with the change and deployment that fix it, if any. */
interface IncidentLife {
  incident: PlannedIncident;
  change?: PlannedChange;
  deployment?: PlannedDeployment;
}

/** A day plan before incidents that overlap earlier ones are dropped. */
interface DayDraft {
  changes: PlannedChange[];
  deployments: PlannedDeployment[];
  incidents: IncidentLife[];
}

/**
 * Decides whether a successful production deployment causes an incident and,
 * if so, its whole life: when it opens and resolves and how it is fixed
 * (rollback, hotfix, revert, or an operational fix with no deployment).
 */
function planIncident(
  context: PlanContext,
  day: number,
  deployment: PlannedDeployment,
  fixIndex: number,
): IncidentLife | undefined {
  const { seed, key, profile } = context;
  const rng = Random.of(seed, key, day, 'incident', deployment.id);
  if (!rng.chance(profile.changeFailureRate)) return undefined;

  const openedAtMs = Math.round(
    deployment.finishedAtMs + rng.logBetween(...profile.detectionMs),
  );
  const latestMs = dayStartMs(day) + (MAX_SPILL_DAYS - 0.5) * DAY_MS;
  const recoveryMs = Math.min(
    rng.logBetween(...profile.recoveryMs),
    latestMs - openedAtMs,
  );
  const resolvedAtMs = Math.round(openedAtMs + recoveryMs);
  const life: IncidentLife = {
    incident: {
      id: `${deployment.id}-incident`,
      severity: rng.weighted([
        ['SEV1', 0.15],
        ['SEV2', 0.35],
        ['SEV3', 0.5],
      ] as const),
      causedByDeploymentId: deployment.id,
      openedAtMs,
      resolvedAtMs,
    },
  };

  const fix = rng.weighted([
    ['rollback', 0.45],
    ['hotfix', 0.3],
    ['revert', 0.15],
    ['operational', 0.1],
  ] as const);
  if (fix === 'operational') return life;

  const startedAtMs = Math.round(
    openedAtMs + recoveryMs * rng.between(0.45, 0.7),
  );
  const durationMs = Math.min(
    rng.between(...profile.deployDurationMs),
    recoveryMs * 0.15,
  );
  if (fix !== 'rollback') {
    const mergedAtMs = openedAtMs + recoveryMs * rng.between(0.25, 0.4);
    life.change = planChange(rng, {
      id: `${deployment.id}-${fix}`,
      prNumber: prNumber(day, MAX_PER_DAY + (fixIndex % 4)),
      mergedAtMs,
      commitAgeMs: [
        Math.min(10 * MINUTE_MS, (mergedAtMs - openedAtMs) / 2),
        mergedAtMs - openedAtMs,
      ],
      maxCommits: fix === 'revert' ? 1 : 2,
      labels: [fix],
    });
  }
  life.deployment = {
    id: `${deployment.id}-${fix}`,
    environment: 'production',
    status: 'success',
    startedAtMs,
    finishedAtMs: Math.round(startedAtMs + durationMs),
    rollback: fix === 'rollback',
    rework: fix === 'rollback' ? undefined : fix,
    rollsBack: fix === 'rollback' ? deployment.id : undefined,
  };
  return life;
}

/** Drafts one service's day. Pure: the same inputs give the same draft. */
function draftDay(context: PlanContext, day: number): DayDraft {
  const { seed, key, profile } = context;
  const plan: DayDraft = {
    changes: planChanges(context, day),
    deployments: [],
    incidents: [],
  };
  const rng = Random.of(seed, key, day, 'deployments');
  const count = Math.min(
    MAX_PER_DAY,
    rng.poisson((profile.deploysPerWeek / 7) * dayFactor(day)),
  );
  const productionSuccesses: PlannedDeployment[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${key}-${dayLabel(day)}-d${i}`;
    const startedAtMs = Math.round(dayStartMs(day) + timeOfDayMs(rng, day));
    const duration = () => Math.round(rng.between(...profile.deployDurationMs));

    const stagingStartMs = Math.round(
      startedAtMs - rng.between(15 * MINUTE_MS, 90 * MINUTE_MS),
    );
    if (
      rng.chance(profile.stagingRate) &&
      stagingStartMs > dayStartMs(day) + MINUTE_MS
    ) {
      plan.deployments.push({
        id: `${key}-${dayLabel(day)}-s${i}`,
        environment: 'staging',
        status: rng.chance(0.04) ? 'failure' : 'success',
        startedAtMs: stagingStartMs,
        finishedAtMs: stagingStartMs + duration(),
        rollback: false,
      });
    }

    const status = rng.weighted([
      ['failure', profile.failedDeployRate],
      ['cancelled', profile.cancelledDeployRate],
      ['success', 1 - profile.failedDeployRate - profile.cancelledDeployRate],
    ] as const);
    const attempt: PlannedDeployment = {
      id,
      environment: 'production',
      status,
      startedAtMs,
      finishedAtMs: startedAtMs + duration(),
      rollback: false,
    };
    plan.deployments.push(attempt);
    if (status === 'success') {
      productionSuccesses.push(attempt);
    } else if (rng.chance(status === 'failure' ? 0.8 : 0.5)) {
      // The pipeline is fixed or re-run and the same change goes out again.
      const retryStartMs = Math.round(
        attempt.finishedAtMs + rng.between(20 * MINUTE_MS, 120 * MINUTE_MS),
      );
      const retry: PlannedDeployment = {
        id: `${id}-retry`,
        environment: 'production',
        status: 'success',
        startedAtMs: retryStartMs,
        finishedAtMs: retryStartMs + duration(),
        rollback: false,
      };
      plan.deployments.push(retry);
      productionSuccesses.push(retry);
    }
  }
  productionSuccesses.forEach((deployment, index) => {
    const life = planIncident(context, day, deployment, index);
    if (life) plan.incidents.push(life);
  });
  return plan;
}

const overlap = (a: PlannedIncident, b: PlannedIncident) =>
  a.openedAtMs < b.resolvedAtMs && b.openedAtMs < a.resolvedAtMs;

/**
 * Plans a service's days. A service has at most one incident open at a time:
 * an incident that would overlap one drafted on an earlier day (open or not)
 * or one already kept on the same day does not happen. Looking only at drafts
 * of the days before keeps each plan a pure function of its day.
 */
export function createDayPlanner(
  context: PlanContext,
): (day: number) => DayPlan {
  const drafts = new Map<number, DayDraft>();
  const draft = (day: number) => {
    let result = drafts.get(day);
    if (!result) {
      result = draftDay(context, day);
      drafts.set(day, result);
    }
    return result;
  };
  return day => {
    const today = draft(day);
    const earlier: PlannedIncident[] = [];
    for (let back = 1; back <= MAX_SPILL_DAYS; back++) {
      earlier.push(...draft(day - back).incidents.map(life => life.incident));
    }
    const candidates = [...today.incidents].sort(
      (a, b) => a.incident.openedAtMs - b.incident.openedAtMs,
    );
    const kept: IncidentLife[] = [];
    for (const life of candidates) {
      const clashes = (other: PlannedIncident) => overlap(life.incident, other);
      if (earlier.some(clashes) || kept.some(k => clashes(k.incident))) {
        continue;
      }
      kept.push(life);
    }
    return {
      changes: [...today.changes, ...kept.flatMap(k => k.change ?? [])],
      deployments: [
        ...today.deployments,
        ...kept.flatMap(k => k.deployment ?? []),
      ],
      incidents: kept.map(k => k.incident),
    };
  };
}
