/**
 * Canary: the runs the backend projects from `canary.run` events, the
 * maintenance windows from config, and the shapes the pure canary maths
 * returns (check states, hourly roll-ups, window stats, impact, verdicts).
 * Definitions: docs/canary.md.
 */
import type { CanonicalEventOf } from '../events';
import type { CanaryDurations } from './durationBuckets';

type CanaryRunData = CanonicalEventOf<'canary.run'>['data'];

/** What a check tests: deploy, dns, ingress, certificates, metrics, logs. @public */
export type CanaryCapability = CanaryRunData['capability'];

/**
 * `pass` and `fail` judge the capability; `timeout` is the probe not answering
 * in time (a failure of the capability); `error` is the runner's own fault (the
 * check could not run) and says nothing about the platform.
 *
 * @public
 */
export type CanaryOutcome = CanaryRunData['outcome'];

/** One run of one check in one cluster, as the `canary.run` event carries it. @public */
export interface CanaryRun {
  cluster: string;
  check: string;
  capability: CanaryCapability;
  outcome: CanaryOutcome;
  /** Whole milliseconds (the event's int32). */
  durationMs: number;
  /** ISO timestamp; runs are ordered by it. */
  startedAt: string;
}

/** A check in a cluster: the key every per-check result carries. @public */
export interface CanaryCheckKey {
  cluster: string;
  check: string;
  capability: CanaryCapability;
}

/** `unknown` until the first threshold is reached. @public */
export type CanaryState = 'unknown' | 'up' | 'down';

/** @public */
export type CanaryWeekday =
  | 'monday'
  | 'tuesday'
  | 'wednesday'
  | 'thursday'
  | 'friday'
  | 'saturday'
  | 'sunday';

/**
 * A planned maintenance window. Each filter that is set must match (an absent
 * filter matches everything). Either an absolute `[from, to)` or a weekly
 * recurrence in UTC, never both.
 *
 * @public
 */
export interface CanaryMaintenanceWindow {
  clusters?: string[];
  checks?: string[];
  capabilities?: CanaryCapability[];
  /** ISO timestamps, half-open `[from, to)`. */
  from?: string;
  to?: string;
  /** Every week on `day` at `start` (`HH:MM`, UTC) for `durationMinutes` (1 … 10080). */
  weekly?: { day: CanaryWeekday; start: string; durationMinutes: number };
}

/** Thresholds of the state machine and the flapping detector. @public */
export interface CanaryStateOptions {
  /** Consecutive failures (fail or timeout) that make a check down. Default 3. */
  failuresToDown: number;
  /** Consecutive passes that make a check up. Default 2. */
  passesToUp: number;
  /** Weighted state change (%) at or above which a check starts flapping. Default 50. */
  flapEnterPercent: number;
  /** Weighted state change (%) at or below which a flapping check stops. Default 25. */
  flapExitPercent: number;
}

/**
 * Everything the state machine carries from one run to the next: store it with
 * the check and pass it back as `resumeFrom` to apply only the new runs.
 *
 * @public
 */
export interface CanaryCheckMemory extends CanaryCheckKey {
  state: CanaryState;
  since?: string;
  consecutiveFailures: number;
  consecutivePasses: number;
  /** First counted run of the current streak. */
  streakStartedAt?: string;
  flapping: boolean;
  flapPercent: number;
  /** The last ≤ 21 results (errors and maintenance left out), oldest first; true = pass. */
  recentResults: boolean[];
  firstRunAt?: string;
  lastRunAt?: string;
  lastOutcome?: CanaryOutcome;
  /** The latest pass, fail or timeout (maintenance included). */
  lastResultAt?: string;
}

/** @public */
export interface CanaryEvaluateOptions extends Partial<CanaryStateOptions> {
  /** ISO; runs that started later are ignored. */
  now: string;
  /**
   * The check's run interval; when absent it is inferred from the runs (median
   * gap), and 60 s when it cannot be.
   */
  intervalMs?: number;
  maintenance?: CanaryMaintenanceWindow[];
}

/** @public */
export interface CanaryEvaluateCheckOptions extends CanaryEvaluateOptions {
  /**
   * The memory a previous evaluation of this check returned. Only runs after
   * its `lastRunAt` are applied, and only their transitions are returned.
   */
  resumeFrom?: CanaryCheckMemory;
}

/** A change of state; notifications are driven by these. @public */
export interface CanaryTransition {
  /** `startedAt` of the run that reached the threshold. */
  at: string;
  from: CanaryState;
  to: 'up' | 'down';
  /** `startedAt` of the first run of the streak that reached the threshold. */
  streakStartedAt: string;
  /** Whether the check was flapping after that run (notifications muted). */
  flapping: boolean;
}

/** The check started (`flapping: true`) or stopped flapping. @public */
export interface CanaryFlappingChange {
  at: string;
  flapping: boolean;
  percent: number;
}

/**
 * What one cell shows: maintenance, then stale, then flapping, then the state.
 *
 * @public
 */
export type CanaryDisplayStatus =
  | 'maintenance'
  | 'stale'
  | 'flapping'
  | 'down'
  | 'up'
  | 'unknown';

