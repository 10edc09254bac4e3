import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { platformApiRef } from '@goldenpath/plugin-platform-react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { CanaryRunNow, RUN_NOW_PATH } from '../api/types';
import { SelectedCheck } from './useCanaryView';

/**
 * What the backend's refusal means for the user, by status (the route checks
 * permission, then that a runner is installed, then that it runs the check).
 */
export function describeRunNowError(error: Error): string {
  const status = error instanceof ResponseError ? error.statusCode : undefined;
  switch (status) {
    case 403:
      return 'You may not run canary checks: running one needs the platform.canary.run permission.';
    case 501:
      return 'No canary runner is installed in the backend, so checks cannot be run on demand. Add @goldenpath/plugin-platform-backend-module-canary.';
    case 404:
      return 'No installed runner runs this check in this cluster: it is reported by another tool (Kuberhealthy, for example), which runs it on its own schedule.';
    case 401:
      return 'Your session has expired: sign in again to run the check.';
    default:
      return `The check could not be started: ${error.message}`;
  }
}

/** Asks the backend to run one check now; the run itself arrives later. */
export function useRunNow(target: SelectedCheck) {
  const api = useApi(platformApiRef);
  return useAsyncFn(
    (): Promise<CanaryRunNow> =>
      api.post(RUN_NOW_PATH, undefined, {
        cluster: target.cluster,
        check: target.check,
      }),
    [api, target.cluster, target.check],
  );
}
