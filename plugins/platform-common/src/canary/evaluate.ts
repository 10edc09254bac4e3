import { median } from '../stats/quantile';
import { CANARY_FLAP_HISTORY, flapPercent, nextFlapping } from './flapping';
import { CanaryMaintenanceMatcher, maintenanceMatcher } from './maintenance';
import { byStartThenOutcome, checkKeyOf, compareCheckKeys } from './order';
import type {
  CanaryCheckKey,
  CanaryCheckMemory,
  CanaryCheckStatus,
  CanaryDisplayStatus,
  CanaryEvaluateCheckOptions,
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
  memory: CanaryCheckMemory,
  thresholds: CanaryStateOptions,
): 'up' | 'down' | undefined {
  if (memory.consecutivePasses >= thresholds.passesToUp) return 'up';
  if (memory.consecutiveFailures >= thresholds.failuresToDown) return 'down';
  return undefined;
}

function freshMemory(key: CanaryCheckKey): CanaryCheckMemory {
  return {
    ...checkKeyOf(key),
    state: 'unknown',
    consecutiveFailures: 0,
    consecutivePasses: 0,
    flapping: false,
    flapPercent: 0,
    recentResults: [],
  };
}

/** What applying runs produced besides the memory. */
interface Changes {
  transitions: CanaryTransition[];
  flappingChanges: CanaryFlappingChange[];
}

function applyRun(
  m: CanaryCheckMemory,
  run: CanaryRun,
  thresholds: CanaryStateOptions,
  inMaintenance: CanaryMaintenanceMatcher,
  changes: Changes,
): void {
  const at = run.startedAt;
  m.capability = run.capability;
  m.firstRunAt ??= at;
  m.lastRunAt = at;
  m.lastOutcome = run.outcome;
  if (run.outcome !== 'error') m.lastResultAt = at;
  // errors and maintenance runs are skipped: streaks run across them
  if (run.outcome === 'error' || inMaintenance(run, Date.parse(at))) return;

  const passed = run.outcome === 'pass';
  if (passed) {
    if (m.consecutivePasses === 0) m.streakStartedAt = at;
    m.consecutivePasses += 1;
    m.consecutiveFailures = 0;
  } else {
    if (m.consecutiveFailures === 0) m.streakStartedAt = at;
    m.consecutiveFailures += 1;
    m.consecutivePasses = 0;
  }

  m.recentResults = [...m.recentResults, passed].slice(-CANARY_FLAP_HISTORY);
  m.flapPercent = flapPercent(m.recentResults);
  const flapping = nextFlapping(m.flapping, m.flapPercent, thresholds);
  if (flapping !== m.flapping) {
    changes.flappingChanges.push({ at, flapping, percent: m.flapPercent });
  }
  m.flapping = flapping;

  const to = thresholdReached(m, thresholds);
  if (to !== undefined && to !== m.state) {
    changes.transitions.push({
      at,
      from: m.state,
      to,
      streakStartedAt: m.streakStartedAt ?? at,
      flapping,
    });
    m.state = to;
    m.since = at;
  }
}

/** Applies `runs` (sorted, of one check, after `start`'s last run) to a copy of `start`. */
function evaluateSorted(
  start: CanaryCheckMemory,
  runs: CanaryRun[],
  nowMs: number,
  options: CanaryEvaluateOptions,
  thresholds: CanaryStateOptions,
  inMaintenance: CanaryMaintenanceMatcher,
): CanaryCheckStatus {
  // recentResults is replaced, never mutated, so a shallow copy keeps `start` intact
  const memory = { ...start };
  const changes: Changes = { transitions: [], flappingChanges: [] };
  for (const run of runs) {
    applyRun(memory, run, thresholds, inMaintenance, changes);
  }

  const intervalMs =
    options.intervalMs ??
    inferCanaryIntervalMs(runs) ??
    DEFAULT_CANARY_INTERVAL_MS;
  // with no result yet, a check whose runs all errored goes stale from its first run
  const evidence = memory.lastResultAt ?? memory.firstRunAt;
  const stale =
    evidence !== undefined &&
    nowMs - Date.parse(evidence) >= CANARY_STALE_INTERVALS * intervalMs;
  const key = checkKeyOf(memory);
  const maintenanceNow = inMaintenance(key, nowMs);

  return {
    ...key,
    state: memory.state,
    since: memory.since,
    consecutiveFailures: memory.consecutiveFailures,
    consecutivePasses: memory.consecutivePasses,
    transitions: changes.transitions,
    flapping: memory.flapping,
    flapPercent: memory.flapPercent,
    flappingChanges: changes.flappingChanges,
    stale,
    inMaintenance: maintenanceNow,
    display: displayOf({ ...memory, inMaintenance: maintenanceNow, stale }),
    intervalMs,
    lastRunAt: memory.lastRunAt,
    lastOutcome: memory.lastOutcome,
    lastResultAt: memory.lastResultAt,
    memory,
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
      evaluateSorted(
        freshMemory(list[0]),
        list,
        nowMs,
        options,
        thresholds,
        inMaintenance,
      ),
    )
    .sort(compareCheckKeys);
}

/**
 * The state of one check in one cluster at `options.now`; `runs` must all be
 * of that check. A check with no run yet has no status: its cell is
 * `unknown`. With `resumeFrom`, only the runs after its `lastRunAt` are
 * applied (a run that arrives later than a newer one cannot rewrite history:
 * evaluate from the start again for that), and the status is returned even
 * with no new run, so staleness can be read at any `now`.
 *
 * @public
 */
export function evaluateCanaryCheck(
  runs: CanaryRun[],
  options: CanaryEvaluateCheckOptions,
): CanaryCheckStatus | undefined {
  const { nowMs, thresholds, sorted } = prepare(runs, options);
  const resume = options.resumeFrom;
  const afterMs = resume?.lastRunAt ? Date.parse(resume.lastRunAt) : -Infinity;
  const fresh = sorted.filter(r => Date.parse(r.startedAt) > afterMs);
  const key = resume ?? fresh[0];
  if (key === undefined) return undefined;
  if (fresh.some(r => r.cluster !== key.cluster || r.check !== key.check)) {
    throw new RangeError('evaluateCanaryCheck takes the runs of one check');
  }
  return evaluateSorted(
    resume ?? freshMemory(key),
    fresh,
    nowMs,
    options,
    thresholds,
    maintenanceMatcher(options.maintenance),
  );
}
