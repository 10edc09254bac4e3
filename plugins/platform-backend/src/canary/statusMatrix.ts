import {
  CanaryCapability,
  CanaryCheckStatus,
  CanaryDisplayStatus,
  CanaryWindowRollup,
  canaryWindowStats,
  evaluateCanaryCheck,
} from '@goldenpath/plugin-platform-common';
import { CanaryCheckRow, CanaryRecentRun } from './CanaryStore';
import { CanarySettings } from './config';
import { CanaryMatrixRowBody, CanaryStatusCheckBody } from './apiTypes';

/**
 * Each stored check's status at `now`, without replaying a run: the stored
 * memory is resumed with no new run, which settles staleness and
 * maintenance at `now`.
 */
export function statusesAt(
  rows: CanaryCheckRow[],
  now: string,
  settings: Pick<CanarySettings, 'state' | 'maintenance'>,
): CanaryCheckStatus[] {
  return rows.flatMap(row => {
    const status = evaluateCanaryCheck([], {
      ...settings.state,
      now,
      maintenance: settings.maintenance,
      intervalMs: row.intervalMs,
      resumeFrom: row.memory,
    });
    return status ? [status] : [];
  });
}

/** Items by cluster, then check: no joined key string per item (1,500 a call). */
function byClusterAndCheck<T extends { cluster: string; check: string }>(
  items: readonly T[],
): Map<string, Map<string, T[]>> {
  const out = new Map<string, Map<string, T[]>>();
  for (const item of items) {
    let checks = out.get(item.cluster);
    if (!checks) out.set(item.cluster, (checks = new Map()));
    const list = checks.get(item.check);
    if (list) list.push(item);
    else checks.set(item.check, [item]);
  }
  return out;
}

/** A cell shows the worst of its checks. */
const SEVERITY: Record<CanaryDisplayStatus, number> = {
  down: 0,
  stale: 1,
  flapping: 2,
  unknown: 3,
  maintenance: 4,
  up: 5,
};

export function worstDisplay(
  displays: CanaryDisplayStatus[],
): CanaryDisplayStatus {
  return displays.reduce<CanaryDisplayStatus>(
    (worst, d) => (SEVERITY[d] < SEVERITY[worst] ? d : worst),
    'up',
  );
}

function checkBody(
  status: CanaryCheckStatus,
  hours: CanaryWindowRollup[],
  window: { from: string; to: string },
  recent: CanaryRecentRun[],
  platformWide: boolean,
): CanaryStatusCheckBody {
  const stats = canaryWindowStats(hours, window);
  return {
    cluster: status.cluster,
    check: status.check,
    capability: status.capability,
    state: status.state,
    display: status.display,
    ...(status.since ? { since: status.since } : {}),
    stale: status.stale,
    flapping: status.flapping,
    flapPercent: status.flapPercent,
    inMaintenance: status.inMaintenance,
    consecutiveFailures: status.consecutiveFailures,
    consecutivePasses: status.consecutivePasses,
    intervalMs: Math.round(status.intervalMs),
    ...(status.lastRunAt ? { lastRunAt: status.lastRunAt } : {}),
    ...(status.lastOutcome ? { lastOutcome: status.lastOutcome } : {}),
    ...(status.lastResultAt ? { lastResultAt: status.lastResultAt } : {}),
    platformWide,
    stats: {
      runs: stats.runs,
      passes: stats.passes,
      failures: stats.failures,
      errors: stats.errors,
      maintenanceRuns: stats.maintenanceRuns,
      uptime: stats.uptime,
      p95DurationMs: stats.p95DurationMs,
    },
    recent,
  };
}

/**
 * The clusters × capabilities matrix: a row per cluster (sorted), a cell per
 * capability in `capabilities` order holding that cluster's checks of it
 * (sorted by name) with their window stats and latest runs.
 */
export function buildMatrix(input: {
  clusters: string[];
  capabilities: readonly CanaryCapability[];
  statuses: CanaryCheckStatus[];
  rows: CanaryCheckRow[];
  hours: CanaryWindowRollup[];
  window: { from: string; to: string };
  platformWideChecks: Set<string>;
  clusterEntityRefs: Map<string, string>;
}): CanaryMatrixRowBody[] {
  const rows = byClusterAndCheck(input.rows);
  const hours = byClusterAndCheck(input.hours);
  return [...input.clusters].sort().map(cluster => {
    const own = input.statuses
      .filter(s => s.cluster === cluster)
      .sort((x, y) => (x.check < y.check ? -1 : 1));
    const clusterEntityRef = input.clusterEntityRefs.get(cluster);
    return {
      cluster,
      ...(clusterEntityRef ? { clusterEntityRef } : {}),
      cells: input.capabilities.map(capability => {
        const checks = own
          .filter(s => s.capability === capability)
          .map(s =>
            checkBody(
              s,
              hours.get(s.cluster)?.get(s.check) ?? [],
              input.window,
              rows.get(s.cluster)?.get(s.check)?.[0].recent ?? [],
              input.platformWideChecks.has(`${s.check}\u0000${s.capability}`),
            ),
          );
        return {
          capability,
          display:
            checks.length > 0
              ? worstDisplay(checks.map(c => c.display))
              : 'unknown',
          checks,
        };
      }),
    };
  });
}
