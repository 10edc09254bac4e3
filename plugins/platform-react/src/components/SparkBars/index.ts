export { SparkBars } from './SparkBars';
export type { SparkBar, SparkBarsProps } from './SparkBars';
