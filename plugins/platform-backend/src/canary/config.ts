import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import {
  CANARY_CAPABILITIES,
  CanaryCapability,
  CanaryMaintenanceWindow,
  CanaryStateOptions,
  CanaryWindowKey,
  DEFAULT_CANARY_STATE,
  DEFAULT_CRITICAL_CAPABILITIES,
  DEFAULT_PLATFORM_WIDE_MIN_CLUSTERS,
  maintenanceMatcher,
} from '@goldenpath/plugin-platform-common';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { oneOf, readSchedule } from '../config';

/** `platform.canary.*` with defaults (config.d.ts documents each key). */
export interface CanarySettings {
  /** The state machine's and flapping detector's thresholds. */
  state: CanaryStateOptions;
  platformWideMinClusters: number;
  criticalCapabilities: CanaryCapability[];
  maintenance: CanaryMaintenanceWindow[];
  /** The window `GET /canary/status` uses when the request names none. */
  defaultWindow: CanaryWindowKey;
  /** How far back a component's own events are searched for its clusters. */
  clusterLookbackMs: number;
  retention: {
    rawDays: number;
    hourlyDays: number;
    schedule: SchedulerServiceTaskScheduleDefinition;
  };
  notifications: {
    enabled: boolean;
    /** Transitions older than this when the task sees them are not sent. */
    maxAgeMs: number;
    schedule: SchedulerServiceTaskScheduleDefinition;
  };
}

const at = (key: string) => `platform.canary.${key}`;

function wholeNumber(
  config: Config | undefined,
  key: string,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `${at(key)} must be a whole number from ${min}${
        max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''
      }, got ${value}`,
    );
  }
  return value;
}

function percent(
  config: Config | undefined,
  key: string,
  fallback: number,
): number {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!(value >= 0 && value <= 100)) {
    throw new Error(`${at(key)} must be a percentage (0 … 100), got ${value}`);
  }
  return value;
}

function durationMs(
  config: Config | undefined,
  key: string,
  fallback: HumanDuration,
): number {
  const ms = durationToMilliseconds(
    config?.has(key) ? readDurationFromConfig(config, { key }) : fallback,
  );
  if (!(ms > 0)) throw new Error(`${at(key)} must be a positive duration`);
  return ms;
}

function capabilities(
  config: Config | undefined,
  key: string,
  fallback: readonly CanaryCapability[],
): CanaryCapability[] {
  const values = config?.getOptionalStringArray(key) ?? [...fallback];
  for (const value of values) {
    if (!CANARY_CAPABILITIES.includes(value as CanaryCapability)) {
      throw new Error(
        `${at(key)}: ${value} is not one of ${CANARY_CAPABILITIES.join(', ')}`,
      );
    }
  }
  return values as CanaryCapability[];
}

function readWindow(window: Config): CanaryMaintenanceWindow {
  const weekly = window.getOptionalConfig('weekly');
  return {
    clusters: window.getOptionalStringArray('clusters'),
    checks: window.getOptionalStringArray('checks'),
    capabilities: window.getOptionalStringArray('capabilities') as
      | CanaryCapability[]
      | undefined,
    from: window.getOptionalString('from'),
    to: window.getOptionalString('to'),
    weekly: weekly
      ? {
          day: weekly.getString('day') as NonNullable<
            CanaryMaintenanceWindow['weekly']
          >['day'],
          start: weekly.getString('start'),
          durationMinutes: weekly.getNumber('durationMinutes'),
        }
      : undefined,
  };
}

/** Drops absent optional fields, so windows compare and serialise cleanly. */
function compact(window: CanaryMaintenanceWindow): CanaryMaintenanceWindow {
  return Object.fromEntries(
    Object.entries(window).filter(([, v]) => v !== undefined),
  ) as CanaryMaintenanceWindow;
}

function readMaintenance(canary: Config | undefined) {
  const windows = (canary?.getOptionalConfigArray('maintenance') ?? [])
    .map(readWindow)
    .map(compact);
  try {
    maintenanceMatcher(windows);
  } catch (error) {
    throw new Error(`${at('')}${(error as Error).message}`);
  }
  return windows;
}

/** Reads and checks `platform.canary`; a bad value stops the backend with the key's name. */
export function readCanaryConfig(root: Config): CanarySettings {
  const canary = root.getOptionalConfig('platform.canary');
  const state: CanaryStateOptions = {
    failuresToDown: wholeNumber(
      canary,
      'thresholds.downAfter',
      DEFAULT_CANARY_STATE.failuresToDown,
      1,
    ),
    passesToUp: wholeNumber(
      canary,
      'thresholds.upAfter',
      DEFAULT_CANARY_STATE.passesToUp,
      1,
    ),
    flapEnterPercent: percent(
      canary,
      'flapping.enterPercent',
      DEFAULT_CANARY_STATE.flapEnterPercent,
    ),
    flapExitPercent: percent(
      canary,
      'flapping.exitPercent',
      DEFAULT_CANARY_STATE.flapExitPercent,
    ),
  };
  if (!(state.flapExitPercent < state.flapEnterPercent)) {
    throw new Error(
      `${at('flapping')}: exitPercent (${
        state.flapExitPercent
      }) must be below enterPercent (${state.flapEnterPercent})`,
    );
  }
  const rawDays = wholeNumber(canary, 'retention.rawDays', 30, 1);
  const hourlyDays = wholeNumber(canary, 'retention.hourlyDays', 400, 1);
  if (rawDays > hourlyDays) {
    throw new Error(
      `${at(
        'retention',
      )}: rawDays (${rawDays}) ≤ hourlyDays (${hourlyDays}) is required, since hours are rolled up from runs`,
    );
  }
  return {
    state,
    platformWideMinClusters: wholeNumber(
      canary,
      'platformWideClusters',
      DEFAULT_PLATFORM_WIDE_MIN_CLUSTERS,
      1,
    ),
    criticalCapabilities: capabilities(
      canary,
      'criticalCapabilities',
      DEFAULT_CRITICAL_CAPABILITIES,
    ),
    maintenance: readMaintenance(canary),
    defaultWindow: oneOf(
      canary,
      'defaultWindow',
      ['1h', '24h', '7d', '30d'],
      '24h',
      at,
    ),
    clusterLookbackMs: durationMs(canary, 'clusterLookback', { days: 7 }),
    retention: {
      rawDays,
      hourlyDays,
      schedule: readSchedule(canary?.getOptionalConfig('retention'), {
        frequency: { hours: 1 },
        timeout: { minutes: 30 },
        initialDelay: { minutes: 4 },
      }),
    },
    notifications: {
      enabled: canary?.getOptionalBoolean('notifications.enabled') ?? true,
      maxAgeMs: durationMs(canary, 'notifications.maxAge', { hours: 1 }),
      schedule: readSchedule(canary?.getOptionalConfig('notifications'), {
        frequency: { seconds: 30 },
        timeout: { minutes: 5 },
        initialDelay: { seconds: 30 },
      }),
    },
  };
}
