import { DAY_MS, isoWeekStart, WEEK_MS } from '../time/utc';
import type {
  CanaryCheckKey,
  CanaryMaintenanceWindow,
  CanaryWeekday,
} from './types';

const WEEKDAYS: readonly CanaryWeekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];
const MINUTE_MS = 60_000;
const MAX_WEEKLY_MINUTES = 7 * 24 * 60;

/** A window made ready to test: sets for the filters, times in ms. */
interface CompiledWindow {
  clusters?: Set<string>;
  checks?: Set<string>;
  capabilities?: Set<string>;
  covers: (ms: number) => boolean;
}

/** Tells whether a check is in maintenance at a time. @public */
export type CanaryMaintenanceMatcher = (
  key: CanaryCheckKey,
  ms: number,
) => boolean;

function fail(index: number, message: string): never {
  throw new RangeError(`maintenance[${index}]: ${message}`);
}

function absolute(window: CanaryMaintenanceWindow, index: number) {
  const fromMs = Date.parse(window.from ?? '');
  const toMs = Date.parse(window.to ?? '');
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs <= fromMs) {
    fail(index, `from and to must be timestamps with from < to`);
  }
  return (ms: number) => ms >= fromMs && ms < toMs;
}

function weekly(
  recurrence: NonNullable<CanaryMaintenanceWindow['weekly']>,
  index: number,
) {
  const day = WEEKDAYS.indexOf(recurrence.day);
  const time = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(recurrence.start);
  const minutes = recurrence.durationMinutes;
  if (day < 0) fail(index, `weekly.day must be one of ${WEEKDAYS.join(', ')}`);
  if (!time) fail(index, `weekly.start must be HH:MM (UTC)`);
  if (
    !Number.isInteger(minutes) ||
    minutes < 1 ||
    minutes > MAX_WEEKLY_MINUTES
  ) {
    fail(index, `weekly.durationMinutes must be 1 … ${MAX_WEEKLY_MINUTES}`);
  }
  const offsetMs =
    day * DAY_MS + (Number(time[1]) * 60 + Number(time[2])) * MINUTE_MS;
  const lengthMs = minutes * MINUTE_MS;
  // an occurrence can run past Sunday midnight, so last week's may still cover ms
  return (ms: number) => {
    const thisWeek = isoWeekStart(ms) + offsetMs;
    return [thisWeek, thisWeek - WEEK_MS].some(
      start => ms >= start && ms < start + lengthMs,
    );
  };
}

function compile(window: CanaryMaintenanceWindow, index: number) {
  const hasAbsolute = window.from !== undefined || window.to !== undefined;
  if (hasAbsolute === (window.weekly !== undefined)) {
    fail(index, 'set either from/to or weekly');
  }
  const set = (values?: string[]) => (values ? new Set(values) : undefined);
  const compiled: CompiledWindow = {
    clusters: set(window.clusters),
    checks: set(window.checks),
    capabilities: set(window.capabilities),
    covers: window.weekly
      ? weekly(window.weekly, index)
      : absolute(window, index),
  };
  return compiled;
}

/**
 * Checks the windows once (a RangeError names the first bad one) and returns
 * a matcher: a check is in maintenance at `ms` when a window whose filters all
 * match it covers `ms`.
 *
 * @public
 */
export function maintenanceMatcher(
  windows: CanaryMaintenanceWindow[] = [],
): CanaryMaintenanceMatcher {
  const compiled = windows.map(compile);
  return (key, ms) =>
    compiled.some(
      w =>
        (!w.clusters || w.clusters.has(key.cluster)) &&
        (!w.checks || w.checks.has(key.check)) &&
        (!w.capabilities || w.capabilities.has(key.capability)) &&
        w.covers(ms),
    );
}
