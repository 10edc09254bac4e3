import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

export interface DemoConfig {
  enabled: boolean;
  historyDays: number;
  telemetryDays: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

function positiveInteger(
  demo: Config | undefined,
  key: string,
  fallback: number,
): number {
  const value = demo?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`platform.demo.${key} must be a positive integer`);
  }
  return value;
}

/**
 * Reads `platform.demo.*` with the defaults documented in config.d.ts.
 * Installing the module is the opt-in, so `enabled` defaults to true.
 */
export function readDemoConfig(root: Config): DemoConfig {
  const demo = root.getOptionalConfig('platform.demo');
  return {
    enabled: demo?.getOptionalBoolean('enabled') ?? true,
    historyDays: positiveInteger(demo, 'historyDays', 180),
    telemetryDays: positiveInteger(demo, 'telemetryDays', 30),
    schedule: demo?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          demo.getConfig('schedule'),
        )
      : {
          frequency: { hours: 1 },
          timeout: { minutes: 10 },
          initialDelay: { seconds: 15 },
        },
  };
}
