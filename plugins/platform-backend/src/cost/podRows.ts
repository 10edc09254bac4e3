import { BilledSample } from './allocateSamples';
import { CostPodBody } from './apiTypes';
import { totalsBody } from './currency';
import { sumsOfBilled } from './rollUps';
import { IdleSettings } from './summarizeDays';
import { compareText, totalsFromSums } from './sums';

function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(keyOf(row));
    if (list) list.push(row);
    else groups.set(keyOf(row), [row]);
  }
  return groups;
}

const unique = (values: string[]) => [...new Set(values)].sort(compareText);

/** The request of the latest hour (the largest when several rows share it). */
function latestRequest(
  rows: BilledSample[],
  pick: (b: BilledSample) => number,
) {
  const latest = rows.reduce(
    (max, b) => (b.sample.hourStart > max ? b.sample.hourStart : max),
    '',
  );
  return Math.max(...rows.filter(b => b.sample.hourStart === latest).map(pick));
}

/**
 * Pods of one controller with their containers, from billed raw rows (in the
 * billing order, so sums are deterministic); costliest first, ties by uid.
 */
export function podRows(
  billed: BilledSample[],
  idle: IdleSettings,
  rate: number,
): CostPodBody[] {
  const totals = (rows: BilledSample[]) =>
    totalsFromSums(sumsOfBilled(rows), rows.length, idle);
  return [...groupBy(billed, b => b.sample.podUid).values()]
    .map(rows => {
      const hours = rows.map(r => r.sample.hourStart).sort(compareText);
      const podTotals = totals(rows);
      return {
        pod: rows[0].sample.pod,
        podUid: rows[0].sample.podUid,
        firstHour: hours[0],
        lastHour: hours[hours.length - 1],
        nodes: unique(rows.map(r => r.sample.node)),
        sortBy: podTotals.costWithIdle,
        totals: totalsBody(podTotals, rate),
        containers: [...groupBy(rows, r => r.sample.container).values()]
          .map(own => ({
            container: own[0].sample.container,
            nodes: unique(own.map(r => r.sample.node)),
            cpuRequestCores: latestRequest(own, b => b.sample.cpuRequestCores),
            memoryRequestBytes: latestRequest(
              own,
              b => b.sample.memoryRequestBytes,
            ),
            totals: totalsBody(totals(own), rate),
          }))
          .sort((x, y) => compareText(x.container, y.container)),
      };
    })
    .sort((x, y) => y.sortBy - x.sortBy || compareText(x.podUid, y.podUid))
    .map(({ sortBy, ...pod }) => pod);
}
