import { Table, TableColumn } from '@backstage/core-components';
import { CsvColumn } from '@goldenpath/plugin-platform-react';
import { CostNamespaceRow, CostSummary } from '../../api/types';
import { totalsCsvColumns } from '../ControllersTable/csvColumns';
import { csvFilename, exportCsvAction } from '../exportCsv';
import { formatMoney, formatPercent } from '../format';

export const namespaceCsvColumns: CsvColumn<CostNamespaceRow>[] = [
  { header: 'cluster', value: r => r.cluster },
  { header: 'namespace', value: r => r.namespace },
  ...totalsCsvColumns<CostNamespaceRow>(r => r.totals),
];

/** The cluster's cost by namespace, costliest first. */
export function NamespacesTable(props: { summary: CostSummary }) {
  const { summary } = props;
  const rows = summary.namespaces;
  const money = (amount: number) => formatMoney(amount, summary.currency.code);
  const allocated = summary.total.cost;
  const columns: TableColumn<CostNamespaceRow>[] = [
    { title: 'Namespace', field: 'namespace', highlight: true },
    ...(summary.clusters.length > 1
      ? [
          {
            title: 'Cluster',
            field: 'cluster',
          } as TableColumn<CostNamespaceRow>,
        ]
      : []),
    {
      title: 'Cost',
      field: 'totals.cost',
      type: 'numeric',
      defaultSort: 'desc',
      render: row => money(row.totals.cost),
    },
    {
      title: 'Share of allocated',
      field: 'totals.cost',
      type: 'numeric',
      sorting: false,
      render: row =>
        allocated > 0 ? formatPercent(row.totals.cost / allocated, 1) : '–',
    },
    {
      title: 'CPU cost',
      field: 'totals.cpuCost',
      type: 'numeric',
      render: row => money(row.totals.cpuCost),
    },
    {
      title: 'Memory cost',
      field: 'totals.memoryCost',
      type: 'numeric',
      render: row => money(row.totals.memoryCost),
    },
    {
      title: 'Efficiency',
      field: 'totals.efficiency.total',
      type: 'numeric',
      render: row => formatPercent(row.totals.efficiency.total),
    },
  ];
  return (
    <Table<CostNamespaceRow>
      title={`Namespaces (${rows.length})`}
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
          csvFilename(summary.entityRef, 'namespaces', summary.window),
          rows,
          namespaceCsvColumns,
        ),
      ]}
    />
  );
}
