export * from './types';
export * from './computationTypes';
export { computeDora } from './computeDora';
export { TIER_THRESHOLDS, tierFor } from './tiers';
