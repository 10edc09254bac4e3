import { QueryOf, ResponseOf } from '@goldenpath/plugin-platform-react';

/**
 * The canary shapes as the backend answers them, taken from the generated
 * spec (openapi.yaml → platform-common), so the tab follows the contract.
 */

/** Response of `GET /canary/status`. */
export type CanaryStatus = ResponseOf<'/canary/status', 'get'>;
export type CanaryWindowKey = CanaryStatus['window']['key'];
export type CanaryVerdict = CanaryStatus['verdict'];
export type CanaryMatrixRow = CanaryStatus['matrix'][number];
export type CanaryMatrixCell = CanaryMatrixRow['cells'][number];
/** One check in one cluster, with its window stats and latest runs. */
export type CanaryStatusCheck = CanaryMatrixCell['checks'][number];
export type CanaryRecentRun = CanaryStatusCheck['recent'][number];
export type CanaryPlatformWide = CanaryStatus['platformWide'][number];

/** Response of `GET /canary/runs`. */
export type CanaryRuns = ResponseOf<'/canary/runs', 'get'>;
export type CanaryRunItem = CanaryRuns['runs'][number];

/** Response of `GET /canary/rollouts`. */
export type CanaryRollouts = ResponseOf<'/canary/rollouts', 'get'>;
export type CanaryRollout = CanaryRollouts['rollouts'][number];
export type CanaryRolloutMetric = NonNullable<
  CanaryRollout['analysis']
>['metrics'][number];

/** The path of "Run now" and its answer. */
export const RUN_NOW_PATH = '/canary/clusters/{cluster}/checks/{check}/run';
export type CanaryRunNow = ResponseOf<typeof RUN_NOW_PATH, 'post'>;

export type CanaryStatusQuery = QueryOf<'/canary/status'>;
export type CanaryRunsQuery = QueryOf<'/canary/runs'>;
