import { HOUR_MS, parseWindow, toIso } from '../time/utc';
import { maintenanceMatcher } from './maintenance';
import {
  byStartThenOutcome,
  checkKeyOf,
  compareCheckKeys,
  compareText,
} from './order';
import { quantileOfDurations } from './sortedQuantile';
import type {
  CanaryHourlyRollup,
  CanaryMaintenanceWindow,
  CanaryRun,
  CanaryWindowKey,
  CanaryWindowRollup,
  CanaryWindowStats,
} from './types';

/** Hours of each window the tab offers. @public */
export const CANARY_WINDOW_HOURS: Record<CanaryWindowKey, number> = {
  '1h': 1,
  '24h': 24,
  '7d': 7 * 24,
  '30d': 30 * 24,
};

/**
 * The window `key` at `now`, aligned to roll-up hours: the N whole UTC hours
 * before the current one plus the current one so far, so it never holds less
 * than N hours and always holds the latest runs.
 *
 * @public
 */
export function canaryWindow(
  key: CanaryWindowKey,
  now: string,
): { from: string; to: string } {
  const nowMs = Date.parse(now);
  if (!Number.isFinite(nowMs)) {
    throw new RangeError(`now must be a timestamp, got ${now}`);
  }
  const hourStart = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
  return {
    from: toIso(hourStart - CANARY_WINDOW_HOURS[key] * HOUR_MS),
    to: toIso(hourStart + HOUR_MS),
  };
}

function emptyRow(run: CanaryRun, hourStart: string): CanaryHourlyRollup {
  return {
    ...checkKeyOf(run),
    hourStart,
    runs: 0,
    passes: 0,
    fails: 0,
    timeouts: 0,
    errors: 0,
    maintenanceRuns: 0,
    durationsMs: [],
  };
}

const COUNTER = {
  pass: 'passes',
  fail: 'fails',
  timeout: 'timeouts',
  error: 'errors',
} as const;

/**
 * One row per (cluster, check, UTC hour) of the runs given, sorted by cluster,
 * check, hour. A row's capability is that of its latest run. Roll up whole
 * hours: a row replaces any earlier row of its key.
 *
 * @public
 */
export function rollUpCanaryHours(
  runs: CanaryRun[],
  options: { maintenance?: CanaryMaintenanceWindow[] } = {},
): CanaryHourlyRollup[] {
  const inMaintenance = maintenanceMatcher(options.maintenance);
  const rows = new Map<string, CanaryHourlyRollup>();
  for (const run of [...runs].sort(byStartThenOutcome)) {
    const ms = Date.parse(run.startedAt);
    const hourStart = toIso(Math.floor(ms / HOUR_MS) * HOUR_MS);
    const id = [run.cluster, run.check, hourStart].join('\u0000');
    const row = rows.get(id) ?? emptyRow(run, hourStart);
    rows.set(id, row);
    row.capability = run.capability;
    row.runs += 1;
    if (inMaintenance(run, ms)) {
      row.maintenanceRuns += 1;
      continue;
    }
    row[COUNTER[run.outcome]] += 1;
    if (run.outcome !== 'error') row.durationsMs.push(run.durationMs);
  }
  for (const row of rows.values()) row.durationsMs.sort((a, b) => a - b);
  return [...rows.values()].sort(
    (x, y) => compareCheckKeys(x, y) || compareText(x.hourStart, y.hourStart),
  );
}

/**
 * Whether `text` has the shape `toISOString` writes (`2026-11-01T10:00:00.000Z`):
 * such strings sort as their instants, so a window can be tested without
 * parsing each row's hour (Date.parse was a tenth of a status's stats).
 */
function isToIsoString(text: string): boolean {
  return (
    text.length === 24 &&
    text.charCodeAt(4) === 45 && // -
    text.charCodeAt(10) === 84 && // T
    text.charCodeAt(19) === 46 && // .
    text.charCodeAt(23) === 90 // Z
  );
}

/**
 * Uptime and p95 duration over the roll-up rows whose hour starts in
 * `[window.from, window.to)`, summing every row given (filter first for one
 * check). Uptime = passes ÷ (passes + fails + timeouts), errors and
 * maintenance left out; p95 is exact over the union of the hours' durations.
 *
 * @public
 */
export function canaryWindowStats(
  rollups: CanaryWindowRollup[],
  window: { from: string; to: string },
): CanaryWindowStats {
  const { fromMs, toMs } = parseWindow(window);
  const sortable = isToIsoString(window.from) && isToIsoString(window.to);
  let runs = 0;
  let passes = 0;
  let failures = 0;
  let errors = 0;
  let maintenanceRuns = 0;
  const durations: CanaryWindowRollup['durationsMs'][] = [];
  // one pass, no closures: a status sums ~1,500 rows a call
  for (const r of rollups) {
    const at = r.hourStart;
    if (sortable && isToIsoString(at)) {
      if (!(at >= window.from && at < window.to)) continue;
    } else {
      const ms = Date.parse(at);
      if (!(ms >= fromMs && ms < toMs)) continue;
    }
    runs += r.runs;
    passes += r.passes;
    failures += r.fails + r.timeouts;
    errors += r.errors;
    maintenanceRuns += r.maintenanceRuns;
    durations.push(r.durationsMs);
  }
  return {
    window: { from: window.from, to: window.to },
    runs,
    passes,
    failures,
    errors,
    maintenanceRuns,
    uptime: passes + failures > 0 ? passes / (passes + failures) : null,
    p95DurationMs: quantileOfDurations(durations, 0.95),
  };
}
