export * from './MetricTile';
export * from './TierChip';
export * from './WeeklyTrendChart';
