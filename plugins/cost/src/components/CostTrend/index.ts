export { CostTrend } from './CostTrend';
