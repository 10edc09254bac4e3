import { Table, TableColumn } from '@backstage/core-components';
import { CsvColumn } from '@goldenpath/plugin-platform-react';
import { CostIdleRow, CostSummary } from '../../api/types';
import { TwoLines } from '../ControllersTable/totalsCells';
import { csvFilename, exportCsvAction } from '../exportCsv';
import { formatMoney, formatNumber, formatPercent } from '../format';
import { allocatedCostOf, capacityCostOf } from './clusterTotals';

export const idleCsvColumns: CsvColumn<CostIdleRow>[] = [
  { header: 'cluster', value: r => r.cluster },
  { header: 'node', value: r => r.node },
  { header: 'nodeHours', value: r => r.nodeHours },
  { header: 'cpuCapacityCost', value: r => r.cpuCapacityCost },
  { header: 'memoryCapacityCost', value: r => r.memoryCapacityCost },
  { header: 'cpuAllocatedCost', value: r => r.cpuAllocatedCost },
  { header: 'memoryAllocatedCost', value: r => r.memoryAllocatedCost },
  { header: 'cpuIdleCost', value: r => r.cpuIdleCost },
  { header: 'memoryIdleCost', value: r => r.memoryIdleCost },
  { header: 'idleCost', value: r => r.idleCost },
  { header: 'cpuOverAllocatedCost', value: r => r.cpuOverAllocatedCost },
  { header: 'memoryOverAllocatedCost', value: r => r.memoryOverAllocatedCost },
];

/** Allocated against idle, per cluster or per node (`platform.cost.idle.by`). */
export function IdleTable(props: { summary: CostSummary }) {
  const { summary } = props;
  const rows = summary.idle;
  const byNode = summary.options.idleBy === 'node';
  const money = (amount: number) => formatMoney(amount, summary.currency.code);
  const columns: TableColumn<CostIdleRow>[] = [
    {
      title: byNode ? 'Node' : 'Cluster',
      field: byNode ? 'node' : 'cluster',
      highlight: true,
    },
    {
      title: 'Node-hours',
      field: 'nodeHours',
      type: 'numeric',
      render: row => formatNumber(row.nodeHours),
    },
    {
      title: 'Node cost',
      field: 'cpuCapacityCost',
      type: 'numeric',
      customSort: (a, b) => capacityCostOf(a) - capacityCostOf(b),
      render: row => money(capacityCostOf(row)),
    },
    {
      title: 'Allocated',
      field: 'cpuAllocatedCost',
      type: 'numeric',
      customSort: (a, b) => allocatedCostOf(a) - allocatedCostOf(b),
      render: row => money(allocatedCostOf(row)),
    },
    {
      title: 'Idle',
      field: 'idleCost',
      type: 'numeric',
      defaultSort: 'desc',
      render: row => (
        <TwoLines
          first={money(row.idleCost)}
          second={`CPU ${money(row.cpuIdleCost)} · mem ${money(
            row.memoryIdleCost,
          )}`}
        />
      ),
    },
    {
      title: 'Idle share',
      field: 'idleCost',
      type: 'numeric',
      sorting: false,
      render: row =>
        capacityCostOf(row) > 0
          ? formatPercent(row.idleCost / capacityCostOf(row))
          : '–',
    },
    {
      title: 'Over-allocated',
      field: 'cpuOverAllocatedCost',
      type: 'numeric',
      sorting: false,
      render: row =>
        money(row.cpuOverAllocatedCost + row.memoryOverAllocatedCost),
    },
  ];
  return (
    <Table<CostIdleRow>
      title={`Allocated vs idle, by ${summary.options.idleBy} (${rows.length})`}
      data={rows}
      columns={columns}
      options={{
        paging: rows.length > 20,
        pageSize: 20,
        search: rows.length > 5,
        padding: 'dense',
        draggable: false,
      }}
      actions={[
        exportCsvAction(
          csvFilename(summary.entityRef, 'idle', summary.window),
          rows,
          idleCsvColumns,
        ),
      ]}
    />
  );
}
