import { median } from '../stats/quantile';
import { CANARY_FLAP_HISTORY, flapPercent, nextFlapping } from './flapping';
import { CanaryMaintenanceMatcher, maintenanceMatcher } from './maintenance';
import { byStartThenOutcome, checkKeyOf, compareCheckKeys } from './order';
import type {
  CanaryCheckStatus,
  CanaryDisplayStatus,
  CanaryEvaluateOptions,
  CanaryFlappingChange,
  CanaryRun,
  CanaryState,
  CanaryStateOptions,
  CanaryTransition,
} from './types';

/** @public */
export const DEFAULT_CANARY_STATE: CanaryStateOptions = {
  failuresToDown: 3,
  passesToUp: 2,
  flapEnterPercent: 50,
  flapExitPercent: 25,
};

/** Used for staleness when no interval is given and the runs cannot tell. @public */
export const DEFAULT_CANARY_INTERVAL_MS = 60_000;

/** Stale after this many intervals without a result. @public */
export const CANARY_STALE_INTERVALS = 2;

function checkOptions(o: CanaryStateOptions): CanaryStateOptions {
  const positive = (n: number) => Number.isInteger(n) && n >= 1;
  if (!positive(o.failuresToDown) || !positive(o.passesToUp)) {
    throw new RangeError(
      'failuresToDown and passesToUp must be whole numbers ≥ 1',
    );
  }
  if (
    !(o.flapExitPercent >= 0) ||
    !(o.flapEnterPercent <= 100) ||
    !(o.flapExitPercent < o.flapEnterPercent)
  ) {
    throw new RangeError(
      'flap thresholds must satisfy 0 ≤ flapExitPercent < flapEnterPercent ≤ 100',
    );
  }
  return o;
}

/**
 * The median gap between consecutive runs (any outcome) of the last 21 runs,
 * oldest first; null with fewer than two runs or no positive gap.
 *
 * @public
 */
export function inferCanaryIntervalMs(runs: CanaryRun[]): number | null {
  const recent = runs
    .slice(-CANARY_FLAP_HISTORY)
    .map(r => Date.parse(r.startedAt));
  const gaps = recent.slice(1).map((ms, i) => ms - recent[i]);
  const gap = median(gaps);
  return gap !== null && gap > 0 ? gap : null;
}

function displayOf(s: {
  inMaintenance: boolean;
  stale: boolean;
  flapping: boolean;
  state: CanaryState;
}): CanaryDisplayStatus {
  if (s.inMaintenance) return 'maintenance';
  if (s.stale) return 'stale';
  if (s.flapping) return 'flapping';
  return s.state;
}

/** Up after `passesToUp` passes, down after `failuresToDown` failures; undefined keeps the state. */
function thresholdReached(
  passes: number,
  failures: number,
  thresholds: CanaryStateOptions,
): 'up' | 'down' | undefined {
  if (passes >= thresholds.passesToUp) return 'up';
  if (failures >= thresholds.failuresToDown) return 'down';
  return undefined;
}

