import { CostCapacityType } from '@goldenpath/plugin-platform-common';
import { Knex } from 'knex';

/** A raw `pod.usage` row: one container of one pod during one hour. */
export interface SampleRow {
  cluster: string;
  namespace: string;
  podUid: string;
  container: string;
  hourStart: string;
  entityRef: string | null;
  controllerKind: string;
  controller: string;
  pod: string;
  node: string;
  cpuRequestCores: number;
  cpuUsageCores: number;
  memoryRequestBytes: number;
  memoryUsageBytes: number;
  /** The producer's own node prices, when it sent them. */
  cpuCoreHourPrice: number | null;
  memoryGibHourPrice: number | null;
  seq: number;
}

/** A raw `node.cost` row: one node during one hour. */
export interface NodeHourRow {
  cluster: string;
  node: string;
  hourStart: string;
  entityRef: string | null;
  instanceType: string;
  capacityType: CostCapacityType;
  cpuCores: number;
  memoryBytes: number;
  cpuCoreHourPrice: number;
  memoryGibHourPrice: number;
  seq: number;
}

/** A successful (or not) `deployment.finished` of an entity. */
export interface DeploymentRow {
  entityRef: string;
  source: string;
  deploymentId: string;
  environment: string;
  status: string;
  finishedAt: string;
}

/** Sums over container-hours; every roll-up level carries them. */
export interface CostSums {
  missingPriceHours: number;
  cpuRequestCoreHours: number;
  cpuUsageCoreHours: number;
  cpuBilledCoreHours: number;
  memoryRequestByteHours: number;
  memoryUsageByteHours: number;
  memoryBilledByteHours: number;
  cpuCost: number;
  memoryCost: number;
  /** Idle shared back hour by hour in proportion to cost, per cluster. */
  clusterIdleCpuCost: number;
  clusterIdleMemoryCost: number;
  /** The same per node. */
  nodeIdleCpuCost: number;
  nodeIdleMemoryCost: number;
}

export interface ControllerKey {
  cluster: string;
  namespace: string;
  controllerKind: string;
  controller: string;
}

/** Hourly level: one container spec (all its pods) during one hour. */
export interface ContainerHourRow extends ControllerKey, CostSums {
  container: string;
  hourStart: string;
  entityRef: string | null;
  podHours: number;
  /** The largest request of the hour's pods. */
  cpuRequestCores: number;
  memoryRequestBytes: number;
}

/** Node cost against allocated cost, summed hour by hour (docs/cost-model.md, Idle). */
export interface IdleSums {
  nodeHours: number;
  cpuCapacityCost: number;
  memoryCapacityCost: number;
  cpuAllocatedCost: number;
  memoryAllocatedCost: number;
  cpuIdleCost: number;
  memoryIdleCost: number;
  cpuOverAllocatedCost: number;
  memoryOverAllocatedCost: number;
}

/** A cluster (`node` '') or one node during one hour. */
export interface ClusterHourRow extends IdleSums {
  cluster: string;
  node: string;
  hourStart: string;
}

/** Daily level: one controller during one UTC day. */
export interface ControllerDayRow extends ControllerKey, CostSums {
  day: string;
  entityRef: string | null;
  containerHours: number;
  /** The day's earliest hour with a sample. */
  firstHour: string;
}

/** A cluster (`node` '') or one node during one UTC day. */
export interface ClusterDayRow extends IdleSums {
  cluster: string;
  node: string;
  day: string;
}

/** How `sumControllerDays` groups. */
export type CostGrouping = 'controller' | 'day' | 'entityDay' | 'total';

/** Summed daily rows of one group. */
export type SummedDays<G extends CostGrouping> = CostSums & {
  containerHours: number;
} & (G extends 'controller'
    ? ControllerKey & { entityRef: string | null }
    : G extends 'day'
    ? { day: string }
    : G extends 'entityDay'
    ? { entityRef: string | null; day: string }
    : {});

/** Whose rows: some entities' (components), or every row of some clusters. */
export type CostRowScope =
  | { entityRefs: string[]; clusters?: undefined }
  | { clusters: string[]; entityRefs?: undefined };

/** A cluster-hour waiting to be rolled up from its raw rows. */
export interface DirtyHour {
  cluster: string;
  hourStart: string;
}

/** A cluster-day waiting to be rolled up from its hourly rows. */
export interface DirtyDay {
  cluster: string;
  day: string;
}

/** What retention deleted, per table. */
export type RetentionCounts = Record<string, number>;

