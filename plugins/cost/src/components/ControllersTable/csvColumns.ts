import { CsvColumn } from '@goldenpath/plugin-platform-react';
import {
  CostContainerRow,
  CostControllerRow,
  CostPodRow,
  CostTotals,
} from '../../api/types';

/** The columns every row of totals exports, after its own key columns. */
export function totalsCsvColumns<T>(
  totalsOf: (row: T) => CostTotals,
): CsvColumn<T>[] {
  const column = (
    header: string,
    value: (totals: CostTotals) => number,
  ): CsvColumn<T> => ({ header, value: row => value(totalsOf(row)) });
  return [
    column('containerHours', t => t.containerHours),
    column('missingPriceHours', t => t.missingPriceHours),
    column('cpuRequestCoreHours', t => t.cpuRequestCoreHours),
    column('cpuUsageCoreHours', t => t.cpuUsageCoreHours),
    column('cpuBilledCoreHours', t => t.cpuBilledCoreHours),
    column('memoryRequestByteHours', t => t.memoryRequestByteHours),
    column('memoryUsageByteHours', t => t.memoryUsageByteHours),
    column('memoryBilledByteHours', t => t.memoryBilledByteHours),
    column('cpuEfficiency', t => t.efficiency.cpu),
    column('memoryEfficiency', t => t.efficiency.memory),
    column('efficiency', t => t.efficiency.total),
    column('cpuCost', t => t.cpuCost),
    column('memoryCost', t => t.memoryCost),
    column('cost', t => t.cost),
    column('sharedIdleCost', t => t.sharedIdleCost),
    column('costWithIdle', t => t.costWithIdle),
  ];
}

export const controllerCsvColumns: CsvColumn<CostControllerRow>[] = [
  { header: 'cluster', value: r => r.cluster },
  { header: 'namespace', value: r => r.namespace },
  { header: 'controllerKind', value: r => r.controllerKind },
  { header: 'controller', value: r => r.controller },
  ...totalsCsvColumns<CostControllerRow>(r => r.totals),
];

/** One line per container of a pod, with the pod's keys repeated. */
export interface PodContainerLine {
  pod: CostPodRow;
  container: CostContainerRow;
}

export function podContainerLines(pods: CostPodRow[]): PodContainerLine[] {
  return pods.flatMap(pod =>
    pod.containers.map(container => ({ pod, container })),
  );
}

export const podContainerCsvColumns: CsvColumn<PodContainerLine>[] = [
  { header: 'pod', value: r => r.pod.pod },
  { header: 'podUid', value: r => r.pod.podUid },
  { header: 'firstHour', value: r => r.pod.firstHour },
  { header: 'lastHour', value: r => r.pod.lastHour },
  { header: 'container', value: r => r.container.container },
  { header: 'nodes', value: r => r.container.nodes.join(' ') },
  { header: 'cpuRequestCores', value: r => r.container.cpuRequestCores },
  { header: 'memoryRequestBytes', value: r => r.container.memoryRequestBytes },
  ...totalsCsvColumns<PodContainerLine>(r => r.container.totals),
];
