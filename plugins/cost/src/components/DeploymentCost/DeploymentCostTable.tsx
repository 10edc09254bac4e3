import {
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { CsvColumn } from '@goldenpath/plugin-platform-react';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';
import { CostDeploymentRow, CostDeployments } from '../../api/types';
import { AsyncValue } from '../CostTiles';
import { csvFilename, exportCsvAction } from '../exportCsv';
import {
  formatChange,
  formatDateTime,
  formatMoney,
  formatPercent,
  NO_VALUE,
} from '../format';

function columns(code: string): TableColumn<CostDeploymentRow>[] {
  const daily = (amount: number | undefined, days: number) =>
    amount === undefined
      ? NO_VALUE
      : `${formatMoney(amount, code)}/day (${days} d)`;
  return [
    { title: 'Deployment', field: 'deploymentId', highlight: true },
    { title: 'Environment', field: 'environment' },
    {
      title: 'Finished',
      field: 'finishedAt',
      defaultSort: 'desc',
      render: row => formatDateTime(row.finishedAt),
    },
    {
      title: 'Before',
      field: 'beforeDailyCost',
      type: 'numeric',
      render: row => daily(row.beforeDailyCost, row.beforeDays),
    },
    {
      title: 'After',
      field: 'afterDailyCost',
      type: 'numeric',
      render: row => daily(row.afterDailyCost, row.afterDays),
    },
    {
      title: 'Change',
      field: 'change',
      type: 'numeric',
      render: row => formatChange(row.change),
    },
    {
      title: 'Flag',
      field: 'flagged',
      render: row =>
        row.flagged ? (
          <Chip
            size="small"
            color="secondary"
            icon={<TrendingUpIcon />}
            label="Raised cost"
          />
        ) : (
          ''
        ),
    },
  ];
}

export const deploymentCostCsvColumns: CsvColumn<CostDeploymentRow>[] = [
  { header: 'deploymentId', value: d => d.deploymentId },
  { header: 'entityRef', value: d => d.entityRef },
  { header: 'environment', value: d => d.environment },
  { header: 'finishedAt', value: d => d.finishedAt },
  { header: 'compareDays', value: d => d.compareDays },
  { header: 'beforeDays', value: d => d.beforeDays },
  { header: 'afterDays', value: d => d.afterDays },
  { header: 'beforeDailyCost', value: d => d.beforeDailyCost },
  { header: 'afterDailyCost', value: d => d.afterDailyCost },
  { header: 'change', value: d => d.change },
  { header: 'flagged', value: d => d.flagged },
];

/** Each deployment's daily cost before and after it; raises above the threshold flagged. */
export function DeploymentCostTable(props: {
  entityRef: string;
  window: { from: string; to: string };
  deployments: AsyncValue<CostDeployments>;
}) {
  const { loading, error, value } = props.deployments;
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  const rows = value.items;
  const flagged = rows.filter(row => row.flagged).length;
  const code = value.currency.code;
  return (
    <Table<CostDeploymentRow>
      title={`Cost of deployments (${rows.length}, ${flagged} flagged)`}
      subtitle={`Mean daily cost over the ${
        value.compareDays
      } whole days before and after each deployment; flagged above ${formatPercent(
        value.raiseThreshold,
      )}`}
      data={rows}
      columns={columns(code)}
      options={{
        paging: rows.length > 10,
        pageSize: 10,
        search: rows.length > 5,
        padding: 'dense',
        draggable: false,
        rowStyle: (row: CostDeploymentRow) =>
          row.flagged ? { backgroundColor: 'rgba(245, 0, 87, 0.08)' } : {},
      }}
      actions={[
        exportCsvAction(
          csvFilename(props.entityRef, 'deployment-cost', props.window),
          rows,
          deploymentCostCsvColumns,
        ),
      ]}
      emptyContent={
        <Typography
          variant="body2"
          color="textSecondary"
          style={{ padding: 16 }}
        >
          No successful deployments in this window.
        </Typography>
      }
    />
  );
}
