export { MetricTile } from './MetricTile';
export type { MetricTileProps } from './MetricTile';
export { describeChange } from './change';
export type { ChangeDescription, MetricChange } from './change';
