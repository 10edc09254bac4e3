import { Link, Table, TableColumn } from '@backstage/core-components';
import {
  EntityRefLink,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import {
  DoraGroupResponse,
  DoraTier,
} from '@goldenpath/plugin-platform-common';
import { CsvColumn, TierChip } from '@goldenpath/plugin-platform-react';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';
import { csvFilename, exportCsvAction } from '../DoraDrillDown/exportAction';
import { METRIC_TITLES } from '../definitions';
import { formatDurationText, formatNumber, formatPercent } from '../format';

type ComponentRow = DoraGroupResponse['components'][number];

const useStyles = makeStyles(theme => ({
  cell: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    whiteSpace: 'nowrap',
  },
}));

function ValueWithTier(props: { value: ReactNode; tier: DoraTier | null }) {
  const classes = useStyles();
  return (
    <span className={classes.cell}>
      <span>{props.value}</span>
      <TierChip tier={props.tier} />
    </span>
  );
}

function DoraTabLink(props: { entityRef: string; tabPath: string }) {
  const entityRoute = useEntityRefLink();
  return (
    <Link to={`${entityRoute(props.entityRef)}/${props.tabPath}`}>
      DORA tab
    </Link>
  );
}

/** Lower sorts first; nulls last. */
function compareNullable(a: number | null, b: number | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return a - b;
}

function columns(tabPath: string): TableColumn<ComponentRow>[] {
  return [
    {
      title: 'Component',
      field: 'entityRef',
      highlight: true,
      render: row => (
        <span>
          <EntityRefLink entityRef={row.entityRef} defaultKind="component" />
          {' · '}
          <DoraTabLink entityRef={row.entityRef} tabPath={tabPath} />
        </span>
      ),
    },
    {
      title: METRIC_TITLES.deploymentFrequency,
      field: 'deploymentFrequency.perWeek',
      customSort: (a, b) =>
        a.deploymentFrequency.perWeek - b.deploymentFrequency.perWeek,
      render: row => (
        <ValueWithTier
          value={`${formatNumber(row.deploymentFrequency.perWeek)}/week`}
          tier={row.deploymentFrequency.tier}
        />
      ),
    },
    {
      title: METRIC_TITLES.leadTime,
      field: 'leadTime.medianHours',
      customSort: (a, b) =>
        compareNullable(a.leadTime.medianHours, b.leadTime.medianHours),
      render: row => (
        <ValueWithTier
          value={formatDurationText(row.leadTime.medianHours)}
          tier={row.leadTime.tier}
        />
      ),
    },
    {
      title: METRIC_TITLES.changeFailureRate,
      field: 'changeFailureRate.rate',
      customSort: (a, b) =>
        compareNullable(a.changeFailureRate.rate, b.changeFailureRate.rate),
      render: row => (
        <ValueWithTier
          value={formatPercent(row.changeFailureRate.rate)}
          tier={row.changeFailureRate.tier}
        />
      ),
    },
    {
      title: METRIC_TITLES.recoveryTime,
      field: 'recoveryTime.medianHours',
      customSort: (a, b) =>
        compareNullable(a.recoveryTime.medianHours, b.recoveryTime.medianHours),
      render: row => (
        <ValueWithTier
          value={formatDurationText(row.recoveryTime.medianHours)}
          tier={row.recoveryTime.tier}
        />
      ),
    },
  ];
}

export const groupComponentCsvColumns: CsvColumn<ComponentRow>[] = [
  { header: 'entityRef', value: c => c.entityRef },
  { header: 'deployments', value: c => c.deploymentFrequency.deployments },
  { header: 'deploymentsPerWeek', value: c => c.deploymentFrequency.perWeek },
  { header: 'deploymentFrequencyTier', value: c => c.deploymentFrequency.tier },
  { header: 'leadTimeMedianHours', value: c => c.leadTime.medianHours },
  { header: 'leadTimeP90Hours', value: c => c.leadTime.p90Hours },
  { header: 'leadTimeTier', value: c => c.leadTime.tier },
  { header: 'changeFailureRate', value: c => c.changeFailureRate.rate },
  { header: 'failedDeployments', value: c => c.changeFailureRate.failed },
  { header: 'changeFailureRateTier', value: c => c.changeFailureRate.tier },
  { header: 'recoveryMedianHours', value: c => c.recoveryTime.medianHours },
  { header: 'openIncidents', value: c => c.recoveryTime.open },
  { header: 'recoveryTimeTier', value: c => c.recoveryTime.tier },
  { header: 'reworkRate', value: c => c.reworkRate.rate },
];

/** The Group's components with their four numbers and tiers. */
export function GroupComponentsTable(props: {
  group: DoraGroupResponse;
  /** The path of the DORA tab on an entity page. Default "dora". */
  tabPath?: string;
}) {
  const { group, tabPath = 'dora' } = props;
  const rows = group.components;
  return (
    <Table<ComponentRow>
      title={`Components (${rows.length})`}
      data={rows}
      columns={columns(tabPath)}
      options={{
        paging: rows.length > 20,
        pageSize: 20,
        search: rows.length > 5,
        padding: 'dense',
        draggable: false,
      }}
      actions={[
        exportCsvAction(
          csvFilename(
            group.groupRef,
            'components',
            group.options.from,
            group.options.to,
          ),
          rows,
          groupComponentCsvColumns,
        ),
      ]}
    />
  );
}
