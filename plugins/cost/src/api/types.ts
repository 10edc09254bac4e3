import { QueryOf, ResponseOf } from '@goldenpath/plugin-platform-react';

/**
 * The cost shapes as the backend answers them, taken from the generated spec
 * (openapi.yaml → platform-common), so the tab follows the contract.
 */

/** Response of `GET /cost/summary`. */
export type CostSummary = ResponseOf<'/cost/summary', 'get'>;
/** Sums over a set of container-hours. */
export type CostTotals = CostSummary['total'];
export type CostCurrency = CostSummary['currency'];
export type CostOptions = CostSummary['options'];
export type CostWindow = CostSummary['window'];
export type CostDay = CostSummary['days'][number];
export type CostControllerRow = CostSummary['controllers'][number];
export type CostComponentRow = CostSummary['components'][number];
export type CostNamespaceRow = CostSummary['namespaces'][number];
export type CostIdleRow = CostSummary['idle'][number];

/** Response of `GET /cost/pods`. */
export type CostPods = ResponseOf<'/cost/pods', 'get'>;
export type CostPodRow = CostPods['pods'][number];
export type CostContainerRow = CostPodRow['containers'][number];

/** Response of `GET /cost/recommendations`. */
export type CostRecommendations = ResponseOf<'/cost/recommendations', 'get'>;
export type CostRecommendation = CostRecommendations['savings'][number];

/** Response of `GET /cost/deployments`. */
export type CostDeployments = ResponseOf<'/cost/deployments', 'get'>;
export type CostDeploymentRow = CostDeployments['items'][number];

/** The query every request of one view shares. */
export type CostQuery = QueryOf<'/cost/summary'>;
/** The query of `GET /cost/pods`: one controller of the entity. */
export type CostPodsQuery = QueryOf<'/cost/pods'>;
