/**
 * Shapes of the pure DORA computation (`computeDora`) and of the documented
 * tier thresholds. The response shapes it fills live in `./types`.
 */
import type {
  DoraChangeDetail,
  DoraChangeRow,
  DoraDeploymentDetail,
  DoraDeploymentRow,
  DoraIncidentDetail,
  DoraIncidentRow,
  DoraInputCounts,
  DoraMetricKey,
  DoraSummary,
  DoraTier,
  DoraTierModel,
  DoraWeek,
  PrSizeBucket,
} from './types';

/**
 * Rows `computeDora` reads. Every list may reach back before `from`: history
 * decides which deployment shipped a commit first.
 *
 * @public
 */
export interface DoraInput {
  /** Every `deployment.finished`, all environments and statuses. */
  deployments: DoraDeploymentRow[];
  changes: DoraChangeRow[];
  /** May include incidents opened before `from`. */
  incidents: DoraIncidentRow[];
}

/** Result of `computeDora`; definitions in docs/metrics.md. @public */
export interface DoraComputation {
  summary: DoraSummary;
  /** Every ISO week overlapping `[from, to)`, oldest first, zeros or nulls where nothing happened. */
  weekly: DoraWeek[];
  prSizeVsMergeTime: PrSizeBucket[];
  /** Runs (any status) in the environment that finished in the window, newest first. */
  deployments: DoraDeploymentDetail[];
  /** Changes merged in the window, newest first. */
  changes: DoraChangeDetail[];
  /** Incidents linked to a deployment in the window or opened in it, newest first. */
  incidents: DoraIncidentDetail[];
  inputs: DoraInputCounts;
}

/** The number a tier condition compares. @public */
export type DoraTierMeasure =
  | 'medianDeploymentDaysPerWeek'
  | 'medianDeploymentDaysPerMonth'
  | 'hours'
  | 'rate';

/** @public */
export interface DoraTierCondition {
  measure: DoraTierMeasure;
  operator: '<' | '<=' | '>=';
  value: number;
}

/**
 * One tier of one metric. Rules are listed elite first; the first whose
 * condition holds wins, and `low` has no condition (it takes the rest).
 *
 * @public
 */
export interface DoraTierRule {
  tier: DoraTier;
  /** Plain words for the explanation popovers. */
  description: string;
  condition?: DoraTierCondition;
}

/** @public */
export type DoraTierThresholds = Record<
  DoraTierModel,
  Record<DoraMetricKey, DoraTierRule[]>
>;
