export * from './EntityEmptyState';
export * from './EnvironmentPicker';
export * from './MetricTile';
export * from './StatusChip';
export * from './TierChip';
export * from './TimeWindowPicker';
export * from './urlState';
export * from './WeeklyTrendChart';
