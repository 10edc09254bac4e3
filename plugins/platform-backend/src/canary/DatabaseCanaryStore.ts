import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  CanaryCapability,
  CanaryHourlyRollup,
  CanaryOutcome,
  CanaryState,
  CanaryWindowRollup,
} from '@goldenpath/plugin-platform-common';
import { Knex } from 'knex';
import { appendAll } from '../database/appendAll';
import { migratedClient } from '../database/migrateDatabase';
import {
  CanaryCheckKeyRef,
  CanaryCheckRow,
  CanaryNotificationStatus,
  CanaryRecentRun,
  CanaryRolloutRow,
  CanaryRunRow,
  CanaryStore,
  CanaryTransitionRow,
} from './CanaryStore';
import { hourOf } from './canaryRows';
import {
  decodeDurations,
  encodeDurations,
  readDurations,
} from './durationsCodec';

/** SQLite caps a multi-row insert (a compound SELECT in knex) at 500 rows. */
const CHUNK = 200;

type Row = Record<string, any>;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

function runToRow(run: CanaryRunRow): Row {
  return {
    cluster: run.cluster,
    check_name: run.check,
    started_at: run.startedAt,
    hour_start: hourOf(run.startedAt),
    capability: run.capability,
    outcome: run.outcome,
    duration_ms: run.durationMs,
    errors: JSON.stringify(run.errors),
    log_tail: run.logTail ? JSON.stringify(run.logTail) : null,
    trigger: run.trigger,
    interval_seconds: run.intervalSeconds ?? null,
    entity_ref: run.entityRef,
    source: run.source,
    event_id: run.eventId,
    seq: run.seq,
  };
}

function rowToRun(row: Row): CanaryRunRow {
  return {
    cluster: row.cluster,
    check: row.check_name,
    startedAt: row.started_at,
    capability: row.capability as CanaryCapability,
    outcome: row.outcome as CanaryOutcome,
    durationMs: Number(row.duration_ms),
    errors: JSON.parse(row.errors),
    ...(row.log_tail ? { logTail: JSON.parse(row.log_tail) } : {}),
    trigger: row.trigger,
    ...(row.interval_seconds !== null && row.interval_seconds !== undefined
      ? { intervalSeconds: Number(row.interval_seconds) }
      : {}),
    entityRef: row.entity_ref ?? null,
    source: row.source,
    eventId: row.event_id,
    seq: Number(row.seq),
  };
}

function checkToRow(row: CanaryCheckRow): Row {
  const m = row.memory;
  return {
    cluster: row.cluster,
    check_name: row.check,
    capability: m.capability,
    state: m.state,
    since: m.since ?? null,
    consecutive_failures: m.consecutiveFailures,
    consecutive_passes: m.consecutivePasses,
    flapping: m.flapping,
    last_run_at: m.lastRunAt ?? null,
    last_outcome: m.lastOutcome ?? null,
    interval_ms: row.intervalMs ?? null,
    memory: JSON.stringify(m),
    recent: JSON.stringify(row.recent),
  };
}

function rowToCheck(row: Row): CanaryCheckRow {
  return {
    cluster: row.cluster,
    check: row.check_name,
    memory: JSON.parse(row.memory),
    ...(row.interval_ms !== null && row.interval_ms !== undefined
      ? { intervalMs: Number(row.interval_ms) }
      : {}),
    recent: row.recent ? JSON.parse(row.recent) : [],
  };
}

/** A roll-up row's columns; `time` is `hour_start` or `day_start`. */
function rollupToRow(
  h: CanaryHourlyRollup,
  time: 'hour_start' | 'day_start',
): Row {
  return {
    cluster: h.cluster,
    check_name: h.check,
    [time]: h.hourStart,
    capability: h.capability,
    runs: h.runs,
    passes: h.passes,
    fails: h.fails,
    timeouts: h.timeouts,
    errors: h.errors,
    maintenance_runs: h.maintenanceRuns,
    durations_ms: encodeDurations(h.durationsMs),
  };
}

