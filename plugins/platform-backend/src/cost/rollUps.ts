import { totalsOf } from '@goldenpath/plugin-platform-common';
import { BilledSample } from './allocateSamples';
import {
  ClusterDayRow,
  ClusterHourRow,
  ContainerHourRow,
  ControllerDayRow,
  CostSums,
} from './CostStore';
import {
  addIdle,
  addSums,
  compareText,
  dominantEntity,
  emptyIdle,
  emptySums,
} from './sums';

const SEP = '\u0000';

function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** The sums of billed rows, by the model's `totalsOf` (plus the node shares). */
export function sumsOfBilled(billed: BilledSample[]): CostSums {
  const totals = totalsOf(billed.map(b => b.allocation));
  let nodeIdleCpuCost = 0;
  let nodeIdleMemoryCost = 0;
  for (const b of billed) {
    nodeIdleCpuCost += b.nodeIdleCpuCost;
    nodeIdleMemoryCost += b.nodeIdleMemoryCost;
  }
  return {
    missingPriceHours: totals.missingPriceHours,
    cpuRequestCoreHours: totals.cpuRequestCoreHours,
    cpuUsageCoreHours: totals.cpuUsageCoreHours,
    cpuBilledCoreHours: totals.cpuBilledCoreHours,
    memoryRequestByteHours: totals.memoryRequestByteHours,
    memoryUsageByteHours: totals.memoryUsageByteHours,
    memoryBilledByteHours: totals.memoryBilledByteHours,
    cpuCost: totals.cpuCost,
    memoryCost: totals.memoryCost,
    clusterIdleCpuCost: totals.sharedIdleCpuCost,
    clusterIdleMemoryCost: totals.sharedIdleMemoryCost,
    nodeIdleCpuCost,
    nodeIdleMemoryCost,
  };
}

/**
 * The hourly level of one cluster-hour: one row per container spec
 * (controller + container name, its pods pooled), from billed raw rows.
 */
export function rollUpContainerHours(
  billed: BilledSample[],
): ContainerHourRow[] {
  const specs = groupBy(billed, ({ sample: s }) =>
    [
      s.hourStart,
      s.namespace,
      s.controllerKind,
      s.controller,
      s.container,
    ].join(SEP),
  );
  return [...specs.values()].map(rows => {
    const s = rows[0].sample;
    return {
      cluster: s.cluster,
      namespace: s.namespace,
      controllerKind: s.controllerKind,
      controller: s.controller,
      container: s.container,
      hourStart: s.hourStart,
      entityRef: dominantEntity(
        rows.map(r => ({ entityRef: r.sample.entityRef, weight: 1 })),
      ),
      podHours: rows.length,
      // several pods in one hour: the largest request (the model's latest-hour rule)
      cpuRequestCores: Math.max(...rows.map(r => r.sample.cpuRequestCores)),
      memoryRequestBytes: Math.max(
        ...rows.map(r => r.sample.memoryRequestBytes),
      ),
      ...sumsOfBilled(rows),
    };
  });
}

/**
 * The daily level of one cluster-day, fed one hour of hourly rows at a time
 * in hour order (so a day of a large cluster is never all in memory): one row
 * per controller, and the idle of the cluster and of each node. Within an
 * hour rows are summed in container-spec order, so a replay writes the same
 * bits.
 */
export class DayRollUp {
  private readonly controllers = new Map<
    string,
    ControllerDayRow & { entities: Map<string, number> }
  >();
  private readonly idle = new Map<string, ClusterDayRow>();

  constructor(private readonly cluster: string, private readonly day: string) {}

  addHour(containers: ContainerHourRow[], idle: ClusterHourRow[]): void {
    const ordered = [...containers].sort(
      (a, b) =>
        compareText(a.namespace, b.namespace) ||
        compareText(a.controllerKind, b.controllerKind) ||
        compareText(a.controller, b.controller) ||
        compareText(a.container, b.container),
    );
    for (const row of ordered) {
      const key = [row.namespace, row.controllerKind, row.controller].join(SEP);
      let day = this.controllers.get(key);
      if (!day) {
        day = {
          cluster: this.cluster,
          namespace: row.namespace,
          controllerKind: row.controllerKind,
          controller: row.controller,
          day: this.day,
          entityRef: null,
          containerHours: 0,
          firstHour: row.hourStart,
          ...emptySums(),
          entities: new Map(),
        };
        this.controllers.set(key, day);
      }
      addSums(day, row);
      day.containerHours += row.podHours;
      if (row.hourStart < day.firstHour) day.firstHour = row.hourStart;
      if (row.entityRef) {
        day.entities.set(
          row.entityRef,
          (day.entities.get(row.entityRef) ?? 0) + row.podHours,
        );
      }
    }
    for (const row of [...idle].sort((a, b) => compareText(a.node, b.node))) {
      let day = this.idle.get(row.node);
      if (!day) {
        day = {
          cluster: this.cluster,
          node: row.node,
          day: this.day,
          ...emptyIdle(),
        };
        this.idle.set(row.node, day);
      }
      addIdle(day, row);
    }
  }

  rows(): { controllers: ControllerDayRow[]; idle: ClusterDayRow[] } {
    return {
      controllers: [...this.controllers.values()].map(
        ({ entities, ...row }) => ({
          ...row,
          entityRef: dominantEntity(
            [...entities].map(([entityRef, weight]) => ({ entityRef, weight })),
          ),
        }),
      ),
      idle: [...this.idle.values()],
    };
  }
}
