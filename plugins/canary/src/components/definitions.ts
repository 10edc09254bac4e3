import { CanaryStatus } from '../api/types';

/**
 * What each canary word means, shown in the info popovers and tooltips:
 * short versions of docs/canary.md, with the thresholds the backend is
 * configured with (`GET /canary/status` names them). Keep the two in step.
 */

/** The thresholds the backend judges checks by. @public */
export type CanaryThresholds = CanaryStatus['thresholds'];

/** @public */
export function verdictDefinition(t: CanaryThresholds): string {
  return `Over the checks in the clusters this service runs in, leaving out checks in maintenance: down when a critical capability (${t.criticalCapabilities.join(
    ', ',
  )}) has a down check in every one of its clusters; degraded when any check is down, stale or flapping; healthy when at least one check is up and none is troubled; unknown when no check has a result yet.`;
}

/** @public */
export function stateDefinition(t: CanaryThresholds): string {
  return `A check goes down after ${t.downAfter} consecutive failures (fail or timeout) and up after ${t.upAfter} consecutive passes. An error is the runner’s own fault: it neither counts nor breaks a streak. A check starts unknown and needs a full streak to leave it.`;
}

/** @public */
export function flappingDefinition(t: CanaryThresholds): string {
  return `The weighted share of state changes among the last 21 results (newer changes weigh more): a check starts flapping at ${t.flapEnterPercent} % and stops at ${t.flapExitPercent} %. Notifications are muted while it flaps.`;
}

/** @public */
export function platformWideDefinition(t: CanaryThresholds): string {
  return `The same check is down in at least ${t.platformWideMinClusters} clusters at once: the trouble is likely in something the clusters share, not in this one.`;
}

/** @public */
export const STALE_DEFINITION =
  'No pass, fail or timeout for two intervals of the check: its state is old news, so the cell says stale rather than staying green. Errors do not keep a check fresh.';

/** @public */
export const UPTIME_DEFINITION =
  'Passes ÷ (passes + fails + timeouts) over the window’s hourly roll-ups. Errors and runs in a maintenance window are left out; with no pass or failure there is no uptime, never 100 %. Windows are whole UTC hours plus the current one.';

/** @public */
export const P95_DEFINITION =
  'The exact 95th percentile of the durations of the passes, fails and timeouts in the window (interpolated, rank 0.95 × (n − 1)).';
