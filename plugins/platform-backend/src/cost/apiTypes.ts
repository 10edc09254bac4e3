import { PlatformApiPaths } from '@goldenpath/plugin-platform-common';

/** The JSON body of a cost route's 200 response, as openapi.yaml describes it. */
type Ok<P extends keyof PlatformApiPaths> = PlatformApiPaths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type CostSummaryResponse = Ok<'/cost/summary'>;
export type CostPodsResponse = Ok<'/cost/pods'>;
export type CostRecommendationsResponse = Ok<'/cost/recommendations'>;
export type CostDeploymentsResponse = Ok<'/cost/deployments'>;

export type CostTotalsBody = CostSummaryResponse['total'];
export type CostDayBody = CostSummaryResponse['days'][number];
export type CostIdleBody = CostSummaryResponse['idle'][number];
export type CostOptionsBody = CostSummaryResponse['options'];
export type CostWindowBody = CostSummaryResponse['window'];
export type CostCurrencyBody = CostSummaryResponse['currency'];
export type CostRecommendationBody =
  CostRecommendationsResponse['savings'][number];
export type CostPodBody = CostPodsResponse['pods'][number];
export type CostDeploymentBody = CostDeploymentsResponse['items'][number];
