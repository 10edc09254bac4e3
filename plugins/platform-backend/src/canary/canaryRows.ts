import {
  CanaryHourlyRollup,
  DAY_MS,
  HOUR_MS,
} from '@goldenpath/plugin-platform-common';
import { LogEvent } from '../eventLog/EventStore';
import { CanaryRecentRun, CanaryRolloutRow, CanaryRunRow } from './CanaryStore';

/** The sparkline's length: the latest runs kept on each check row. */
export const CANARY_RECENT_RUNS = 30;

/** The first hour raw runs are kept for: `rawDays` before now, on the hour. */
export function canaryRawSince(now: Date, rawDays: number): string {
  const ms = now.getTime() - rawDays * 24 * HOUR_MS;
  return new Date(Math.floor(ms / HOUR_MS) * HOUR_MS).toISOString();
}

export const checkId = (key: { cluster: string; check: string }) =>
  `${key.cluster}\u0000${key.check}`;

/**
 * The `canary.run` events of a page as rows, one per (cluster, check,
 * startedAt): a later event in the log replaces an earlier one with the same
 * key, as the upsert does.
 */
export function canaryRunRows(events: LogEvent[]): CanaryRunRow[] {
  const rows = new Map<string, CanaryRunRow>();
  for (const { event, entityRef, seq } of events) {
    if (event.type !== 'canary.run') continue;
    const d = event.data;
    rows.set(`${checkId(d)}\u0000${d.startedAt}`, {
      cluster: d.cluster,
      check: d.check,
      capability: d.capability,
      outcome: d.outcome,
      durationMs: d.durationMs,
      startedAt: d.startedAt,
      errors: d.errors,
      ...(d.logTail ? { logTail: d.logTail } : {}),
      trigger: d.trigger ?? 'schedule',
      ...(d.intervalSeconds ? { intervalSeconds: d.intervalSeconds } : {}),
      entityRef,
      source: event.source,
      eventId: event.id,
      seq,
    });
  }
  return [...rows.values()];
}

/** Whether two runs of one check at one start differ in anything the state, roll-ups or sparkline read. */
export function runChanged(
  stored: CanaryRunRow | undefined,
  run: CanaryRunRow,
): boolean {
  return (
    !stored ||
    stored.outcome !== run.outcome ||
    stored.capability !== run.capability ||
    stored.durationMs !== run.durationMs
  );
}

export const toRecent = (run: CanaryRecentRun): CanaryRecentRun => ({
  startedAt: run.startedAt,
  outcome: run.outcome,
  durationMs: run.durationMs,
});

/** The latest `rollout.updated` per rollout of an entity in a page (occurredAt, then log order). */
export function canaryRolloutRows(events: LogEvent[]): CanaryRolloutRow[] {
  const rows = new Map<string, CanaryRolloutRow>();
  for (const { event, entityRef, seq } of events) {
    if (event.type !== 'rollout.updated' || !entityRef) continue;
    const d = event.data;
    const key = [entityRef, d.cluster, d.namespace, d.name].join('\u0000');
    const previous = rows.get(key);
    if (previous && previous.updatedAt > event.occurredAt) continue;
    rows.set(key, {
      entityRef,
      cluster: d.cluster,
      namespace: d.namespace,
      name: d.name,
      updatedAt: event.occurredAt,
      seq,
      status: d,
    });
  }
  return [...rows.values()];
}

/** Hours (ISO) grouped into ranges whose gaps are at most `maxGapHours`, so a few range reads cover them. */
export function hourRanges(
  hours: string[],
  maxGapHours = 24,
): Array<{ from: string; to: string }> {
  const sorted = [...new Set(hours)].sort();
  const ranges: Array<{ fromMs: number; toMs: number }> = [];
  for (const hour of sorted) {
    const ms = Date.parse(hour);
    const last = ranges[ranges.length - 1];
    if (last && ms - last.toMs <= maxGapHours * HOUR_MS) {
      last.toMs = ms + HOUR_MS;
    } else {
      ranges.push({ fromMs: ms, toMs: ms + HOUR_MS });
    }
  }
  return ranges.map(r => ({
    from: new Date(r.fromMs).toISOString(),
    to: new Date(r.toMs).toISOString(),
  }));
}

export const hourOf = (iso: string) =>
  new Date(Math.floor(Date.parse(iso) / HOUR_MS) * HOUR_MS).toISOString();

export const dayOf = (iso: string) =>
  new Date(Math.floor(Date.parse(iso) / DAY_MS) * DAY_MS).toISOString();

/**
 * One row for a span from hourly rows of one check (a UTC day): counts
 * summed, durations merged in order, the capability of the latest row. The
 * union of the hours' durations, so any quantile over it is the hours'.
 */
export function mergeRollups(
  rows: CanaryHourlyRollup[],
  start: string,
): CanaryHourlyRollup {
  const sorted = [...rows].sort((x, y) => (x.hourStart < y.hourStart ? -1 : 1));
  const sum = (pick: (r: CanaryHourlyRollup) => number) =>
    sorted.reduce((t, r) => t + pick(r), 0);
  const latest = sorted[sorted.length - 1];
  return {
    cluster: latest.cluster,
    check: latest.check,
    capability: latest.capability,
    hourStart: start,
    runs: sum(r => r.runs),
    passes: sum(r => r.passes),
    fails: sum(r => r.fails),
    timeouts: sum(r => r.timeouts),
    errors: sum(r => r.errors),
    maintenanceRuns: sum(r => r.maintenanceRuns),
    durationsMs: sorted.flatMap(r => r.durationsMs).sort((a, b) => a - b),
  };
}
