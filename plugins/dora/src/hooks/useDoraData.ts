import { useApi } from '@backstage/core-plugin-api';
import {
  DoraChangesResponse,
  DoraDeploymentsResponse,
  DoraGroupResponse,
  DoraIncidentsResponse,
  DoraMetricsResponse,
} from '@goldenpath/plugin-platform-common';
import { DoraQuery, platformApiRef } from '@goldenpath/plugin-platform-react';
import useAsync from 'react-use/esm/useAsync';

/** The four metrics, previous period, trends and inputs of one entity. */
export function useDoraMetrics(query: DoraQuery) {
  const api = useApi(platformApiRef);
  return useAsync(
    (): Promise<DoraMetricsResponse> => api.get('/dora/metrics', query),
    [api, query],
  );
}

/** A Group's roll-up and its components. */
export function useDoraGroup(query: DoraQuery) {
  const api = useApi(platformApiRef);
  return useAsync(
    (): Promise<DoraGroupResponse> => api.get('/dora/group', query),
    [api, query],
  );
}

export function useDoraDeployments(query: DoraQuery) {
  const api = useApi(platformApiRef);
  return useAsync(
    (): Promise<DoraDeploymentsResponse> => api.get('/dora/deployments', query),
    [api, query],
  );
}

export function useDoraChanges(query: DoraQuery) {
  const api = useApi(platformApiRef);
  return useAsync(
    (): Promise<DoraChangesResponse> => api.get('/dora/changes', query),
    [api, query],
  );
}

export function useDoraIncidents(query: DoraQuery) {
  const api = useApi(platformApiRef);
  return useAsync(
    (): Promise<DoraIncidentsResponse> => api.get('/dora/incidents', query),
    [api, query],
  );
}
