import { PlatformApiPaths } from '@goldenpath/plugin-platform-common';

/** The JSON body of a canary route's 2xx response, as openapi.yaml describes it. */
type Ok<P extends keyof PlatformApiPaths> = PlatformApiPaths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type CanaryStatusResponse = Ok<'/canary/status'>;
export type CanaryRunsResponse = Ok<'/canary/runs'>;
export type CanaryRolloutsResponse = Ok<'/canary/rollouts'>;
export type CanaryIncidentsResponse = Ok<'/canary/incidents'>;
export type CanaryRunNowResponse =
  PlatformApiPaths['/canary/clusters/{cluster}/checks/{check}/run']['post']['responses'][202]['content']['application/json'];

export type CanaryStatusCheckBody =
  CanaryStatusResponse['matrix'][number]['cells'][number]['checks'][number];
export type CanaryMatrixRowBody = CanaryStatusResponse['matrix'][number];
export type CanaryRunBody = CanaryRunsResponse['runs'][number];
export type CanaryRolloutBody = CanaryRolloutsResponse['rollouts'][number];
