import { TableColumn } from '@backstage/core-components';
import { CsvColumn } from '@goldenpath/plugin-platform-react';
import Typography from '@material-ui/core/Typography';
import { CostRecommendation } from '../../api/types';
import {
  controllerLabel,
  formatBytes,
  formatCores,
  formatMoney,
  formatNumber,
} from '../format';

type Resource = CostRecommendation['cpu'];

function RequestChange(props: {
  resource: Resource;
  format: (value: number) => string;
  percentile: string;
}) {
  const { resource, format, percentile } = props;
  return (
    <>
      <Typography variant="body2" component="div">
        {format(resource.currentRequest)} →{' '}
        {format(resource.recommendedRequest)}
        {resource.underProvisioned && ' (under-provisioned)'}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {percentile} usage {format(resource.usageQuantile)}
      </Typography>
    </>
  );
}

/** The columns both lists share: which container, and its two requests. */
function specColumns(percentile: string): TableColumn<CostRecommendation>[] {
  return [
    {
      title: 'Container',
      field: 'container',
      highlight: true,
      render: row => (
        <>
          <Typography variant="body2" component="div">
            {controllerLabel(row)} / {row.container}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {row.cluster} / {row.namespace}
          </Typography>
        </>
      ),
    },
    {
      title: 'Pod-hours',
      field: 'samples',
      type: 'numeric',
      render: row => formatNumber(row.samples),
    },
    {
      title: 'CPU request',
      field: 'cpu.recommendedRequest',
      sorting: false,
      render: row => (
        <RequestChange
          resource={row.cpu}
          format={formatCores}
          percentile={percentile}
        />
      ),
    },
    {
      title: 'Memory request',
      field: 'memory.recommendedRequest',
      sorting: false,
      render: row => (
        <RequestChange
          resource={row.memory}
          format={formatBytes}
          percentile={percentile}
        />
      ),
    },
  ];
}

export function savingsColumns(
  code: string,
  percentile: string,
): TableColumn<CostRecommendation>[] {
  return [
    ...specColumns(percentile),
    {
      title: 'Savings in window',
      field: 'savings',
      type: 'numeric',
      render: row => formatMoney(row.savings, code),
    },
    {
      title: 'Monthly savings',
      field: 'monthlySavings',
      type: 'numeric',
      defaultSort: 'desc',
      render: row => formatMoney(row.monthlySavings, code),
    },
  ];
}

export function riskColumns(
  code: string,
  percentile: string,
): TableColumn<CostRecommendation>[] {
  return [
    ...specColumns(percentile),
    {
      title: 'Extra cost in window',
      field: 'riskCost',
      type: 'numeric',
      render: row => formatMoney(row.riskCost, code),
    },
    {
      title: 'Monthly risk',
      field: 'monthlyRiskCost',
      type: 'numeric',
      defaultSort: 'desc',
      render: row => formatMoney(row.monthlyRiskCost, code),
    },
  ];
}

function resourceCsvColumns(
  name: 'cpu' | 'memory',
  unit: string,
): CsvColumn<CostRecommendation>[] {
  return [
    { header: `${name}Request${unit}`, value: r => r[name].currentRequest },
    {
      header: `${name}UsageQuantile${unit}`,
      value: r => r[name].usageQuantile,
    },
    {
      header: `${name}Recommended${unit}`,
      value: r => r[name].recommendedRequest,
    },
    {
      header: `${name}UnderProvisioned`,
      value: r => r[name].underProvisioned,
    },
    { header: `${name}CurrentCost`, value: r => r[name].currentCost },
    { header: `${name}RecommendedCost`, value: r => r[name].recommendedCost },
  ];
}

export const recommendationCsvColumns: CsvColumn<CostRecommendation>[] = [
  { header: 'cluster', value: r => r.cluster },
  { header: 'namespace', value: r => r.namespace },
  { header: 'controllerKind', value: r => r.controllerKind },
  { header: 'controller', value: r => r.controller },
  { header: 'container', value: r => r.container },
  { header: 'podHours', value: r => r.samples },
  ...resourceCsvColumns('cpu', 'Cores'),
  ...resourceCsvColumns('memory', 'Bytes'),
  { header: 'savings', value: r => r.savings },
  { header: 'monthlySavings', value: r => r.monthlySavings },
  { header: 'riskCost', value: r => r.riskCost },
  { header: 'monthlyRiskCost', value: r => r.monthlyRiskCost },
];