function rowToRollup(
  row: Row,
  time: 'hour_start' | 'day_start',
): CanaryHourlyRollup {
  return {
    ...rowToWindowRollup(row, time),
    durationsMs: decodeDurations(row.durations_ms),
  };
}

/** For a window's stats: the durations stay bucketed until a quantile reads one bucket. */
function rowToWindowRollup(
  row: Row,
  time: 'hour_start' | 'day_start',
): CanaryWindowRollup {
  return {
    cluster: row.cluster,
    check: row.check_name,
    capability: row.capability,
    hourStart: row[time],
    runs: Number(row.runs),
    passes: Number(row.passes),
    fails: Number(row.fails),
    timeouts: Number(row.timeouts),
    errors: Number(row.errors),
    maintenanceRuns: Number(row.maintenance_runs),
    durationsMs: readDurations(row.durations_ms),
  };
}

function transitionToRow(t: CanaryTransitionRow): Row {
  return {
    cluster: t.cluster,
    check_name: t.check,
    at: t.at,
    capability: t.capability,
    from_state: t.from,
    to_state: t.to,
    streak_started_at: t.streakStartedAt,
    flapping: t.flapping,
    notification: t.notification,
    notified_at: t.notifiedAt ?? null,
  };
}

function rowToTransition(row: Row): CanaryTransitionRow {
  return {
    cluster: row.cluster,
    check: row.check_name,
    at: row.at,
    capability: row.capability,
    from: row.from_state as CanaryState,
    to: row.to_state as 'up' | 'down',
    streakStartedAt: row.streak_started_at,
    flapping: Boolean(row.flapping),
    notification: row.notification as CanaryNotificationStatus,
    ...(row.notified_at ? { notifiedAt: row.notified_at } : {}),
  };
}

function rolloutToRow(r: CanaryRolloutRow): Row {
  return {
    entity_ref: r.entityRef,
    cluster: r.cluster,
    namespace: r.namespace,
    name: r.name,
    updated_at: r.updatedAt,
    seq: r.seq,
    status: JSON.stringify(r.status),
  };
}

function rowToRollout(row: Row): CanaryRolloutRow {
  return {
    entityRef: row.entity_ref,
    cluster: row.cluster,
    namespace: row.namespace,
    name: row.name,
    updatedAt: row.updated_at,
    seq: Number(row.seq),
    status: JSON.parse(row.status),
  };
}

const byCheck = (key: CanaryCheckKeyRef) => ({
  cluster: key.cluster,
  check_name: key.check,
});

