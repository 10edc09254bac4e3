export { StatusChip, STATUS_LABELS } from './StatusChip';
export type { Status, StatusChipProps } from './StatusChip';
