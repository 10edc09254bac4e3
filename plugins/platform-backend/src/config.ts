import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/** The shared backend's settings; each feature reads its own `platform.<id>`. */
export interface PlatformConfig {
  intake: {
    maxBatchSize: number;
    maxBodySize: string | number;
    maxFutureSkewMs: number;
  };
  topics: string[];
  linker: {
    cacheTtlMs: number;
    schedule: SchedulerServiceTaskScheduleDefinition;
    /** Only unlinked events received this recently are relinked. */
    relinkWindowMs: number;
    maxRelinkPerRun: number;
  };
  retention: {
    /** Unlinked events received longer ago are deleted; undefined keeps them. */
    unlinkedEventsMs?: number;
    /** Source payloads of events received longer ago are cleared; undefined keeps them. */
    rawPayloadsMs?: number;
    schedule: SchedulerServiceTaskScheduleDefinition;
  };
  projections: {
    pageSize: number;
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

/** A retention period: a duration, or `false` to keep forever (undefined). */
function retentionMs(
  config: Config | undefined,
  key: string,
  fallback: HumanDuration,
): number | undefined {
  if (config?.getOptional(key) === false) return undefined;
  const ms = durationMs(config, key, fallback);
  if (!(ms > 0)) {
    throw new Error(
      `platform.retention.${key} must be a positive duration, or false to keep forever`,
    );
  }
  return ms;
}

/** A task schedule under `config.schedule`, or the fallback. */
export function readSchedule(
  config: Config | undefined,
  fallback: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  return config?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('schedule'),
      )
    : fallback;
}

/** A string setting limited to `allowed`; the error names the full key via `at`. */
export function oneOf<T extends string>(
  config: Config | undefined,
  key: string,
  allowed: readonly T[],
  fallback: T,
  at: (key: string) => string,
): T {
  const value = config?.getOptionalString(key) ?? fallback;
  if (!allowed.includes(value as T)) {
    throw new Error(`${at(key)} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function positiveInteger(
  config: Config | undefined,
  key: string,
  fallback: number,
  at: string,
): number {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${at} must be a positive integer`);
  }
  return value;
}

/** Reads the shared `platform.*` keys with the defaults documented in config.d.ts. */
export function readPlatformConfig(root: Config): PlatformConfig {
  const platform = root.getOptionalConfig('platform');
  const intake = platform?.getOptionalConfig('intake');
  const linker = platform?.getOptionalConfig('linker');
  const projections = platform?.getOptionalConfig('projections');
  const retention = platform?.getOptionalConfig('retention');
  const relinkWindowMs = durationMs(linker, 'relinkWindow', { days: 30 });
  if (!(relinkWindowMs > 0)) {
    throw new Error('platform.linker.relinkWindow must be a positive duration');
  }
  const unlinkedEventsMs = retentionMs(retention, 'unlinkedEvents', {
    days: 90,
  });
  if (unlinkedEventsMs !== undefined && unlinkedEventsMs < relinkWindowMs) {
    throw new Error(
      'platform.retention.unlinkedEvents must not be shorter than platform.linker.relinkWindow: events would be deleted while they may still be linked',
    );
  }
  return {
    intake: {
      maxBatchSize: positiveInteger(
        intake,
        'maxBatchSize',
        10_000,
        'platform.intake.maxBatchSize',
      ),
      maxBodySize:
        intake?.getOptional<string | number>('maxBodySize') ?? '25mb',
      maxFutureSkewMs: durationMs(intake, 'maxFutureSkew', { hours: 24 }),
    },
    topics: platform?.getOptionalStringArray('events.topics') ?? [
      'goldenpath.events',
    ],
    linker: {
      cacheTtlMs: durationMs(linker, 'cacheTtl', { minutes: 5 }),
      schedule: readSchedule(linker, {
        frequency: { minutes: 1 },
        timeout: { minutes: 5 },
        initialDelay: { seconds: 20 },
      }),
      relinkWindowMs,
      maxRelinkPerRun: positiveInteger(
        linker,
        'maxRelinkPerRun',
        10_000,
        'platform.linker.maxRelinkPerRun',
      ),
    },
    retention: {
      unlinkedEventsMs,
      rawPayloadsMs: retentionMs(retention, 'rawPayloads', { days: 30 }),
      schedule: readSchedule(retention, {
        frequency: { hours: 1 },
        timeout: { minutes: 30 },
        initialDelay: { minutes: 2 },
      }),
    },
    projections: {
      pageSize: positiveInteger(
        projections,
        'pageSize',
        5000,
        'platform.projections.pageSize',
      ),
      schedule: readSchedule(projections, {
        frequency: { minutes: 1 },
        timeout: { minutes: 10 },
        initialDelay: { seconds: 5 },
      }),
    },
  };
}