/** The state of one check in one cluster at `now`. @public */
export interface CanaryCheckStatus extends CanaryCheckKey {
  state: CanaryState;
  /** When the current state was entered; absent while `unknown`. */
  since?: string;
  consecutiveFailures: number;
  consecutivePasses: number;
  /** In time order; only those of the runs applied when resuming. */
  transitions: CanaryTransition[];
  flapping: boolean;
  /** The weighted state change over the last 21 results, 0 … 100. */
  flapPercent: number;
  flappingChanges: CanaryFlappingChange[];
  stale: boolean;
  /** `now` falls in a maintenance window for this check. */
  inMaintenance: boolean;
  display: CanaryDisplayStatus;
  intervalMs: number;
  /** The latest run, any outcome. */
  lastRunAt?: string;
  lastOutcome?: CanaryOutcome;
  /** The latest pass, fail or timeout (maintenance included). */
  lastResultAt?: string;
  /** To store and pass back as `resumeFrom`. */
  memory: CanaryCheckMemory;
}

/**
 * One check in one cluster during one UTC hour. Counts by outcome are of runs
 * outside maintenance; `runs` = passes + fails + timeouts + errors +
 * maintenanceRuns.
 *
 * @public
 */
export interface CanaryHourlyRollup extends CanaryCheckKey {
  /** Start of the UTC hour, ISO. */
  hourStart: string;
  runs: number;
  passes: number;
  fails: number;
  timeouts: number;
  errors: number;
  /** Runs that started in a maintenance window, any outcome. */
  maintenanceRuns: number;
  /**
   * Durations of the hour's passes, fails and timeouts outside maintenance,
   * whole milliseconds, ascending: the exact p95 of any window is computed from
   * these.
   */
  durationsMs: number[];
}

/**
 * A roll-up row as a store reads it back for a window: its durations may stay
 * bucketed until a quantile needs one bucket of them. @public
 */
export interface CanaryWindowRollup
  extends Omit<CanaryHourlyRollup, 'durationsMs'> {
  durationsMs: CanaryDurations;
}

/** @public */
export type CanaryWindowKey = '1h' | '24h' | '7d' | '30d';

/** Uptime and duration over a window of whole hourly roll-ups. @public */
export interface CanaryWindowStats {
  window: { from: string; to: string };
  runs: number;
  passes: number;
  /** fails + timeouts. */
  failures: number;
  errors: number;
  maintenanceRuns: number;
  /** passes ÷ (passes + failures), 0 … 1; null with no pass or failure. */
  uptime: number | null;
  /** Interpolated p95 of the durations (rank 0.95 × (n − 1)); null with none. */
  p95DurationMs: number | null;
}

/** A component and the clusters its Kubernetes annotations resolve to. @public */
export interface CanaryComponent {
  entityRef: string;
  clusters: string[];
  /** The capabilities it depends on; default all. */
  dependsOn?: CanaryCapability[];
}

/** A check that is down in a cluster. @public */
export interface CanaryFailingCheck extends CanaryCheckKey {
  since?: string;
  consecutiveFailures: number;
  /** Down as last known, but no result for two intervals. */
  stale: boolean;
  /** The same check is down in at least `platformWideMinClusters` clusters. */
  platformWide: boolean;
}

/** A check down in several clusters at once. @public */
export interface CanaryPlatformWideCheck {
  check: string;
  capability: CanaryCapability;
  /** Clusters where it is down (maintenance excluded), sorted. */
  clustersDown: string[];
  /** Clusters that run it. */
  clustersRunning: number;
}

/** @public */
export interface CanaryComponentImpact {
  entityRef: string;
  failing: CanaryFailingCheck[];
  /** Distinct capabilities of `failing`, sorted. */
  failingCapabilities: CanaryCapability[];
  platformWide: boolean;
  /** Its clusters that run no check it depends on. */
  uncoveredClusters: string[];
}

/** @public */
export interface CanaryImpact {
  components: CanaryComponentImpact[];
  platformWide: CanaryPlatformWideCheck[];
}

/** @public */
export interface CanaryImpactOptions {
  /** Default 2. */
  platformWideMinClusters?: number;
}

/** @public */
export type CanaryVerdictStatus = 'healthy' | 'degraded' | 'down' | 'unknown';

/** A check that lowered (or could not support) the verdict. @public */
export interface CanaryVerdictReason extends CanaryCheckKey {
  display: CanaryDisplayStatus;
}

/** @public */
export interface CanaryVerdict {
  verdict: CanaryVerdictStatus;
  /** Checks down, stale or flapping (maintenance excluded). */
  reasons: CanaryVerdictReason[];
  /** Critical capabilities down in every cluster of the component. */
  downCapabilities: CanaryCapability[];
  /** The latest run of any considered check, any outcome: data freshness. */
  latestRunAt?: string;
  /** Checks considered (in its clusters, of capabilities it depends on). */
  checks: number;
}

/** @public */
export interface CanaryVerdictOptions {
  /** Down in every cluster makes the component down. Default deploy, ingress. */
  criticalCapabilities?: CanaryCapability[];
}

/** What `platformOrProduct` needs of a check: its key and transitions. @public */
export type CanaryCheckHistory = CanaryCheckKey &
  Pick<CanaryCheckStatus, 'transitions'>;

/** A check that was failing at the asked time. @public */
export interface CanaryFailingAt extends CanaryCheckKey {
  /** First failure of the streak that made it down. */
  failingSince: string;
  /** First pass of the streak that made it up again; absent if still down. */
  failingUntil?: string;
}

/** @public */
export interface CanaryPlatformOrProduct {
  /** A canary of a depended-on capability was failing in the cluster then. */
  platform: boolean;
  failing: CanaryFailingAt[];
}
