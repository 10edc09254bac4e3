export { TierChip, TIER_LABELS } from './TierChip';
export type { TierChipProps } from './TierChip';
