import { Link, Table, TableColumn } from '@backstage/core-components';
import {
  EntityRefLink,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import { CsvColumn } from '@goldenpath/plugin-platform-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { CostComponentRow, CostSummary } from '../../api/types';
import { totalsCsvColumns } from '../ControllersTable/csvColumns';
import { TwoLines } from '../ControllersTable/totalsCells';
import { csvFilename, exportCsvAction } from '../exportCsv';
import { formatMoney, formatPercent, plural } from '../format';

function CostTabLink(props: { entityRef: string; tabPath: string }) {
  const entityRoute = useEntityRefLink();
  return (
    <Link to={`${entityRoute(props.entityRef)}/${props.tabPath}`}>
      Cost tab
    </Link>
  );
}

function columns(
  summary: CostSummary,
  tabPath: string,
): TableColumn<CostComponentRow>[] {
  const code = summary.currency.code;
  const money = (amount: number) => formatMoney(amount, code);
  const groupCost = summary.total.cost;
  const result: TableColumn<CostComponentRow>[] = [
    {
      title: 'Component',
      field: 'entityRef',
      highlight: true,
      render: row => (
        <span>
          <EntityRefLink entityRef={row.entityRef} defaultKind="component" />
          {' · '}
          <CostTabLink entityRef={row.entityRef} tabPath={tabPath} />
        </span>
      ),
    },
    {
      title: 'Cost',
      field: 'totals.cost',
      type: 'numeric',
      defaultSort: 'desc',
      render: row => money(row.totals.cost),
    },
    {
      title: 'Share',
      field: 'totals.cost',
      type: 'numeric',
      sorting: false,
      render: row =>
        groupCost > 0 ? formatPercent(row.totals.cost / groupCost, 1) : '–',
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
      render: row => (
        <TwoLines
          first={formatPercent(row.totals.efficiency.total)}
          second={`CPU ${formatPercent(
            row.totals.efficiency.cpu,
          )} · mem ${formatPercent(row.totals.efficiency.memory)}`}
        />
      ),
    },
  ];
  if (summary.options.idleShared) {
    result.push({
      title: 'Cost with idle',
      field: 'totals.costWithIdle',
      type: 'numeric',
      render: row => money(row.totals.costWithIdle),
    });
  }
  return result;
}

export const componentCsvColumns: CsvColumn<CostComponentRow>[] = [
  { header: 'entityRef', value: r => r.entityRef },
  ...totalsCsvColumns<CostComponentRow>(r => r.totals),
];

/** Showback: the group's components, costliest first, and the group's totals. */
export function ComponentsShowbackTable(props: {
  summary: CostSummary;
  /** The path of the Cost tab on an entity page. Default "cost". */
  tabPath?: string;
}) {
  const { summary, tabPath = 'cost' } = props;
  const rows = summary.components;
  const { total, currency, options } = summary;
  const money = (amount: number) => formatMoney(amount, currency.code);
  return (
    <Box>
      <Table<CostComponentRow>
        title={`Components (${rows.length})`}
        data={rows}
        columns={columns(summary, tabPath)}
        options={{
          paging: rows.length > 20,
          pageSize: 20,
          search: rows.length > 5,
          padding: 'dense',
          draggable: false,
        }}
        actions={[
          exportCsvAction(
            csvFilename(summary.entityRef, 'components', summary.window),
            rows,
            componentCsvColumns,
          ),
        ]}
      />
      <Typography variant="body2" style={{ padding: 16 }}>
        Total: {money(total.cost)} (CPU {money(total.cpuCost)}, memory{' '}
        {money(total.memoryCost)}
        {options.idleShared &&
          `, with shared idle ${money(total.costWithIdle)}`}
        ), efficiency {formatPercent(total.efficiency.total)}, over{' '}
        {plural(rows.length, 'component')} and{' '}
        {plural(total.containerHours, 'container-hour')}
      </Typography>
    </Box>
  );
}
