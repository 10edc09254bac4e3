/**
 * DORA: inputs to the pure metric maths (rows the backend projects from the
 * event log) and the API response shapes the DORA tab reads.
 * Definitions: docs/metrics.md.
 */

/** @public */
export type DoraTier = 'elite' | 'high' | 'medium' | 'low';

/** Which State of DevOps thresholds to grade against. @public */
export type DoraTierModel = '2024' | '2023';

/** @public */
export type DoraMetricKey =
  | 'deploymentFrequency'
  | 'leadTime'
  | 'changeFailureRate'
  | 'recoveryTime';

/** One `deployment.finished`, any status. @public */
export interface DoraDeploymentRow {
  deploymentId: string;
  entityRef: string;
  environment: string;
  sha: string;
  status: 'success' | 'failure' | 'cancelled';
  startedAt: string;
  finishedAt: string;
  /** Commits the sender says it ships (may be empty: then the backend's commit resolution applies). */
  changeShas: string[];
  rollback: boolean;
  rework?: 'hotfix' | 'revert';
  url?: string;
}

/** One merged pull request with its commits. @public */
export interface DoraChangeRow {
  entityRef: string;
  repository: string;
  prNumber: number;
  mergeSha: string;
  openedAt: string;
  mergedAt: string;
  additions: number;
  deletions: number;
  commits: Array<{ sha: string; committedAt: string }>;
  labels: string[];
  url?: string;
}

/** One incident; `resolvedAt` absent while open. @public */
export interface DoraIncidentRow {
  incidentId: string;
  entityRef: string;
  severity: string;
  openedAt: string;
  resolvedAt?: string;
  causedByDeploymentId?: string;
  rootCauseSha?: string;
  url?: string;
}

/** How the numbers are computed; every field has a config default. @public */
export interface DoraOptions {
  /** Inclusive ISO timestamp. */
  from: string;
  /** Exclusive ISO timestamp. */
  to: string;
  environment: string;
  /** Lead time starts at the commit (default) or at the PR merge. */
  leadTimeStart: 'commit' | 'merge';
  /** Subtract Saturday and Sunday (UTC) time from lead times. */
  excludeWeekends: boolean;
  tierModel: DoraTierModel;
}

/** @public */
export interface DeploymentFrequency {
  /** Successful deployments in the window. */
  deployments: number;
  perWeek: number;
  perDay: number;
  /** Median over the window's weeks of the number of distinct UTC days with a deployment. */
  medianDeploymentDaysPerWeek: number;
  tier: DoraTier | null;
}

/** @public */
export interface LeadTime {
  /** Number of commits (or changes when starting at merge) measured. */
  samples: number;
  medianHours: number | null;
  p90Hours: number | null;
  tier: DoraTier | null;
}

/** @public */
export interface ChangeFailureRate {
  deployments: number;
  /** Deployments linked to at least one incident, or marked rolled back. */
  failed: number;
  /** 0..1, null without deployments. */
  rate: number | null;
  tier: DoraTier | null;
}

/** @public */
export interface RecoveryTime {
  resolved: number;
  open: number;
  medianHours: number | null;
  tier: DoraTier | null;
}

/** @public */
export interface ReworkRate {
  deployments: number;
  rework: number;
  rate: number | null;
}

/** One ISO week (Monday 00:00 UTC) of the trend charts. @public */
export interface DoraWeek {
  weekStart: string;
  /** Successful deployments that week (the north-star series). */
  deployments: number;
  deploymentDays: number;
  leadTimeMedianHours: number | null;
  changeFailureRate: number | null;
  recoveryMedianHours: number | null;
}

/** @public */
export interface PrSizeBucket {
  /** e.g. "1–10", "11–50", "51–200", "201–1000", "1000+" lines (additions + deletions). */
  label: string;
  minLines: number;
  maxLines: number | null;
  changes: number;
  medianHoursToMerge: number | null;
}

/** Everything the four tiles, the extra numbers and the charts show. @public */
export interface DoraSummary {
  deploymentFrequency: DeploymentFrequency;
  leadTime: LeadTime;
  changeFailureRate: ChangeFailureRate;
  recoveryTime: RecoveryTime;
  reworkRate: ReworkRate;
}

/** Response of `GET /dora/metrics`. @public */
export interface DoraMetricsResponse extends DoraSummary {
  entityRef: string;
  /** Components the numbers cover: the entity itself, or a Group's owned components. */
  entityRefs: string[];
  options: DoraOptions;
  /** Same numbers for the window of equal length just before `from`. */
  previous: DoraSummary;
  weekly: DoraWeek[];
  prSizeVsMergeTime: PrSizeBucket[];
  /** Counts of what the numbers were computed from, for the explanation popovers. */
  inputs: {
    deployments: number;
    changes: number;
    incidents: number;
    failedRuns: number;
  };
}

/** A drill-down row: a deployment (any status) and what it is counted as. @public */
export interface DoraDeploymentDetail extends DoraDeploymentRow {
  /** true only for successful deployments in the environment. */
  countsAsDeployment: boolean;
  /** Commits this deployment shipped first (what its lead times are measured on). */
  shippedShas: string[];
  failed: boolean;
  incidentIds: string[];
}

/** @public */
export interface DoraChangeDetail extends DoraChangeRow {
  /** The first successful deployment that shipped the merge commit, if any. */
  deploymentId: string | null;
  deployedAt: string | null;
  /** Lead time of the change's commits (median), or from merge, per options. */
  leadTimeHours: number | null;
  hoursToMerge: number;
}

/** @public */
export interface DoraIncidentDetail extends DoraIncidentRow {
  /** null while open. */
  recoveryHours: number | null;
  /** When recovery time starts: the earlier of openedAt and the causing deployment's finishedAt. */
  impactStartedAt: string;
}

/** Response of `GET /dora/group`: a Group's components with their tiers. @public */
export interface DoraGroupResponse {
  groupRef: string;
  options: DoraOptions;
  /** Roll-up over all owned components. */
  summary: DoraSummary;
  /** The roll-up for the window of equal length just before `from`. */
  previous: DoraSummary;
  components: Array<{ entityRef: string } & DoraSummary>;
}

/** Responses of the drill-down routes. @public */
export interface DoraDeploymentsResponse {
  items: DoraDeploymentDetail[];
}
/** @public */
export interface DoraChangesResponse {
  items: DoraChangeDetail[];
}
/** @public */
export interface DoraIncidentsResponse {
  items: DoraIncidentDetail[];
}
