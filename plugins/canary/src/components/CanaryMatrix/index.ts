export { CanaryMatrix } from './CanaryMatrix';
