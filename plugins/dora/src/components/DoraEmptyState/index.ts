export { DoraEmptyState } from './DoraEmptyState';
export type { DoraEmptyStateProps } from './DoraEmptyState';
