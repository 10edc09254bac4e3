import { Link, TableColumn } from '@backstage/core-components';
import {
  DoraChangeDetail,
  DoraDeploymentDetail,
  DoraIncidentDetail,
  isHttpUrl,
} from '@goldenpath/plugin-platform-common';
import { CsvColumn } from '@goldenpath/plugin-platform-react';
import { ReactNode } from 'react';
import { formatDateTime, formatDurationText } from '../format';

/**
 * A link only for http(s) URLs: events stored before the intake checked links
 * may hold `javascript:` or `data:` URLs, which Backstage's Link refuses by
 * throwing (the whole table would fail); those show as plain text.
 */
export function MaybeLink(props: { url?: string; children: ReactNode }) {
  return isHttpUrl(props.url) ? (
    <Link to={props.url}>{props.children}</Link>
  ) : (
    <>{props.children}</>
  );
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

// Deployments

export const deploymentColumns: TableColumn<DoraDeploymentDetail>[] = [
  {
    title: 'Deployment',
    field: 'deploymentId',
    highlight: true,
    render: row => <MaybeLink url={row.url}>{row.deploymentId}</MaybeLink>,
  },
  { title: 'Environment', field: 'environment' },
  {
    title: 'Status',
    field: 'status',
    render: row =>
      row.rollback || row.rework
        ? `${row.status} (${[row.rollback && 'rollback', row.rework]
            .filter(Boolean)
            .join(', ')})`
        : row.status,
  },
  {
    title: 'Finished',
    field: 'finishedAt',
    defaultSort: 'desc',
    render: row => formatDateTime(row.finishedAt),
  },
  {
    title: 'Shipped commits',
    field: 'shippedShas',
    type: 'numeric',
    customSort: (a, b) => a.shippedShas.length - b.shippedShas.length,
    render: row => row.shippedShas.length,
  },
  {
    title: 'Failed',
    field: 'failed',
    render: row => yesNo(row.failed),
  },
  {
    title: 'Incidents',
    field: 'incidentIds',
    render: row => (row.incidentIds.length ? row.incidentIds.join(', ') : '–'),
  },
];

export const deploymentCsvColumns: CsvColumn<DoraDeploymentDetail>[] = [
  { header: 'deploymentId', value: d => d.deploymentId },
  { header: 'environment', value: d => d.environment },
  { header: 'status', value: d => d.status },
  { header: 'startedAt', value: d => d.startedAt },
  { header: 'finishedAt', value: d => d.finishedAt },
  { header: 'sha', value: d => d.sha },
  { header: 'countsAsDeployment', value: d => d.countsAsDeployment },
  { header: 'shippedCommits', value: d => d.shippedShas.length },
  { header: 'shippedShas', value: d => d.shippedShas.join(' ') },
  { header: 'failed', value: d => d.failed },
  { header: 'incidentIds', value: d => d.incidentIds.join(' ') },
  { header: 'rollback', value: d => d.rollback },
  { header: 'rework', value: d => d.rework },
  { header: 'url', value: d => d.url },
];

// Changes

export const changeColumns: TableColumn<DoraChangeDetail>[] = [
  {
    title: 'Pull request',
    field: 'prNumber',
    highlight: true,
    render: row => <MaybeLink url={row.url}>#{row.prNumber}</MaybeLink>,
  },
  { title: 'Repository', field: 'repository' },
  {
    title: 'Merged',
    field: 'mergedAt',
    defaultSort: 'desc',
    render: row => formatDateTime(row.mergedAt),
  },
  {
    title: 'Size',
    field: 'additions',
    customSort: (a, b) =>
      a.additions + a.deletions - (b.additions + b.deletions),
    render: row => `+${row.additions} −${row.deletions}`,
  },
  {
    title: 'Time to merge',
    field: 'hoursToMerge',
    render: row => formatDurationText(row.hoursToMerge),
  },
  {
    title: 'Lead time',
    field: 'leadTimeHours',
    render: row => formatDurationText(row.leadTimeHours),
  },
  {
    title: 'Deployment',
    field: 'deploymentId',
    render: row => row.deploymentId ?? 'not deployed yet',
  },
];

export const changeCsvColumns: CsvColumn<DoraChangeDetail>[] = [
  { header: 'repository', value: c => c.repository },
  { header: 'prNumber', value: c => c.prNumber },
  { header: 'openedAt', value: c => c.openedAt },
  { header: 'mergedAt', value: c => c.mergedAt },
  { header: 'mergeSha', value: c => c.mergeSha },
  { header: 'additions', value: c => c.additions },
  { header: 'deletions', value: c => c.deletions },
  { header: 'commits', value: c => c.commits.length },
  { header: 'labels', value: c => c.labels.join(' ') },
  { header: 'hoursToMerge', value: c => c.hoursToMerge },
  { header: 'leadTimeHours', value: c => c.leadTimeHours },
  { header: 'deploymentId', value: c => c.deploymentId },
  { header: 'deployedAt', value: c => c.deployedAt },
  { header: 'url', value: c => c.url },
];

// Incidents

export const incidentColumns: TableColumn<DoraIncidentDetail>[] = [
  {
    title: 'Incident',
    field: 'incidentId',
    highlight: true,
    render: row => <MaybeLink url={row.url}>{row.incidentId}</MaybeLink>,
  },
  { title: 'Severity', field: 'severity' },
  {
    title: 'Opened',
    field: 'openedAt',
    defaultSort: 'desc',
    render: row => formatDateTime(row.openedAt),
  },
  {
    title: 'Resolved',
    field: 'resolvedAt',
    render: row => (row.resolvedAt ? formatDateTime(row.resolvedAt) : 'open'),
  },
  {
    title: 'Recovery',
    field: 'recoveryHours',
    render: row =>
      row.recoveryHours === null
        ? 'open'
        : formatDurationText(row.recoveryHours),
  },
  {
    title: 'Caused by',
    field: 'causedByDeploymentId',
    render: row => row.causedByDeploymentId ?? '–',
  },
];

export const incidentCsvColumns: CsvColumn<DoraIncidentDetail>[] = [
  { header: 'incidentId', value: i => i.incidentId },
  { header: 'severity', value: i => i.severity },
  { header: 'openedAt', value: i => i.openedAt },
  { header: 'impactStartedAt', value: i => i.impactStartedAt },
  { header: 'resolvedAt', value: i => i.resolvedAt },
  { header: 'recoveryHours', value: i => i.recoveryHours },
  { header: 'causedByDeploymentId', value: i => i.causedByDeploymentId },
  { header: 'rootCauseSha', value: i => i.rootCauseSha },
  { header: 'url', value: i => i.url },
];
