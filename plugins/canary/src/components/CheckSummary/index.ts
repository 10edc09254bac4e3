export { CheckBadges } from './CheckBadges';
export { CheckStatusChip } from './CheckStatusChip';
export { CheckSummary } from './CheckSummary';
export { describeRuns, RunSparkline, SPARKLINE_RUNS } from './RunSparkline';