/** The cost tables. SQL and row mapping only; the maths lives in the roll-ups. */
export interface CostStore {
  /** Upserts raw rows by natural key and marks their cluster-hours dirty. */
  upsertRaw(
    rows: { samples: SampleRow[]; nodes: NodeHourRow[] },
    tx: Knex.Transaction,
  ): Promise<void>;
  upsertDeployments(rows: DeploymentRow[], tx: Knex.Transaction): Promise<void>;
  /** The first dirty cluster-hour (cluster, then hour order), if any. */
  nextDirtyHour(tx: Knex.Transaction): Promise<DirtyHour | undefined>;
  /** Clears a dirty hour and marks its cluster-day dirty. */
  settledHour(hour: DirtyHour, tx: Knex.Transaction): Promise<void>;
  /** The first dirty cluster-day, if any. */
  nextDirtyDay(tx: Knex.Transaction): Promise<DirtyDay | undefined>;
  clearDirtyDay(day: DirtyDay, tx: Knex.Transaction): Promise<void>;
  /** Every raw row of one cluster-hour. */
  readClusterHour(
    cluster: string,
    hourStart: string,
    tx: Knex.Transaction,
  ): Promise<{ samples: SampleRow[]; nodes: NodeHourRow[] }>;
  /** Replaces the hourly rows of one cluster-hour. */
  replaceClusterHour(
    cluster: string,
    hourStart: string,
    rows: { containers: ContainerHourRow[]; idle: ClusterHourRow[] },
    tx: Knex.Transaction,
  ): Promise<void>;
  /** The hours of one cluster-day that have hourly rows, ascending. */
  listHoursOfDay(
    cluster: string,
    day: string,
    tx: Knex.Transaction,
  ): Promise<string[]>;
  /** The hourly rows of one cluster-hour. */
  readHourly(
    cluster: string,
    hourStart: string,
    tx: Knex.Transaction,
  ): Promise<{ containers: ContainerHourRow[]; idle: ClusterHourRow[] }>;
  /** Replaces the daily rows of one cluster-day. */
  replaceClusterDay(
    cluster: string,
    day: string,
    rows: { controllers: ControllerDayRow[]; idle: ClusterDayRow[] },
    tx: Knex.Transaction,
  ): Promise<void>;

  /**
   * Sums of the scope's daily controller rows with `from <= day < to`,
   * grouped by controller (and entity), by day, by entity and day, or not at
   * all. The database adds: the summary reads a handful of rows, however many
   * days and controllers it covers.
   */
  sumControllerDays<G extends CostGrouping>(
    scope: CostRowScope,
    from: string,
    to: string,
    by: G,
  ): Promise<Array<SummedDays<G>>>;
  /** Daily idle rows of these clusters (whole-cluster or per-node ones). */
  listClusterDays(
    clusters: string[],
    by: 'cluster' | 'node',
    from: string,
    to: string,
  ): Promise<ClusterDayRow[]>;
  /** The earliest hour with a sample in the scope's daily rows, if any. */
  firstHour(scope: CostRowScope): Promise<string | undefined>;
  /** Whether the scope has ever had rows of this controller. */
  hasController(scope: CostRowScope, key: ControllerKey): Promise<boolean>;
  /** Raw samples of one controller in `[from, to)`. */
  listControllerSamples(
    key: ControllerKey,
    from: string,
    to: string,
  ): Promise<SampleRow[]>;
  /** Raw samples of the scope in `[from, to)`. */
  listSamples(
    scope: CostRowScope,
    from: string,
    to: string,
  ): Promise<SampleRow[]>;
  /** Raw node rows of these clusters (and, if given, only these nodes) in `[from, to)`. */
  listNodeHours(
    clusters: string[],
    from: string,
    to: string,
    nodes?: string[],
  ): Promise<NodeHourRow[]>;
  /**
   * Hourly idle rows of these clusters in `[from, to)`: the whole-cluster
   * ones, and the per-node ones (of these nodes only, if given).
   */
  listClusterHours(
    clusters: string[],
    from: string,
    to: string,
    nodes?: string[],
  ): Promise<ClusterHourRow[]>;
  /** Deployments of these entities finished in `[from, to)`, oldest first. */
  listDeployments(
    entityRefs: string[],
    from: string,
    to: string,
  ): Promise<DeploymentRow[]>;

  /** Deletes rows older than each level's cutoff. */
  deleteBefore(cutoffs: {
    rawHour: string;
    hourlyHour: string;
    day: string;
  }): Promise<RetentionCounts>;
}
