import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  CostIdleScope,
  CostRightSizingOptions,
  MIB,
} from '@goldenpath/plugin-platform-common';
import { oneOf, readSchedule } from '../config';
import { NodePriceOverride, readPriceOverride } from './nodePrices';

/** `platform.cost.*` with defaults (config.d.ts documents each key). */
export interface CostSettings {
  windowDays: number;
  /** Amounts are multiplied by `rate` and shown in `code`. */
  currency: { code: string; rate: number };
  /** Configured prices per (instance type, capacity type); they win over node.cost. */
  priceOverride: NodePriceOverride;
  idle: { share: boolean; by: CostIdleScope };
  rightSizing: CostRightSizingOptions;
  retention: {
    rawDays: number;
    hourlyDays: number;
    dailyDays: number;
    schedule: SchedulerServiceTaskScheduleDefinition;
  };
  deployments: {
    compareDays: number;
    raiseThreshold: number;
    /** Only successful deployments to this environment (lower-cased) count. */
    environment: string;
  };
}

const at = (key: string) => `platform.cost.${key}`;

function number(
  config: Config | undefined,
  key: string,
  fallback: number,
  valid: (n: number) => boolean,
  rule: string,
): number {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isFinite(value) || !valid(value)) {
    throw new Error(`${at(key)} must be ${rule}, got ${value}`);
  }
  return value;
}

const positiveInteger = (config: Config | undefined, key: string, d: number) =>
  number(
    config,
    key,
    d,
    n => Number.isInteger(n) && n >= 1,
    'a whole number of 1 or more',
  );

/** Reads and checks `platform.cost`; a bad value stops the backend with the key's name. */
export function readCostConfig(root: Config): CostSettings {
  const cost = root.getOptionalConfig('platform.cost');
  const code = cost?.getOptionalString('currency.code') ?? 'USD';
  if (!/^[A-Za-z]{3}$/.test(code)) {
    throw new Error(
      `${at(
        'currency.code',
      )} must be a three-letter currency code, got ${code}`,
    );
  }
  const rawDays = positiveInteger(cost, 'retention.rawDays', 35);
  const hourlyDays = positiveInteger(cost, 'retention.hourlyDays', 400);
  const dailyDays = positiveInteger(cost, 'retention.dailyDays', 1095);
  if (!(rawDays <= hourlyDays && hourlyDays <= dailyDays)) {
    throw new Error(
      `${at(
        'retention',
      )}: rawDays (${rawDays}) ≤ hourlyDays (${hourlyDays}) ≤ dailyDays (${dailyDays}) is required, since each level is rolled up from the one below`,
    );
  }
  return {
    windowDays: number(
      cost,
      'windowDays',
      30,
      n => Number.isInteger(n) && n >= 1 && n <= 366,
      'a whole number of days from 1 to 366',
    ),
    currency: {
      code: code.toUpperCase(),
      rate: number(cost, 'currency.rate', 1, n => n > 0, 'a positive number'),
    },
    priceOverride: readPriceOverride(cost),
    idle: {
      share: cost?.getOptionalBoolean('idle.share') ?? false,
      by: oneOf(cost, 'idle.by', ['cluster', 'node'], 'cluster', at),
    },
    rightSizing: {
      percentile: number(
        cost,
        'rightSizing.percentile',
        0.95,
        n => n > 0 && n <= 1,
        'above 0 and at most 1',
      ),
      headroom: number(
        cost,
        'rightSizing.headroom',
        0.2,
        n => n >= 0,
        '0 or more',
      ),
      cpuFloorMillicores: number(
        cost,
        'rightSizing.cpuFloorMillicores',
        10,
        n => Number.isInteger(n) && n >= 0,
        'a whole number of millicores, 0 or more',
      ),
      memoryFloorBytes:
        number(
          cost,
          'rightSizing.memoryFloorMiB',
          20,
          n => Number.isInteger(n) && n >= 0,
          'a whole number of MiB, 0 or more',
        ) * MIB,
    },
    retention: {
      rawDays,
      hourlyDays,
      dailyDays,
      schedule: readSchedule(cost?.getOptionalConfig('retention'), {
        frequency: { hours: 1 },
        timeout: { minutes: 30 },
        initialDelay: { minutes: 3 },
      }),
    },
    deployments: {
      compareDays: number(
        cost,
        'deployments.compareDays',
        7,
        n => Number.isInteger(n) && n >= 1 && n <= 90,
        'a whole number of days from 1 to 90',
      ),
      raiseThreshold: number(
        cost,
        'deployments.raiseThreshold',
        0.1,
        n => n >= 0,
        '0 or more',
      ),
      environment: (
        cost?.getOptionalString('deployments.environment') ?? 'production'
      ).toLowerCase(),
    },
  };
}