/** The canary tables (migrations/20261214000000_canary_tables.js). SQL and row mapping only. */
export class DatabaseCanaryStore implements CanaryStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseCanaryStore> {
    return new DatabaseCanaryStore(
      await migratedClient(options.database, options.skipMigrations),
    );
  }

  constructor(private readonly knex: Knex) {}

  async upsertRuns(rows: CanaryRunRow[], tx: Knex.Transaction): Promise<void> {
    for (const chunk of chunks(rows.map(runToRow))) {
      await tx('canary_runs')
        .insert(chunk)
        .onConflict(['cluster', 'check_name', 'started_at'])
        .merge();
    }
  }

  async readRuns(
    key: CanaryCheckKeyRef,
    range: { from?: string; to?: string },
    tx?: Knex.Transaction,
  ): Promise<CanaryRunRow[]> {
    const query = (tx ?? this.knex)('canary_runs')
      .where(byCheck(key))
      .orderBy('started_at', 'asc');
    if (range.from) query.where('started_at', '>=', range.from);
    if (range.to) query.where('started_at', '<', range.to);
    return (await query).map(rowToRun);
  }

  async readLatestRuns(
    key: CanaryCheckKeyRef,
    limit: number,
    tx?: Knex.Transaction,
  ): Promise<CanaryRecentRun[]> {
    const rows = await (tx ?? this.knex)('canary_runs')
      .select('started_at', 'outcome', 'duration_ms')
      .where(byCheck(key))
      .orderBy('started_at', 'desc')
      .limit(limit);
    return rows.reverse().map(r => ({
      startedAt: r.started_at,
      outcome: r.outcome,
      durationMs: Number(r.duration_ms),
    }));
  }

  async readChecks(
    keys: CanaryCheckKeyRef[],
    tx: Knex.Transaction,
  ): Promise<CanaryCheckRow[]> {
    const out: CanaryCheckRow[] = [];
    for (const chunk of chunks(keys)) {
      const rows = await tx('canary_checks').whereIn(
        ['cluster', 'check_name'],
        chunk.map(k => [k.cluster, k.check]),
      );
      appendAll(out, rows.map(rowToCheck));
    }
    return out;
  }

  async putCheck(row: CanaryCheckRow, tx: Knex.Transaction): Promise<void> {
    await tx('canary_checks')
      .insert(checkToRow(row))
      .onConflict(['cluster', 'check_name'])
      .merge();
  }

  async putHours(
    rows: CanaryHourlyRollup[],
    tx: Knex.Transaction,
  ): Promise<void> {
    for (const chunk of chunks(rows.map(r => rollupToRow(r, 'hour_start')))) {
      await tx('canary_hours')
        .insert(chunk)
        .onConflict(['cluster', 'check_name', 'hour_start'])
        .merge();
    }
  }

  async readHours(
    key: CanaryCheckKeyRef,
    range: { from: string; to: string },
    tx: Knex.Transaction,
  ): Promise<CanaryHourlyRollup[]> {
    const rows = await tx('canary_hours')
      .where(byCheck(key))
      .where('hour_start', '>=', range.from)
      .where('hour_start', '<', range.to)
      .orderBy('hour_start', 'asc');
    return rows.map(r => rowToRollup(r, 'hour_start'));
  }

  async putDays(
    rows: CanaryHourlyRollup[],
    tx: Knex.Transaction,
  ): Promise<void> {
    for (const chunk of chunks(rows.map(r => rollupToRow(r, 'day_start')))) {
      await tx('canary_days')
        .insert(chunk)
        .onConflict(['cluster', 'check_name', 'day_start'])
        .merge();
    }
  }

  async putTransitions(
    rows: CanaryTransitionRow[],
    tx: Knex.Transaction,
  ): Promise<void> {
    for (const chunk of chunks(rows.map(transitionToRow))) {
      await tx('canary_transitions')
        .insert(chunk)
        .onConflict(['cluster', 'check_name', 'at'])
        .merge([
          'capability',
          'from_state',
          'to_state',
          'streak_started_at',
          'flapping',
        ]);
    }
  }

  async deleteTransitionsFrom(
    key: CanaryCheckKeyRef,
    from: string,
    keep: string[],
    tx: Knex.Transaction,
  ): Promise<void> {
    const stale = await tx('canary_transitions')
      .select('at')
      .where(byCheck(key))
      .where('at', '>=', from);
    const kept = new Set(keep);
    const gone = stale.map(r => r.at as string).filter(at => !kept.has(at));
    for (const chunk of chunks(gone, 500)) {
      await tx('canary_transitions')
        .where(byCheck(key))
        .whereIn('at', chunk)
        .delete();
    }
  }

  async putRollouts(
    rows: CanaryRolloutRow[],
    tx: Knex.Transaction,
  ): Promise<void> {
    for (const chunk of chunks(rows.map(rolloutToRow))) {
      // a status older than the stored one (a late event) does not replace it
      await tx('canary_rollouts')
        .insert(chunk)
        .onConflict(['entity_ref', 'cluster', 'namespace', 'name'])
        .merge()
        .whereRaw(
          'excluded.updated_at > canary_rollouts.updated_at or (excluded.updated_at = canary_rollouts.updated_at and excluded.seq >= canary_rollouts.seq)',
        );
    }
  }

  async listChecks(options: {
    clusters?: string[];
    withRecent: boolean;
  }): Promise<CanaryCheckRow[]> {
    const columns = [
      'cluster',
      'check_name',
      'memory',
      'interval_ms',
      ...(options.withRecent ? ['recent'] : []),
    ];
    if (options.clusters) {
      const out: CanaryCheckRow[] = [];
      for (const chunk of chunks(options.clusters, 500)) {
        const rows = await this.knex('canary_checks')
          .select(columns)
          .whereIn('cluster', chunk);
        appendAll(out, rows.map(rowToCheck));
      }
      return out;
    }
    return (await this.knex('canary_checks').select(columns)).map(rowToCheck);
  }

  async listDownChecks(): Promise<CanaryCheckRow[]> {
    const rows = await this.knex('canary_checks')
      .select('cluster', 'check_name', 'memory', 'interval_ms')
      .where('state', 'down');
    return rows.map(rowToCheck);
  }

  async countClustersByCheck(): Promise<
    Array<{ check: string; capability: CanaryCapability; clusters: number }>
  > {
    const rows = await this.knex('canary_checks')
      .select('check_name', 'capability')
      .count({ n: '*' })
      .groupBy('check_name', 'capability');
    // knex types a count's rows as the count alone; the grouped columns are there too
    return rows.map((r: Row) => ({
      check: String(r.check_name),
      capability: r.capability as CanaryCapability,
      clusters: Number(r.n),
    }));
  }

  async listHours(
    clusters: string[],
    from: string,
    to: string,
  ): Promise<CanaryWindowRollup[]> {
    return this.listRollups('canary_hours', 'hour_start', clusters, from, to);
  }

  async listDays(
    clusters: string[],
    from: string,
    to: string,
  ): Promise<CanaryWindowRollup[]> {
    return this.listRollups('canary_days', 'day_start', clusters, from, to);
  }

  private async listRollups(
    table: string,
    time: 'hour_start' | 'day_start',
    clusters: string[],
    from: string,
    to: string,
  ): Promise<CanaryWindowRollup[]> {
    const out: CanaryWindowRollup[] = [];
    for (const chunk of chunks(clusters, 500)) {
      const rows = await this.knex(table)
        .whereIn('cluster', chunk)
        .where(time, '>=', from)
        .where(time, '<', to);
      appendAll(
        out,
        rows.map(r => rowToWindowRollup(r, time)),
      );
    }
    return out;
  }

  async listRuns(
    key: CanaryCheckKeyRef,
    range: { from?: string; to?: string },
    limit: number,
  ): Promise<CanaryRunRow[]> {
    const query = this.knex('canary_runs')
      .where(byCheck(key))
      .orderBy('started_at', 'desc')
      .limit(limit);
    if (range.from) query.where('started_at', '>=', range.from);
    if (range.to) query.where('started_at', '<', range.to);
    return (await query).map(rowToRun);
  }

  async listTransitions(
    clusters: string[],
    from: string,
    to: string,
  ): Promise<CanaryTransitionRow[]> {
    const out = new Map<string, CanaryTransitionRow>();
    const add = (rows: Row[]) => {
      for (const row of rows.map(rowToTransition)) {
        out.set(`${row.cluster}\u0000${row.check}\u0000${row.at}`, row);
      }
    };
    for (const chunk of chunks(clusters, 500)) {
      add(
        await this.knex('canary_transitions')
          .whereIn('cluster', chunk)
          .where('at', '>=', from)
          .where('streak_started_at', '<', to),
      );
      // the state each check was in at `from`
      add(
        await this.edgeTransitions(chunk, 'max', q => q.where('at', '<', from)),
      );
      // what ended a period still open at `to`
      add(
        await this.edgeTransitions(chunk, 'min', q =>
          q.where('at', '>=', from).where('streak_started_at', '>=', to),
        ),
      );
    }
    return [...out.values()].sort(
      (x, y) =>
        cmp(x.cluster, y.cluster) || cmp(x.check, y.check) || cmp(x.at, y.at),
    );
  }

  /** Per check of the clusters, the first (min) or last (max) transition matching `where`. */
  private edgeTransitions(
    clusters: string[],
    edge: 'min' | 'max',
    where: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
  ): Promise<Row[]> {
    const edges = where(
      this.knex('canary_transitions')
        .select('cluster', 'check_name')
        [edge]('at as edge_at')
        .whereIn('cluster', clusters)
        .groupBy('cluster', 'check_name'),
    ).as('e');
    return this.knex('canary_transitions as t')
      .select('t.*')
      .join(edges, function on() {
        this.on('t.cluster', '=', 'e.cluster')
          .andOn('t.check_name', '=', 'e.check_name')
          .andOn('t.at', '=', 'e.edge_at');
      });
  }

  async listRollouts(
    scope: { entityRefs: string[] } | { cluster: string },
  ): Promise<CanaryRolloutRow[]> {
    const query = this.knex('canary_rollouts').orderBy([
      { column: 'entity_ref', order: 'asc' },
      { column: 'cluster', order: 'asc' },
      { column: 'namespace', order: 'asc' },
      { column: 'name', order: 'asc' },
    ]);
    if ('cluster' in scope) query.where('cluster', scope.cluster);
    else query.whereIn('entity_ref', scope.entityRefs);
    return (await query).map(rowToRollout);
  }

  async rolloutClusters(
    entityRefs: string[],
  ): Promise<Array<{ entityRef: string; cluster: string }>> {
    const out: Array<{ entityRef: string; cluster: string }> = [];
    for (const chunk of chunks(entityRefs, 500)) {
      const rows = await this.knex('canary_rollouts')
        .distinct('entity_ref', 'cluster')
        .whereIn('entity_ref', chunk);
      out.push(
        ...rows.map(r => ({ entityRef: r.entity_ref, cluster: r.cluster })),
      );
    }
    return out;
  }

  async listPendingTransitions(limit: number): Promise<CanaryTransitionRow[]> {
    const rows = await this.knex('canary_transitions')
      .where('notification', 'pending')
      .orderBy([
        { column: 'at', order: 'asc' },
        { column: 'cluster', order: 'asc' },
        { column: 'check_name', order: 'asc' },
      ])
      .limit(limit);
    return rows.map(rowToTransition);
  }

  async markNotifications(
    updates: Array<
      CanaryCheckKeyRef & {
        at: string;
        notification: CanaryNotificationStatus;
        notifiedAt?: string;
      }
    >,
  ): Promise<void> {
    for (const u of updates) {
      await this.knex('canary_transitions')
        .where({ ...byCheck(u), at: u.at })
        .update({
          notification: u.notification,
          notified_at: u.notifiedAt ?? null,
        });
    }
  }

  async deleteBefore(cutoffs: {
    rawBefore: string;
    hourlyBefore: string;
  }): Promise<Record<string, number>> {
    return {
      canary_runs: await this.knex('canary_runs')
        .where('started_at', '<', cutoffs.rawBefore)
        .delete(),
      canary_hours: await this.knex('canary_hours')
        .where('hour_start', '<', cutoffs.hourlyBefore)
        .delete(),
      canary_days: await this.knex('canary_days')
        .where('day_start', '<', cutoffs.hourlyBefore)
        .delete(),
      // each check keeps its latest transition: the state it is still in
      canary_transitions: await this.knex('canary_transitions')
        .where('at', '<', cutoffs.hourlyBefore)
        .whereExists(
          this.knex('canary_transitions as later')
            .select(this.knex.raw('1'))
            .whereRaw('later.cluster = canary_transitions.cluster')
            .whereRaw('later.check_name = canary_transitions.check_name')
            .whereRaw('later.at > canary_transitions.at'),
        )
        .delete(),
      // a check with no run within raw retention is no longer run
      canary_checks: await this.knex('canary_checks')
        .where('last_run_at', '<', cutoffs.rawBefore)
        .delete(),
      canary_rollouts: await this.knex('canary_rollouts')
        .where('updated_at', '<', cutoffs.hourlyBefore)
        .delete(),
    };
  }
}

function cmp(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
