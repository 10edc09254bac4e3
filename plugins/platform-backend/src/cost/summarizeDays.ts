import { CostIdleScope, CostTotals } from '@goldenpath/plugin-platform-common';
import { ClusterDayRow, CostSums, IdleSums } from './CostStore';
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

/** Sums of some container-hours, as the store returns them. */
export type Summed = CostSums & { containerHours: number };

const SEP = '\u0000';

/**
 * Merges summed rows by `keyOf` (the store may return a key more than once:
 * one query per slice of a long entity list, or one row per entity of a
 * controller), in key order so the result does not depend on the row order.
 */
export function mergeBy<T extends Summed, D>(
  rows: T[],
  keyOf: (row: T) => string,
  describe: (row: T) => D,
): Array<{ key: string; described: D; sums: Summed }> {
  const groups = new Map<string, { described: D; sums: Summed }>();
  const keyed = rows
    .map(row => ({ row, key: keyOf(row) }))
    .sort((x, y) => compareText(x.key, y.key));
  for (const { row, key } of keyed) {
    let group = groups.get(key);
    if (!group) {
      group = {
        described: describe(row),
        sums: { ...emptySums(), containerHours: 0 },
      };
      groups.set(key, group);
    }
    addSums(group.sums, row);
    group.sums.containerHours += row.containerHours;
  }
  return [...groups.entries()].map(([key, g]) => ({ key, ...g }));
}

/** The model's totals of each group, costliest first (ties by key). */
export function totalsBy<T extends Summed, D>(
  rows: T[],
  keyOf: (row: T) => string,
  describe: (row: T) => D,
  idle: IdleSettings,
): Array<D & { totals: CostTotals }> {
  return mergeBy(rows, keyOf, describe)
    .map(g => ({
      key: g.key,
      row: {
        ...g.described,
        totals: totalsFromSums(g.sums, g.sums.containerHours, idle),
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
export function totalOf(rows: Summed[], idle: IdleSettings): CostTotals {
  const [all] = mergeBy(
    rows,
    () => '',
    () => ({}),
  );
  const sums = all?.sums ?? { ...emptySums(), containerHours: 0 };
  return totalsFromSums(sums, sums.containerHours, idle);
}

export const controllerKey = (r: {
  cluster: string;
  namespace: string;
  controllerKind: string;
  controller: string;
}) => [r.cluster, r.namespace, r.controllerKind, r.controller].join(SEP);

/** One entry per day of the window, zeros included. */
export function dailyTrend(
  rows: Array<Summed & { day: string }>,
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
    mergeBy(
      rows,
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
