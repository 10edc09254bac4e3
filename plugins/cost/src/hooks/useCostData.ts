import { useApi } from '@backstage/core-plugin-api';
import { EntityActivity } from '@goldenpath/plugin-platform-common';
import { platformApiRef } from '@goldenpath/plugin-platform-react';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  CostDeployments,
  CostPods,
  CostPodsQuery,
  CostQuery,
  CostRecommendations,
  CostSummary,
} from '../api/types';

/** The event types cost data is computed from. */
export const COST_EVENT_TYPES = ['pod.usage', 'node.cost'];

/** The query every request of one view shares, stable until the window changes. */
export function useCostQuery(
  entityRef: string,
  window: { from: string; to: string },
): CostQuery {
  return useMemo(
    () => ({ entityRef, from: window.from, to: window.to }),
    [entityRef, window],
  );
}

/** Totals, previous window, daily trend and the rows of a component, group or cluster. */
export function useCostSummary(query: CostQuery) {
  const api = useApi(platformApiRef);
  return useAsync(
    (): Promise<CostSummary> => api.get('/cost/summary', query),
    [api, query],
  );
}

/** Right-sizing: savings and under-provisioned risk, apart. */
export function useCostRecommendations(query: CostQuery) {
  const api = useApi(platformApiRef);
  return useAsync(
    (): Promise<CostRecommendations> => api.get('/cost/recommendations', query),
    [api, query],
  );
}

/** The daily cost before and after each deployment in the window. */
export function useCostDeployments(query: CostQuery) {
  const api = useApi(platformApiRef);
  return useAsync(
    (): Promise<CostDeployments> => api.get('/cost/deployments', query),
    [api, query],
  );
}

/** The pods and containers of one controller. */
export function useCostPods(query: CostPodsQuery) {
  const api = useApi(platformApiRef);
  return useAsync(
    (): Promise<CostPods> => api.get('/cost/pods', query),
    [api, query],
  );
}

/** When usage was last linked to the entity, for the jump to the latest data. */
export function useCostActivity(entityRef: string) {
  const api = useApi(platformApiRef);
  return useAsync(
    (): Promise<EntityActivity> =>
      api.get('/activity', { entityRef, type: COST_EVENT_TYPES.join(',') }),
    [api, entityRef],
  );
}
