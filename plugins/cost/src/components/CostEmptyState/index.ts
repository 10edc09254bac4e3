export { CostEmptyState } from './CostEmptyState';
