export {
  DailyStackedBarChart,
  describeDailyStack,
} from './DailyStackedBarChart';
export type {
  DailyStackedBarChartProps,
  DailyStackPoint,
  DailyStackSeries,
} from './DailyStackedBarChart';
