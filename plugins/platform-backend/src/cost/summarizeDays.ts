import { CostIdleScope, CostTotals } from '@goldenpath/plugin-platform-common';
import {
  ClusterDayRow,
  ControllerDayRow,
  CostSums,
  IdleSums,
} from './CostStore';
import { CostWindow, daysOf } from './costWindow';
import {
  addIdle,
  addSums,
  compareText,
  emptyIdle,
  emptySums,
  sharedIdleOf,
  totalsFromSums,
} from './sums';

export interface IdleSettings {
  share: boolean;
  by: CostIdleScope;
}

const SEP = '\u0000';

/** Daily rows in a fixed order, so sums are the same bits on every database. */
export function orderControllerDays(
  rows: ControllerDayRow[],
): ControllerDayRow[] {
  return [...rows].sort(
    (a, b) =>
      compareText(a.day, b.day) ||
      compareText(a.cluster, b.cluster) ||
      compareText(a.namespace, b.namespace) ||
      compareText(a.controllerKind, b.controllerKind) ||
      compareText(a.controller, b.controller),
  );
}

interface Accumulated {
  sums: CostSums;
  containerHours: number;
}

function accumulate<K>(
  rows: ControllerDayRow[],
  keyOf: (row: ControllerDayRow) => string,
  describe: (row: ControllerDayRow) => K,
): Array<{ key: string; described: K } & Accumulated> {
  const groups = new Map<string, { described: K } & Accumulated>();
  for (const row of rows) {
    const key = keyOf(row);
    let group = groups.get(key);
    if (!group) {
      group = {
        described: describe(row),
        sums: emptySums(),
        containerHours: 0,
      };
      groups.set(key, group);
    }
    addSums(group.sums, row);
    group.containerHours += row.containerHours;
  }
  return [...groups.entries()].map(([key, g]) => ({ key, ...g }));
}

/** Groups daily rows and gives each group the model's totals, costliest first (ties by key). */
export function totalsBy<K>(
  rows: ControllerDayRow[],
  keyOf: (row: ControllerDayRow) => string,
  describe: (row: ControllerDayRow) => K,
  idle: IdleSettings,
): Array<K & { totals: CostTotals }> {
  return accumulate(orderControllerDays(rows), keyOf, describe)
    .map(g => ({
      key: g.key,
      row: {
        ...g.described,
        totals: totalsFromSums(g.sums, g.containerHours, idle),
      },
    }))
    .sort(
      (x, y) =>
        y.row.totals.costWithIdle - x.row.totals.costWithIdle ||
        compareText(x.key, y.key),
    )
    .map(({ row }) => row);
}

/** The totals of all the rows. */
export function totalOf(
  rows: ControllerDayRow[],
  idle: IdleSettings,
): CostTotals {
  const [all] = accumulate(
    orderControllerDays(rows),
    () => '',
    () => ({}),
  );
  return totalsFromSums(
    all?.sums ?? emptySums(),
    all?.containerHours ?? 0,
    idle,
  );
}

export const controllerKey = (r: ControllerDayRow) =>
  [r.cluster, r.namespace, r.controllerKind, r.controller].join(SEP);

/** One entry per day of the window, zeros included. */
export function dailyTrend(
  rows: ControllerDayRow[],
  window: CostWindow,
  idle: IdleSettings,
): Array<{
  day: string;
  cpuCost: number;
  memoryCost: number;
  sharedIdleCost: number;
  cost: number;
}> {
  const byDay = new Map(
    accumulate(
      orderControllerDays(rows),
      r => r.day,
      () => ({}),
    ).map(g => [g.key, g.sums]),
  );
  return daysOf(window).map(day => {
    const sums = byDay.get(day) ?? emptySums();
    const shared = sharedIdleOf(sums, idle);
    return {
      day,
      cpuCost: sums.cpuCost,
      memoryCost: sums.memoryCost,
      sharedIdleCost: shared.cpu + shared.memory,
      cost: sums.cpuCost + sums.memoryCost,
    };
  });
}

/** Idle per cluster (or node) summed over the window's days, by cluster then node. */
export function idleRows(
  rows: ClusterDayRow[],
): Array<IdleSums & { cluster: string; node?: string; idleCost: number }> {
  const ordered = [...rows].sort(
    (a, b) =>
      compareText(a.day, b.day) ||
      compareText(a.cluster, b.cluster) ||
      compareText(a.node, b.node),
  );
  const groups = new Map<
    string,
    IdleSums & { cluster: string; node: string }
  >();
  for (const row of ordered) {
    const key = [row.cluster, row.node].join(SEP);
    let group = groups.get(key);
    if (!group) {
      group = { cluster: row.cluster, node: row.node, ...emptyIdle() };
      groups.set(key, group);
    }
    addIdle(group, row);
  }
  return [...groups.values()]
    .sort(
      (a, b) =>
        compareText(a.cluster, b.cluster) || compareText(a.node, b.node),
    )
    .map(({ node, ...g }) => ({
      ...g,
      ...(node ? { node } : {}),
      idleCost: g.cpuIdleCost + g.memoryIdleCost,
    }));
}