function evaluateSorted(
  runs: CanaryRun[],
  nowMs: number,
  options: CanaryEvaluateOptions,
  thresholds: CanaryStateOptions,
  inMaintenance: CanaryMaintenanceMatcher,
): CanaryCheckStatus {
  const latest = runs[runs.length - 1];
  const key = checkKeyOf(latest);
  let state: CanaryState = 'unknown';
  let since: string | undefined;
  let failures = 0;
  let passes = 0;
  let streakStartedAt = '';
  let flapping = false;
  let percent = 0;
  let lastResultAt: string | undefined;
  const results: boolean[] = [];
  const transitions: CanaryTransition[] = [];
  const flappingChanges: CanaryFlappingChange[] = [];

  for (const run of runs) {
    const at = run.startedAt;
    const maintenance = inMaintenance(run, Date.parse(at));
    if (run.outcome !== 'error') lastResultAt = at;
    // errors and maintenance runs are skipped: streaks run across them
    if (run.outcome === 'error' || maintenance) continue;

    const passed = run.outcome === 'pass';
    if (passed) {
      if (passes === 0) streakStartedAt = at;
      passes += 1;
      failures = 0;
    } else {
      if (failures === 0) streakStartedAt = at;
      failures += 1;
      passes = 0;
    }

    results.push(passed);
    if (results.length > CANARY_FLAP_HISTORY) results.shift();
    percent = flapPercent(results);
    const nowFlapping = nextFlapping(flapping, percent, thresholds);
    if (nowFlapping !== flapping) {
      flappingChanges.push({ at, flapping: nowFlapping, percent });
    }
    flapping = nowFlapping;

    const to = thresholdReached(passes, failures, thresholds);
    if (to !== undefined && to !== state) {
      transitions.push({ at, from: state, to, streakStartedAt, flapping });
      state = to;
      since = at;
    }
  }

  const intervalMs =
    options.intervalMs ??
    inferCanaryIntervalMs(runs) ??
    DEFAULT_CANARY_INTERVAL_MS;
  // with no result yet, a check whose runs all errored goes stale from its first run
  const evidenceMs = Date.parse(lastResultAt ?? runs[0].startedAt);
  const stale = nowMs - evidenceMs >= CANARY_STALE_INTERVALS * intervalMs;
  const maintenanceNow = inMaintenance(key, nowMs);

  return {
    ...key,
    state,
    since,
    consecutiveFailures: failures,
    consecutivePasses: passes,
    transitions,
    flapping,
    flapPercent: percent,
    flappingChanges,
    stale,
    inMaintenance: maintenanceNow,
    display: displayOf({
      inMaintenance: maintenanceNow,
      stale,
      flapping,
      state,
    }),
    intervalMs,
    lastRunAt: latest.startedAt,
    lastOutcome: latest.outcome,
    lastResultAt,
  };
}

function prepare(runs: CanaryRun[], options: CanaryEvaluateOptions) {
  const nowMs = Date.parse(options.now);
  if (!Number.isFinite(nowMs)) {
    throw new RangeError(`now must be a timestamp, got ${options.now}`);
  }
  if (
    options.intervalMs !== undefined &&
    !(Number.isFinite(options.intervalMs) && options.intervalMs > 0)
  ) {
    throw new RangeError('intervalMs must be a positive number');
  }
  const thresholds = checkOptions({ ...DEFAULT_CANARY_STATE, ...options });
  const sorted = runs
    .filter(r => Date.parse(r.startedAt) <= nowMs)
    .sort(byStartThenOutcome);
  return { nowMs, thresholds, sorted };
}

/**
 * The state of every (cluster, check) in `runs` at `options.now`, sorted by
 * cluster then check. Pure; definitions in docs/canary.md. `intervalMs`, if
 * given, applies to every check; otherwise each check's is inferred.
 *
 * @public
 */
export function evaluateCanaryChecks(
  runs: CanaryRun[],
  options: CanaryEvaluateOptions,
): CanaryCheckStatus[] {
  const { nowMs, thresholds, sorted } = prepare(runs, options);
  const inMaintenance = maintenanceMatcher(options.maintenance);
  const byCheck = new Map<string, CanaryRun[]>();
  for (const run of sorted) {
    const id = `${run.cluster}\u0000${run.check}`;
    const list = byCheck.get(id) ?? [];
    list.push(run);
    byCheck.set(id, list);
  }
  return [...byCheck.values()]
    .map(list =>
      evaluateSorted(list, nowMs, options, thresholds, inMaintenance),
    )
    .sort(compareCheckKeys);
}

/**
 * The state of one check in one cluster at `options.now`; `runs` must all be
 * of that check. A check with no run yet has no status: its cell is `unknown`.
 *
 * @public
 */
export function evaluateCanaryCheck(
  runs: CanaryRun[],
  options: CanaryEvaluateOptions,
): CanaryCheckStatus | undefined {
  const { nowMs, thresholds, sorted } = prepare(runs, options);
  const ids = new Set(sorted.map(r => `${r.cluster}\u0000${r.check}`));
  if (ids.size > 1) {
    throw new RangeError('evaluateCanaryCheck takes the runs of one check');
  }
  if (sorted.length === 0) return undefined;
  const inMaintenance = maintenanceMatcher(options.maintenance);
  return evaluateSorted(sorted, nowMs, options, thresholds, inMaintenance);
}
