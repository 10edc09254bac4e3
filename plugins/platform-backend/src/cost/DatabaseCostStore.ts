import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { migratedClient } from '../database/migrateDatabase';
import { compareText as cmp } from './sums';
import {
  ClusterDayRow,
  ClusterHourRow,
  ContainerHourRow,
  ControllerDayRow,
  ControllerKey,
  CostGrouping,
  CostRowScope,
  CostStore,
  DeploymentRow,
  DirtyDay,
  DirtyHour,
  NodeHourRow,
  RetentionCounts,
  SampleRow,
  SummedDays,
} from './CostStore';
import { appendAll } from '../database/appendAll';

/**
 * Rows per INSERT: SQLite caps a multi-row insert (a compound SELECT in knex)
 * at 500 rows; PostgreSQL takes 65,535 parameters (the widest table has 27
 * columns).
 */
const SQLITE_CHUNK = 400;
const POSTGRES_CHUNK = 2000;
/** Values per `IN (...)`, well under both databases' bind limits. */
const IN_CHUNK = 500;

type Row = Record<string, any>;

const SAMPLE_KEY = [
  'cluster',
  'namespace',
  'pod_uid',
  'container',
  'hour_start',
];
const NODE_KEY = ['cluster', 'node', 'hour_start'];
const DEPLOYMENT_KEY = ['entity_ref', 'source', 'deployment_id'];

/** Columns of a `CostSums` (camelCase field → snake_case column). */
const SUM_COLUMNS = {
  missingPriceHours: 'missing_price_hours',
  cpuRequestCoreHours: 'cpu_request_core_hours',
  cpuUsageCoreHours: 'cpu_usage_core_hours',
  cpuBilledCoreHours: 'cpu_billed_core_hours',
  memoryRequestByteHours: 'memory_request_byte_hours',
  memoryUsageByteHours: 'memory_usage_byte_hours',
  memoryBilledByteHours: 'memory_billed_byte_hours',
  cpuCost: 'cpu_cost',
  memoryCost: 'memory_cost',
  clusterIdleCpuCost: 'cluster_idle_cpu_cost',
  clusterIdleMemoryCost: 'cluster_idle_memory_cost',
  nodeIdleCpuCost: 'node_idle_cpu_cost',
  nodeIdleMemoryCost: 'node_idle_memory_cost',
} as const;

const IDLE_COLUMNS = {
  nodeHours: 'node_hours',
  cpuCapacityCost: 'cpu_capacity_cost',
  memoryCapacityCost: 'memory_capacity_cost',
  cpuAllocatedCost: 'cpu_allocated_cost',
  memoryAllocatedCost: 'memory_allocated_cost',
  cpuIdleCost: 'cpu_idle_cost',
  memoryIdleCost: 'memory_idle_cost',
  cpuOverAllocatedCost: 'cpu_over_allocated_cost',
  memoryOverAllocatedCost: 'memory_over_allocated_cost',
} as const;

const GROUPINGS: Record<CostGrouping, string[]> = {
  controller: [
    'cluster',
    'namespace',
    'controller_kind',
    'controller',
    'entity_ref',
  ],
  day: ['day'],
  entityDay: ['entity_ref', 'day'],
  total: [],
};

const camel = (column: string) =>
  column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function toColumns(
  row: Record<string, any>,
  columns: Record<string, string>,
): Row {
  const out: Row = {};
  for (const [field, column] of Object.entries(columns))
    out[column] = row[field];
  return out;
}

function fromColumns(
  row: Row,
  columns: Record<string, string>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [field, column] of Object.entries(columns)) {
    out[field] = Number(row[column]);
  }
  return out;
}

