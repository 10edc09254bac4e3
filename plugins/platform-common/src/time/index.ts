export { DAY_MS, HOUR_MS, WEEK_MS } from './utc';
export {
  daysEndingAfter,
  lastDays,
  previousWindow,
  resolveWindow,
} from './windows';
export type { IsoWindow } from './windows';
