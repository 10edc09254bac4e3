export { EntityEmptyState } from './EntityEmptyState';
export type {
  EntityActivitySummary,
  EntityEmptyStateProps,
} from './EntityEmptyState';