/** The cost tables (migrations/20261210000000_cost_tables.js). SQL and row mapping only. */
export class DatabaseCostStore implements CostStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseCostStore> {
    return new DatabaseCostStore(
      await migratedClient(options.database, options.skipMigrations),
    );
  }

  private readonly chunk: number;

  constructor(private readonly knex: Knex) {
    this.chunk =
      knex.client.config.client === 'pg' ? POSTGRES_CHUNK : SQLITE_CHUNK;
  }

  async upsertRaw(
    rows: { samples: SampleRow[]; nodes: NodeHourRow[] },
    tx: Knex.Transaction,
  ): Promise<void> {
    for (const chunk of chunks(this.chunk, rows.samples.map(sampleToRow))) {
      await tx('cost_samples').insert(chunk).onConflict(SAMPLE_KEY).merge();
    }
    for (const chunk of chunks(this.chunk, rows.nodes.map(nodeToRow))) {
      await tx('cost_node_hours').insert(chunk).onConflict(NODE_KEY).merge();
    }
    const dirty = new Map<string, DirtyHour>();
    for (const r of [...rows.samples, ...rows.nodes]) {
      dirty.set(`${r.cluster}\u0000${r.hourStart}`, {
        cluster: r.cluster,
        hourStart: r.hourStart,
      });
    }
    for (const chunk of chunks(
      this.chunk,
      [...dirty.values()].map(d => ({
        cluster: d.cluster,
        hour_start: d.hourStart,
      })),
    )) {
      await tx('cost_dirty_hours')
        .insert(chunk)
        .onConflict(['cluster', 'hour_start'])
        .ignore();
    }
  }

  async upsertDeployments(
    rows: DeploymentRow[],
    tx: Knex.Transaction,
  ): Promise<void> {
    for (const chunk of chunks(this.chunk, rows.map(deploymentToRow))) {
      await tx('cost_deployments')
        .insert(chunk)
        .onConflict(DEPLOYMENT_KEY)
        .merge();
    }
  }

  async nextDirtyHour(tx: Knex.Transaction): Promise<DirtyHour | undefined> {
    const row = await tx('cost_dirty_hours')
      .orderBy([
        { column: 'cluster', order: 'asc' },
        { column: 'hour_start', order: 'asc' },
      ])
      .first();
    return row
      ? { cluster: row.cluster, hourStart: row.hour_start }
      : undefined;
  }

  async settledHour(hour: DirtyHour, tx: Knex.Transaction): Promise<void> {
    await tx('cost_dirty_hours')
      .where({ cluster: hour.cluster, hour_start: hour.hourStart })
      .delete();
    await tx('cost_dirty_days')
      .insert({ cluster: hour.cluster, day: hour.hourStart.slice(0, 10) })
      .onConflict(['cluster', 'day'])
      .ignore();
  }

  async nextDirtyDay(tx: Knex.Transaction): Promise<DirtyDay | undefined> {
    const row = await tx('cost_dirty_days')
      .orderBy([
        { column: 'cluster', order: 'asc' },
        { column: 'day', order: 'asc' },
      ])
      .first();
    return row ? { cluster: row.cluster, day: row.day } : undefined;
  }

  async clearDirtyDay(day: DirtyDay, tx: Knex.Transaction): Promise<void> {
    await tx('cost_dirty_days')
      .where({ cluster: day.cluster, day: day.day })
      .delete();
  }

  async readClusterHour(
    cluster: string,
    hourStart: string,
    tx: Knex.Transaction,
  ): Promise<{ samples: SampleRow[]; nodes: NodeHourRow[] }> {
    const [samples, nodes] = [
      await tx('cost_samples').where({ cluster, hour_start: hourStart }),
      await tx('cost_node_hours').where({ cluster, hour_start: hourStart }),
    ];
    return { samples: samples.map(rowToSample), nodes: nodes.map(rowToNode) };
  }

  async replaceClusterHour(
    cluster: string,
    hourStart: string,
    rows: { containers: ContainerHourRow[]; idle: ClusterHourRow[] },
    tx: Knex.Transaction,
  ): Promise<void> {
    await this.replaceRows(tx, { cluster, hour_start: hourStart }, [
      ['cost_container_hours', rows.containers.map(containerHourToRow)],
      ['cost_cluster_hours', rows.idle.map(clusterHourToRow)],
    ]);
  }

  async listHoursOfDay(
    cluster: string,
    day: string,
    tx: Knex.Transaction,
  ): Promise<string[]> {
    const rows = await tx('cost_cluster_hours')
      .distinct('hour_start')
      .where('cluster', cluster)
      .where('hour_start', '>=', day)
      .where('hour_start', '<', nextDay(day))
      .union(qb =>
        qb
          .distinct('hour_start')
          .from('cost_container_hours')
          .where('cluster', cluster)
          .where('hour_start', '>=', day)
          .where('hour_start', '<', nextDay(day)),
      );
    return [...new Set(rows.map(r => String(r.hour_start)))].sort();
  }

  async readHourly(
    cluster: string,
    hourStart: string,
    tx: Knex.Transaction,
  ): Promise<{ containers: ContainerHourRow[]; idle: ClusterHourRow[] }> {
    const where = { cluster, hour_start: hourStart };
    const containers = await tx('cost_container_hours').where(where);
    const idle = await tx('cost_cluster_hours').where(where);
    return {
      containers: containers.map(rowToContainerHour),
      idle: idle.map(rowToClusterHour),
    };
  }

  async replaceClusterDay(
    cluster: string,
    day: string,
    rows: { controllers: ControllerDayRow[]; idle: ClusterDayRow[] },
    tx: Knex.Transaction,
  ): Promise<void> {
    await this.replaceRows(tx, { cluster, day }, [
      ['cost_controller_days', rows.controllers.map(controllerDayToRow)],
      ['cost_cluster_days', rows.idle.map(clusterDayToRow)],
    ]);
  }

  /** Deletes the rows matching `where` from each table, then inserts the new ones. */
  private async replaceRows(
    tx: Knex.Transaction,
    where: Row,
    tables: Array<[table: string, rows: Row[]]>,
  ): Promise<void> {
    for (const [table] of tables) await tx(table).where(where).delete();
    for (const [table, rows] of tables) {
      for (const chunk of chunks(this.chunk, rows)) {
        await tx(table).insert(chunk);
      }
    }
  }

  async sumControllerDays<G extends CostGrouping>(
    scope: CostRowScope,
    from: string,
    to: string,
    by: G,
  ): Promise<Array<SummedDays<G>>> {
    const groupColumns = GROUPINGS[by];
    const sums = Object.values(SUM_COLUMNS).map(column =>
      this.knex.raw('sum(??) as ??', [column, column]),
    );
    const rows = await inChunks(scopeValues(scope), values => {
      const query = this.knex('cost_controller_days')
        .select(
          ...groupColumns,
          this.knex.raw('sum(container_hours) as container_hours'),
          ...sums,
        )
        .whereIn(scopeColumn(scope), values)
        .where('day', '>=', from)
        .where('day', '<', to);
      return groupColumns.length > 0 ? query.groupBy(groupColumns) : query;
    });
    // a total over no rows is one row of nulls
    return rows
      .filter(r => r.container_hours !== null)
      .map(r => {
        const out: Row = {
          containerHours: Number(r.container_hours),
          ...fromColumns(r, SUM_COLUMNS),
        };
        for (const column of groupColumns) {
          out[camel(column)] =
            column === 'entity_ref' ? r[column] ?? null : r[column];
        }
        return out as SummedDays<G>;
      });
  }

  async listClusterDays(
    clusters: string[],
    by: 'cluster' | 'node',
    from: string,
    to: string,
  ): Promise<ClusterDayRow[]> {
    const rows = await inChunks(clusters, values => {
      const query = this.knex('cost_cluster_days')
        .whereIn('cluster', values)
        .where('day', '>=', from)
        .where('day', '<', to);
      return by === 'node'
        ? query.whereNot('node', '')
        : query.where('node', '');
    });
    return rows.map(rowToClusterDay);
  }

  async firstHour(scope: CostRowScope): Promise<string | undefined> {
    const firsts = await inChunks(scopeValues(scope), async values => {
      const [first] = await this.knex('cost_controller_days')
        .whereIn(scopeColumn(scope), values)
        .min({ day: 'day' });
      if (!first?.day) return [];
      const [hour] = await this.knex('cost_controller_days')
        .whereIn(scopeColumn(scope), values)
        .where('day', first.day)
        .min({ hour: 'first_hour' });
      return hour?.hour ? [String(hour.hour)] : [];
    });
    return firsts.sort()[0];
  }

  async hasController(
    scope: CostRowScope,
    key: ControllerKey,
  ): Promise<boolean> {
    const found = await inChunks(scopeValues(scope), values =>
      this.knex('cost_controller_days')
        .select('day')
        .where(controllerWhere(key))
        .whereIn(scopeColumn(scope), values)
        .limit(1),
    );
    return found.length > 0;
  }

  async listControllerSamples(
    key: ControllerKey,
    from: string,
    to: string,
  ): Promise<SampleRow[]> {
    const rows = await this.knex('cost_samples')
      .where(controllerWhere(key))
      .where('hour_start', '>=', from)
      .where('hour_start', '<', to);
    return rows.map(rowToSample);
  }

  async listSamples(
    scope: CostRowScope,
    from: string,
    to: string,
  ): Promise<SampleRow[]> {
    const rows = await inChunks(scopeValues(scope), values =>
      this.knex('cost_samples')
        .whereIn(scopeColumn(scope), values)
        .where('hour_start', '>=', from)
        .where('hour_start', '<', to),
    );
    return rows.map(rowToSample);
  }

  async listNodeHours(
    clusters: string[],
    from: string,
    to: string,
    nodes?: string[],
  ): Promise<NodeHourRow[]> {
    const rows = await inChunks(clusters, async values => {
      const query = () =>
        this.knex('cost_node_hours')
          .whereIn('cluster', values)
          .where('hour_start', '>=', from)
          .where('hour_start', '<', to);
      if (!nodes) return query();
      return inChunks(nodes, names => query().whereIn('node', names));
    });
    return rows.map(rowToNode);
  }

  async listClusterHours(
    clusters: string[],
    from: string,
    to: string,
    nodes?: string[],
  ): Promise<ClusterHourRow[]> {
    const rows = await inChunks(clusters, async values => {
      const query = () =>
        this.knex('cost_cluster_hours')
          .whereIn('cluster', values)
          .where('hour_start', '>=', from)
          .where('hour_start', '<', to);
      if (!nodes) return query();
      return [
        ...(await query().where('node', '')),
        ...(await inChunks(nodes, names => query().whereIn('node', names))),
      ];
    });
    return rows.map(rowToClusterHour);
  }

  async listDeployments(
    entityRefs: string[],
    from: string,
    to: string,
  ): Promise<DeploymentRow[]> {
    const rows = await inChunks(entityRefs, values =>
      this.knex('cost_deployments')
        .whereIn('entity_ref', values)
        .where('finished_at', '>=', from)
        .where('finished_at', '<', to),
    );
    return rows
      .map(r => ({
        entityRef: r.entity_ref,
        source: r.source,
        deploymentId: r.deployment_id,
        environment: r.environment,
        status: r.status,
        finishedAt: r.finished_at,
      }))
      .sort(
        (a, b) =>
          cmp(a.finishedAt, b.finishedAt) ||
          cmp(a.entityRef, b.entityRef) ||
          cmp(a.deploymentId, b.deploymentId),
      );
  }

  async deleteBefore(cutoffs: {
    rawHour: string;
    hourlyHour: string;
    day: string;
  }): Promise<RetentionCounts> {
    const byHour = (table: string, cutoff: string) =>
      this.knex(table).where('hour_start', '<', cutoff).delete();
    return {
      cost_samples: await byHour('cost_samples', cutoffs.rawHour),
      cost_dirty_hours: await byHour('cost_dirty_hours', cutoffs.rawHour),
      cost_dirty_days: await this.knex('cost_dirty_days')
        .where('day', '<', cutoffs.day)
        .delete(),
      cost_node_hours: await byHour('cost_node_hours', cutoffs.hourlyHour),
      cost_container_hours: await byHour(
        'cost_container_hours',
        cutoffs.hourlyHour,
      ),
      cost_cluster_hours: await byHour(
        'cost_cluster_hours',
        cutoffs.hourlyHour,
      ),
      cost_controller_days: await this.knex('cost_controller_days')
        .where('day', '<', cutoffs.day)
        .delete(),
      cost_cluster_days: await this.knex('cost_cluster_days')
        .where('day', '<', cutoffs.day)
        .delete(),
      cost_deployments: await this.knex('cost_deployments')
        .where('finished_at', '<', cutoffs.day)
        .delete(),
    };
  }
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
}

