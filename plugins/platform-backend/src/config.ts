import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { DoraDefaults } from './dora/DoraService';

export interface PlatformConfig {
  dora: DoraDefaults & {
    projectionSchedule: SchedulerServiceTaskScheduleDefinition;
  };
  intake: {
    maxBatchSize: number;
    maxBodySize: string | number;
    maxFutureSkewMs: number;
  };
  topics: string[];
  linker: {
    cacheTtlMs: number;
    schedule: SchedulerServiceTaskScheduleDefinition;
  };
  demo: {
    enabled: boolean;
    historyDays: number;
    telemetryDays: number;
    schedule: SchedulerServiceTaskScheduleDefinition;
  };
}

function durationMs(
  config: Config | undefined,
  key: string,
  fallback: HumanDuration,
) {
  return durationToMilliseconds(
    config?.has(key) ? readDurationFromConfig(config, { key }) : fallback,
  );
}

function schedule(
  config: Config | undefined,
  fallback: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  return config?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('schedule'),
      )
    : fallback;
}

function oneOf<T extends string>(
  config: Config | undefined,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = config?.getOptionalString(key) ?? fallback;
  if (!allowed.includes(value as T)) {
    throw new Error(
      `platform.dora.${key} must be one of ${allowed.join(', ')}`,
    );
  }
  return value as T;
}

/** Reads `platform.*` with the defaults documented in config.d.ts. */
export function readPlatformConfig(root: Config): PlatformConfig {
  const platform = root.getOptionalConfig('platform');
  const intake = platform?.getOptionalConfig('intake');
  const linker = platform?.getOptionalConfig('linker');
  const demo = platform?.getOptionalConfig('demo');
  const dora = platform?.getOptionalConfig('dora');
  const maxBatchSize = intake?.getOptionalNumber('maxBatchSize') ?? 10_000;
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) {
    throw new Error('platform.intake.maxBatchSize must be a positive integer');
  }
  return {
    dora: {
      environment: dora?.getOptionalString('environment') ?? 'production',
      leadTimeStart: oneOf(
        dora,
        'leadTimeStart',
        ['commit', 'merge'],
        'commit',
      ),
      excludeWeekends: dora?.getOptionalBoolean('excludeWeekends') ?? false,
      tierModel: oneOf(dora, 'tierModel', ['2024', '2023'], '2024'),
      windowDays: dora?.getOptionalNumber('windowDays') ?? 90,
      shipmentLookbackDays:
        dora?.getOptionalNumber('shipmentLookbackDays') ?? 90,
      projectionSchedule: schedule(dora, {
        frequency: { minutes: 1 },
        timeout: { minutes: 10 },
        initialDelay: { seconds: 5 },
      }),
    },
    intake: {
      maxBatchSize,
      maxBodySize:
        intake?.getOptional<string | number>('maxBodySize') ?? '25mb',
      maxFutureSkewMs: durationMs(intake, 'maxFutureSkew', { hours: 24 }),
    },
    topics: platform?.getOptionalStringArray('events.topics') ?? [
      'goldenpath.events',
    ],
    linker: {
      cacheTtlMs: durationMs(linker, 'cacheTtl', { minutes: 5 }),
      schedule: schedule(linker, {
        frequency: { minutes: 1 },
        timeout: { minutes: 5 },
        initialDelay: { seconds: 20 },
      }),
    },
    demo: {
      enabled: demo?.getOptionalBoolean('enabled') ?? false,
      historyDays: demo?.getOptionalNumber('historyDays') ?? 180,
      telemetryDays: demo?.getOptionalNumber('telemetryDays') ?? 30,
      schedule: schedule(demo, {
        frequency: { hours: 1 },
        timeout: { minutes: 10 },
        initialDelay: { seconds: 15 },
      }),
    },
  };
}
