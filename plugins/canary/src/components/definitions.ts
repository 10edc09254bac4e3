/**
 * What each canary word means, shown in the info popovers: short versions of
 * docs/canary.md. Keep the two in step.
 */

/** @public */
export const VERDICT_DEFINITION =
  'Over the checks in the clusters this service runs in, leaving out checks in maintenance: down when a critical capability (deploy or ingress by default) has a down check in every one of its clusters; degraded when any check is down, stale or flapping; healthy when at least one check is up and none is troubled; unknown when no check has a result yet.';

/** @public */
export const STATE_DEFINITION =
  'A check goes down after 3 consecutive failures (fail or timeout) and up after 2 consecutive passes (the backend’s thresholds). An error is the runner’s own fault: it neither counts nor breaks a streak. A check starts unknown and needs a full streak to leave it.';

/** @public */
export const STALE_DEFINITION =
  'No pass, fail or timeout for two intervals of the check: its state is old news, so the cell says stale rather than staying green. Errors do not keep a check fresh.';

/** @public */
export const FLAPPING_DEFINITION =
  'The weighted share of state changes among the last 21 results (newer changes weigh more): a check starts flapping at 50 % and stops at 25 %. Notifications are muted while it flaps.';

/** @public */
export const UPTIME_DEFINITION =
  'Passes ÷ (passes + fails + timeouts) over the window’s hourly roll-ups. Errors and runs in a maintenance window are left out; with no pass or failure there is no uptime, never 100 %. Windows are whole UTC hours plus the current one.';

/** @public */
export const P95_DEFINITION =
  'The exact 95th percentile of the durations of the passes, fails and timeouts in the window (interpolated, rank 0.95 × (n − 1)).';

/** @public */
export const PLATFORM_WIDE_DEFINITION =
  'The same check is down in at least two clusters at once: the trouble is likely in something the clusters share, not in this one.';
