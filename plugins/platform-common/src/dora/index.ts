export * from './types';
export * from './computationTypes';
export { computeDora } from './computeDora';
export { interpolatedQuantile } from './quantile';
export { TIER_THRESHOLDS, tierFor } from './tiers';
