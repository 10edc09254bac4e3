import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  CANARY_CAPABILITIES,
  CanaryCapability,
} from '@goldenpath/plugin-platform-common';

/**
 * Cluster and check names are path segments of event ids and task ids: no
 * "/", bounded so a task id stays short.
 */
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.:]*[A-Za-z0-9])?$/;
export const MAX_NAME = 100;

export function readName(config: Config, key: string, path: string): string {
  const name = config.getString(key);
  if (!NAME.test(name) || name.length > MAX_NAME) {
    throw new Error(
      `${path}.${key} "${name}" must be 1 to ${MAX_NAME} letters, digits, "-", "_", "." or ":" (no "/"), starting and ending with a letter or digit`,
    );
  }
  return name;
}

export function readCapability(
  config: Config,
  key: string,
  path: string,
): CanaryCapability {
  const value = config.getString(key);
  return checkCapability(value, `${path}.${key}`);
}

export function checkCapability(value: string, path: string): CanaryCapability {
  if (!(CANARY_CAPABILITIES as readonly string[]).includes(value)) {
    throw new Error(
      `${path} "${value}" is not a capability; use one of ${CANARY_CAPABILITIES.join(
        ', ',
      )}`,
    );
  }
  return value as CanaryCapability;
}

/**
 * A duration: a number of seconds, a string ('30s', 'PT1M') or an object
 * ({ minutes: 1 }). Undefined when the key is absent.
 */
export function readOptionalDurationMs(
  config: Config,
  key: string,
  path: string,
): number | undefined {
  if (!config.has(key)) return undefined;
  const seconds = config.getOptional(key);
  const ms =
    typeof seconds === 'number'
      ? seconds * 1000
      : durationToMilliseconds(readDurationFromConfig(config, { key }));
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new Error(`${path}.${key} must be a duration longer than 0`);
  }
  return ms;
}

export function readOptionalInteger(
  config: Config,
  key: string,
  path: string,
  range: [number, number],
): number | undefined {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < range[0] || value > range[1]) {
    throw new Error(
      `${path}.${key} must be a whole number from ${range[0]} to ${range[1]}, got ${value}`,
    );
  }
  return value;
}

/** A string or a list of strings, as a list. */
export function readStringList(config: Config, key: string): string[] {
  const value = config.getOptional(key);
  if (value === undefined) return [];
  if (typeof value === 'string') return [config.getString(key)];
  return config.getStringArray(key);
}

export function rejectDuplicates(names: string[], path: string) {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`${path}: "${name}" is listed twice`);
    seen.add(name);
  }
}
