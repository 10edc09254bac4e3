export { CanaryEmptyState } from './CanaryEmptyState';
