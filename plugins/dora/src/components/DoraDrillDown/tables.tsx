import { DoraQuery } from '@goldenpath/plugin-platform-react';
import { useMemo } from 'react';
import {
  useDoraChanges,
  useDoraDeployments,
  useDoraIncidents,
} from '../../hooks/useDoraData';
import { useDeploymentCosts } from '../../hooks/useDeploymentCosts';
import { usePlatformOrProduct } from '../../hooks/usePlatformOrProduct';
import {
  deploymentPlatformColumn,
  incidentPlatformColumn,
} from './canaryColumn';
import {
  changeColumns,
  changeCsvColumns,
  deploymentColumns,
  deploymentCsvColumns,
  incidentColumns,
  incidentCsvColumns,
} from './columns';
import { deploymentCostColumn } from './costColumn';
import { DrillDownTable } from './DrillDownTable';
import { csvFilename } from './exportAction';

export function DeploymentsTable(props: { query: DoraQuery }) {
  const { query } = props;
  const { loading, error, value } = useDoraDeployments(query);
  // The cost column appears only when the Cost feature answers with rows,
  // "Platform or product?" only when the canary feature knows the clusters.
  const costs = useDeploymentCosts(query);
  const canary = usePlatformOrProduct(query);
  const columns = useMemo(
    () => [
      ...deploymentColumns,
      ...(costs && costs.size > 0 ? [deploymentCostColumn(costs)] : []),
      ...(canary ? [deploymentPlatformColumn(canary)] : []),
    ],
    [costs, canary],
  );
  return (
    <DrillDownTable
      title="Deployments"
      loading={loading}
      error={error}
      items={value?.items}
      columns={columns}
      csvColumns={deploymentCsvColumns}
      filename={csvFilename(
        query.entityRef,
        'deployments',
        query.from,
        query.to,
      )}
      emptyText="No deployments in this window."
    />
  );
}

export function ChangesTable(props: { query: DoraQuery }) {
  const { query } = props;
  const { loading, error, value } = useDoraChanges(query);
  return (
    <DrillDownTable
      title="Changes"
      loading={loading}
      error={error}
      items={value?.items}
      columns={changeColumns}
      csvColumns={changeCsvColumns}
      filename={csvFilename(query.entityRef, 'changes', query.from, query.to)}
      emptyText="No merged pull requests in this window."
    />
  );
}

export function IncidentsTable(props: { query: DoraQuery }) {
  const { query } = props;
  const { loading, error, value } = useDoraIncidents(query);
  const canary = usePlatformOrProduct(query);
  const columns = useMemo(
    () =>
      canary
        ? [...incidentColumns, incidentPlatformColumn(canary)]
        : incidentColumns,
    [canary],
  );
  return (
    <DrillDownTable
      title="Incidents"
      loading={loading}
      error={error}
      items={value?.items}
      columns={columns}
      csvColumns={incidentCsvColumns}
      filename={csvFilename(query.entityRef, 'incidents', query.from, query.to)}
      emptyText="No incidents in this window."
    />
  );
}
