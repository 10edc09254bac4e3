import { useApi } from '@backstage/core-plugin-api';
import { platformApiRef } from '@goldenpath/plugin-platform-react';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  CanaryRollouts,
  CanaryRuns,
  CanaryRunsQuery,
  CanaryStatus,
  CanaryWindowKey,
} from '../api/types';

/** The verdict and the clusters × capabilities matrix of a component or cluster. */
export function useCanaryStatus(
  entityRef: string,
  window: CanaryWindowKey | undefined,
) {
  const api = useApi(platformApiRef);
  return useAsync(
    (): Promise<CanaryStatus> =>
      api.get('/canary/status', { entityRef, window }),
    [api, entityRef, window],
  );
}

/** The latest runs of one check in one cluster (the drawer); `retry` reloads. */
export function useCanaryRuns(query: CanaryRunsQuery) {
  const api = useApi(platformApiRef);
  const { entityRef, cluster, check, from, limit } = query;
  const stable = useMemo(
    () => ({ entityRef, cluster, check, from, limit }),
    [entityRef, cluster, check, from, limit],
  );
  return useAsyncRetry(
    (): Promise<CanaryRuns> => api.get('/canary/runs', stable),
    [api, stable],
  );
}

/** The latest Argo Rollouts status of a component's rollouts. */
export function useCanaryRollouts(entityRef: string) {
  const api = useApi(platformApiRef);
  return useAsync(
    (): Promise<CanaryRollouts> => api.get('/canary/rollouts', { entityRef }),
    [api, entityRef],
  );
}
