import { DoraMetricKey } from '@goldenpath/plugin-platform-common';

/**
 * What each number means, shown in the tiles' info popovers: short versions
 * of docs/metrics.md. Keep the two in step. The tier thresholds come from
 * `TIER_THRESHOLDS` in `@goldenpath/plugin-platform-common`.
 */

/** @public */
export const DEPLOYMENT_FREQUENCY_DEFINITION =
  'A deployment is a deployment.finished with status success in the selected environment; failed and cancelled runs never count. Per week = deployments ÷ days in the window × 7. The tier is graded on deployment days: the median, over the ISO weeks of the window, of the number of distinct UTC days with a deployment.';

/** @public */
export const LEAD_TIME_DEFINITION =
  'For each commit shipped for the first time by a deployment that finished in the window: the deployment’s finish time minus the commit time. Starting at merge instead gives one value per pull request (finish time minus merge time). Optionally the UTC Saturday and Sunday part is left out. The tile shows the median; p90 shows the slow tail.';

/** @public */
export const CHANGE_FAILURE_RATE_DEFINITION =
  'Failed deployments ÷ deployments in the window. A deployment failed if an incident is linked to it (the incident names it, or its root-cause commit was first shipped by it) or if it was rolled back (the next deployment is a rollback). Several incidents on one deployment are one failure.';

/** @public */
export const RECOVERY_TIME_DEFINITION =
  'For incidents linked to a deployment in the window or opened in it: resolution time minus the start of impact (the earlier of the incident opening and the linked deployment finishing). The tile shows the median over resolved incidents; incidents still open at the end of the window are counted but not measured.';

/** @public */
export const REWORK_RATE_DEFINITION =
  'Deployment rework rate: deployments marked as a hotfix or a revert, or that are rollbacks, ÷ the deployments in the window. It has no tier.';

/** @public */
export const DEPLOYMENTS_PER_WEEK_DEFINITION =
  'Successful deployments per week: the north-star number. Small, frequent, successful deployments are what the other metrics reward.';

/** @public */
export const DEPLOYMENT_DAYS_DEFINITION =
  'Median, over the ISO weeks of the window, of the number of distinct UTC days with at least one successful deployment. Deployment frequency is graded on this.';

/** @public */
export const METRIC_DEFINITIONS: Record<DoraMetricKey, string> = {
  deploymentFrequency: DEPLOYMENT_FREQUENCY_DEFINITION,
  leadTime: LEAD_TIME_DEFINITION,
  changeFailureRate: CHANGE_FAILURE_RATE_DEFINITION,
  recoveryTime: RECOVERY_TIME_DEFINITION,
};

/** @public */
export const METRIC_TITLES: Record<DoraMetricKey, string> = {
  deploymentFrequency: 'Deployment frequency',
  leadTime: 'Lead time for changes',
  changeFailureRate: 'Change failure rate',
  recoveryTime: 'Failed deployment recovery time',
};
