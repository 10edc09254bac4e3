import { useApi } from '@backstage/core-plugin-api';
import { DAY_MS } from '@goldenpath/plugin-platform-common';
import {
  DoraQuery,
  platformApiRef,
  ResponseOf,
} from '@goldenpath/plugin-platform-react';
import useAsync from 'react-use/esm/useAsync';

/** One deployment's daily cost before and after it, from the Cost feature. */
export type DeploymentCost = ResponseOf<
  '/cost/deployments',
  'get'
>['items'][number];

/** Deployment costs by `entityRef` and `deploymentId` (see {@link deploymentCostKey}). */
export type DeploymentCosts = ReadonlyMap<string, DeploymentCost>;

export function deploymentCostKey(entityRef: string, deploymentId: string) {
  return `${entityRef.toLocaleLowerCase('en-US')}\u0000${deploymentId}`;
}

/** The DORA window widened to whole UTC days, as the cost routes take them. */
function wholeDays(query: DoraQuery): { from?: string; to?: string } {
  const floor = (iso: string) =>
    new Date(Math.floor(Date.parse(iso) / DAY_MS) * DAY_MS).toISOString();
  const ceil = (iso: string) =>
    new Date(Math.ceil(Date.parse(iso) / DAY_MS) * DAY_MS).toISOString();
  return {
    from: query.from && floor(query.from),
    to: query.to && ceil(query.to),
  };
}

/**
 * The cost change of the deployments in the DORA window, or `undefined` when
 * the Cost feature cannot say (not installed, no data, any failure): the
 * drill-down then simply has no cost column, and no error to show.
 */
export function useDeploymentCosts(
  query: DoraQuery,
): DeploymentCosts | undefined {
  const api = useApi(platformApiRef);
  const { value } = useAsync(async (): Promise<DeploymentCosts | undefined> => {
    try {
      const response = await api.get('/cost/deployments', {
        entityRef: query.entityRef,
        ...wholeDays(query),
      });
      return new Map(
        response.items.map(item => [
          deploymentCostKey(item.entityRef, item.deploymentId),
          item,
        ]),
      );
    } catch {
      return undefined;
    }
  }, [api, query]);
  return value;
}
