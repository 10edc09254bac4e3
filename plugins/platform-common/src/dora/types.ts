/**
 * DORA: the rows the backend projects from the event log (inputs to the pure
 * metric maths) and the API response shapes the DORA tab reads. Every shape
 * that travels over HTTP is written once, in the backend's openapi.yaml, and
 * aliased here from the generated types (docs/api.md). Definitions:
 * docs/metrics.md.
 */
import type { components } from '../schema/openapi.generated';

type Schemas = components['schemas'];

/** @public */
export type DoraTier = Schemas['DoraTier'];

/** Which State of DevOps thresholds to grade against. @public */
export type DoraTierModel = Schemas['DoraTierModel'];

/** Where lead time starts: the commit (default) or the PR merge. @public */
export type DoraLeadTimeStart = Schemas['DoraLeadTimeStart'];

/** @public */
export type DoraMetricKey =
  | 'deploymentFrequency'
  | 'leadTime'
  | 'changeFailureRate'
  | 'recoveryTime';

/** One `deployment.finished`, any status. @public */
export type DoraDeploymentRow = Schemas['DoraDeploymentRow'];

/** One merged pull request with its commits. @public */
export type DoraChangeRow = Schemas['DoraChangeRow'];

/** One incident; `resolvedAt` absent while open. @public */
export type DoraIncidentRow = Schemas['DoraIncidentRow'];

/** How the numbers are computed; every field has a config default. @public */
export type DoraOptions = Schemas['DoraOptions'];

/** @public */
export type DeploymentFrequency = Schemas['DeploymentFrequency'];

/** @public */
export type LeadTime = Schemas['LeadTime'];

/** @public */
export type ChangeFailureRate = Schemas['ChangeFailureRate'];

/** @public */
export type RecoveryTime = Schemas['RecoveryTime'];

/** @public */
export type ReworkRate = Schemas['ReworkRate'];

/** One ISO week (Monday 00:00 UTC) of the trend charts. @public */
export type DoraWeek = Schemas['DoraWeek'];

/** @public */
export type PrSizeBucket = Schemas['PrSizeBucket'];

/** Everything the four tiles, the extra numbers and the charts show. @public */
export type DoraSummary = Schemas['DoraSummary'];

/** Counts of what the numbers were computed from, for the explanation popovers. @public */
export type DoraInputCounts = Schemas['DoraInputCounts'];

/** Response of `GET /dora/metrics`. @public */
export type DoraMetricsResponse = Schemas['DoraMetricsResponse'];

/** A drill-down row: a deployment (any status) and what it is counted as. @public */
export type DoraDeploymentDetail = Schemas['DoraDeploymentDetail'];

/** A drill-down row: a merged change and its lead time. @public */
export type DoraChangeDetail = Schemas['DoraChangeDetail'];

/** A drill-down row: an incident and its recovery time. @public */
export type DoraIncidentDetail = Schemas['DoraIncidentDetail'];

/** One component of a Group with its summary. @public */
export type DoraComponentSummary = Schemas['DoraComponentSummary'];

/** Response of `GET /dora/group`: a Group's components with their tiers. @public */
export type DoraGroupResponse = Schemas['DoraGroupResponse'];

/** Responses of the drill-down routes. @public */
export type DoraDeploymentsResponse = Schemas['DoraDeploymentsResponse'];
/** @public */
export type DoraChangesResponse = Schemas['DoraChangesResponse'];
/** @public */
export type DoraIncidentsResponse = Schemas['DoraIncidentsResponse'];

/** Response of `GET /dora/environments`: the environment picker's choices. @public */
export type DoraEnvironmentsResponse = Schemas['DoraEnvironmentsResponse'];
