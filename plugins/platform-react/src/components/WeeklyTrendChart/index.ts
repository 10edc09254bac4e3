export { WeeklyTrendChart, describeWeeklyTrend } from './WeeklyTrendChart';
export type {
  WeeklyTrendChartProps,
  WeeklyTrendPoint,
} from './WeeklyTrendChart';