function scopeColumn(scope: CostRowScope): string {
  return scope.entityRefs ? 'entity_ref' : 'cluster';
}

function scopeValues(scope: CostRowScope): string[] {
  return scope.entityRefs ?? scope.clusters;
}

function controllerWhere(key: ControllerKey) {
  return {
    cluster: key.cluster,
    namespace: key.namespace,
    controller_kind: key.controllerKind,
    controller: key.controller,
  };
}

/** Runs a query per slice of `values`; no query at all for none. */
async function inChunks<T>(
  values: string[],
  query: (slice: string[]) => PromiseLike<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += IN_CHUNK) {
    appendAll(out, await query(values.slice(i, i + IN_CHUNK)));
  }
  return out;
}

function* chunks<T>(size: number, rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

function sampleToRow(s: SampleRow): Row {
  return {
    cluster: s.cluster,
    namespace: s.namespace,
    pod_uid: s.podUid,
    container: s.container,
    hour_start: s.hourStart,
    entity_ref: s.entityRef,
    controller_kind: s.controllerKind,
    controller: s.controller,
    pod: s.pod,
    node: s.node,
    cpu_request_cores: s.cpuRequestCores,
    cpu_usage_cores: s.cpuUsageCores,
    memory_request_bytes: s.memoryRequestBytes,
    memory_usage_bytes: s.memoryUsageBytes,
    cpu_core_hour_price: s.cpuCoreHourPrice,
    memory_gib_hour_price: s.memoryGibHourPrice,
    seq: s.seq,
  };
}

const optionalNumber = (value: unknown) =>
  value === null || value === undefined ? null : Number(value);

function rowToSample(r: Row): SampleRow {
  return {
    cluster: r.cluster,
    namespace: r.namespace,
    podUid: r.pod_uid,
    container: r.container,
    hourStart: r.hour_start,
    entityRef: r.entity_ref ?? null,
    controllerKind: r.controller_kind,
    controller: r.controller,
    pod: r.pod,
    node: r.node,
    cpuRequestCores: Number(r.cpu_request_cores),
    cpuUsageCores: Number(r.cpu_usage_cores),
    memoryRequestBytes: Number(r.memory_request_bytes),
    memoryUsageBytes: Number(r.memory_usage_bytes),
    cpuCoreHourPrice: optionalNumber(r.cpu_core_hour_price),
    memoryGibHourPrice: optionalNumber(r.memory_gib_hour_price),
    seq: Number(r.seq),
  };
}

function nodeToRow(n: NodeHourRow): Row {
  return {
    cluster: n.cluster,
    node: n.node,
    hour_start: n.hourStart,
    entity_ref: n.entityRef,
    instance_type: n.instanceType,
    capacity_type: n.capacityType,
    cpu_cores: n.cpuCores,
    memory_bytes: n.memoryBytes,
    cpu_core_hour_price: n.cpuCoreHourPrice,
    memory_gib_hour_price: n.memoryGibHourPrice,
    seq: n.seq,
  };
}

function rowToNode(r: Row): NodeHourRow {
  return {
    cluster: r.cluster,
    node: r.node,
    hourStart: r.hour_start,
    entityRef: r.entity_ref ?? null,
    instanceType: r.instance_type,
    capacityType: r.capacity_type,
    cpuCores: Number(r.cpu_cores),
    memoryBytes: Number(r.memory_bytes),
    cpuCoreHourPrice: Number(r.cpu_core_hour_price),
    memoryGibHourPrice: Number(r.memory_gib_hour_price),
    seq: Number(r.seq),
  };
}

function deploymentToRow(d: DeploymentRow): Row {
  return {
    entity_ref: d.entityRef,
    source: d.source,
    deployment_id: d.deploymentId,
    environment: d.environment,
    status: d.status,
    finished_at: d.finishedAt,
  };
}

function containerHourToRow(c: ContainerHourRow): Row {
  return {
    cluster: c.cluster,
    namespace: c.namespace,
    controller_kind: c.controllerKind,
    controller: c.controller,
    container: c.container,
    hour_start: c.hourStart,
    entity_ref: c.entityRef,
    pod_hours: c.podHours,
    cpu_request_cores: c.cpuRequestCores,
    memory_request_bytes: c.memoryRequestBytes,
    ...toColumns(c, SUM_COLUMNS),
  };
}

function rowToContainerHour(r: Row): ContainerHourRow {
  return {
    cluster: r.cluster,
    namespace: r.namespace,
    controllerKind: r.controller_kind,
    controller: r.controller,
    container: r.container,
    hourStart: r.hour_start,
    entityRef: r.entity_ref ?? null,
    podHours: Number(r.pod_hours),
    cpuRequestCores: Number(r.cpu_request_cores),
    memoryRequestBytes: Number(r.memory_request_bytes),
    ...fromColumns(r, SUM_COLUMNS),
  } as ContainerHourRow;
}

function clusterHourToRow(c: ClusterHourRow): Row {
  return {
    cluster: c.cluster,
    node: c.node,
    hour_start: c.hourStart,
    ...toColumns(c, IDLE_COLUMNS),
  };
}

function rowToClusterHour(r: Row): ClusterHourRow {
  return {
    cluster: r.cluster,
    node: r.node,
    hourStart: r.hour_start,
    ...fromColumns(r, IDLE_COLUMNS),
  } as ClusterHourRow;
}

function controllerDayToRow(c: ControllerDayRow): Row {
  return {
    cluster: c.cluster,
    namespace: c.namespace,
    controller_kind: c.controllerKind,
    controller: c.controller,
    day: c.day,
    entity_ref: c.entityRef,
    container_hours: c.containerHours,
    first_hour: c.firstHour,
    ...toColumns(c, SUM_COLUMNS),
  };
}

function clusterDayToRow(c: ClusterDayRow): Row {
  return {
    cluster: c.cluster,
    node: c.node,
    day: c.day,
    ...toColumns(c, IDLE_COLUMNS),
  };
}

function rowToClusterDay(r: Row): ClusterDayRow {
  return {
    cluster: r.cluster,
    node: r.node,
    day: r.day,
    ...fromColumns(r, IDLE_COLUMNS),
  } as ClusterDayRow;
}
