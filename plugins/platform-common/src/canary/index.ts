export * from './types';
export { CANARY_CAPABILITIES } from './capabilities';
export {
  allDurations,
  durationBucket,
  durationBucketStart,
} from './durationBuckets';
export type { BucketedDurations, CanaryDurations } from './durationBuckets';
export {
  CANARY_STALE_INTERVALS,
  DEFAULT_CANARY_INTERVAL_MS,
  DEFAULT_CANARY_STATE,
  evaluateCanaryCheck,
  evaluateCanaryChecks,
  inferCanaryIntervalMs,
} from './evaluate';
export { CANARY_FLAP_HISTORY, flapPercent } from './flapping';
export { maintenanceMatcher } from './maintenance';
export type { CanaryMaintenanceMatcher } from './maintenance';
export {
  CANARY_WINDOW_HOURS,
  canaryWindow,
  canaryWindowStats,
  rollUpCanaryHours,
} from './rollups';
export { canaryImpact, DEFAULT_PLATFORM_WIDE_MIN_CLUSTERS } from './impact';
export { canaryVerdict, DEFAULT_CRITICAL_CAPABILITIES } from './verdict';
export {
  canaryFailingPeriods,
  canaryStateAt,
  platformOrProduct,
} from './platformOrProduct';
