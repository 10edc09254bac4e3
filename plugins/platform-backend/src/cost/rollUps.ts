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

const dayOf = (hourStart: string) => hourStart.slice(0, 10);

/**
 * The daily level of one cluster-day from its hourly rows: one row per
 * controller, and the idle of the cluster and of each node. Sums run in a
 * fixed order (hour, then container spec), so a replay writes the same bits.
 */
export function rollUpDay(
  containers: ContainerHourRow[],
  idle: ClusterHourRow[],
): { controllers: ControllerDayRow[]; idle: ClusterDayRow[] } {
  const ordered = [...containers].sort(
    (a, b) =>
      compareText(a.hourStart, b.hourStart) ||
      compareText(a.namespace, b.namespace) ||
      compareText(a.controllerKind, b.controllerKind) ||
      compareText(a.controller, b.controller) ||
      compareText(a.container, b.container),
  );
  const byController = groupBy(ordered, c =>
    [dayOf(c.hourStart), c.namespace, c.controllerKind, c.controller].join(SEP),
  );
  const controllers = [...byController.values()].map(rows => {
    const sums = emptySums();
    for (const row of rows) addSums(sums, row);
    const first = rows[0];
    return {
      cluster: first.cluster,
      namespace: first.namespace,
      controllerKind: first.controllerKind,
      controller: first.controller,
      day: dayOf(first.hourStart),
      entityRef: dominantEntity(
        rows.map(r => ({ entityRef: r.entityRef, weight: r.podHours })),
      ),
      containerHours: rows.reduce((n, r) => n + r.podHours, 0),
      firstHour: first.hourStart,
      ...sums,
    };
  });

  const orderedIdle = [...idle].sort(
    (a, b) =>
      compareText(a.hourStart, b.hourStart) || compareText(a.node, b.node),
  );
  const byNode = groupBy(orderedIdle, i =>
    [dayOf(i.hourStart), i.node].join(SEP),
  );
  const idleDays = [...byNode.values()].map(rows => {
    const sums = emptyIdle();
    for (const row of rows) addIdle(sums, row);
    return {
      cluster: rows[0].cluster,
      node: rows[0].node,
      day: dayOf(rows[0].hourStart),
      ...sums,
    };
  });
  return { controllers, idle: idleDays };
}
