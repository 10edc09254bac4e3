import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** One cluster a poller reads: its name in events and where its API is. */
export interface CostSourceCluster {
  /** The cluster name events carry (`data.cluster`, `subject.cluster`). */
  name: string;
  /** Base URL of the API, without a trailing slash. */
  baseUrl: string;
  /** Sent with every request (e.g. Authorization); never logged. */
  headers: Record<string, string>;
  /**
   * Prometheus only: label matchers added to every selector, for a Prometheus
   * (Thanos, Mimir) that holds several clusters, e.g. `cluster="prod-eu"`.
   */
  selector?: string;
}

/** The settings of one poller (`platform.cost.sources.<source>`). */
export interface CostSourceSettings {
  clusters: CostSourceCluster[];
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Finished hours re-read on every run (late data; re-sends are duplicates). */
  lookbackHours: number;
  /** How far back a run reaches to fill hours missed while the backend was down. */
  maxCatchUpHours: number;
  /** Per HTTP request. */
  requestTimeoutMs: number;
}

export type CostSourceName = 'opencost' | 'prometheus';

export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 15 },
  initialDelay: { minutes: 1 },
};

const DEFAULTS = {
  lookbackHours: 3,
  maxCatchUpHours: 24,
  requestTimeout: { seconds: 60 },
};

/** A cluster name is a path segment of event ids: no "/" (see README). */
const CLUSTER_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.:]*[A-Za-z0-9])?$/;

function hours(
  source: Config,
  key: string,
  fallback: number,
  path: string,
): number {
  const value = source.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > 24 * 31) {
    throw new Error(
      `${path}.${key} must be a whole number of hours from 1 to 744, got ${value}`,
    );
  }
  return value;
}

function readHeaders(cluster: Config, path: string): Record<string, string> {
  const headers = cluster.getOptionalConfig('headers');
  if (!headers) return {};
  const result: Record<string, string> = {};
  for (const key of headers.keys()) {
    // a header name is a token (RFC 9110); anything else would make fetch throw later
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(key)) {
      throw new Error(`${path}.headers: "${key}" is not a valid header name`);
    }
    result[key] = headers.getString(key);
  }
  return result;
}

function readCluster(
  cluster: Config,
  path: string,
  source: CostSourceName,
): CostSourceCluster {
  const name = cluster.getString('name');
  if (!CLUSTER_NAME.test(name) || name.length > 200) {
    throw new Error(
      `${path}.name "${name}" must be 1 to 200 letters, digits, "-", "_", "." or ":" (no "/"), starting and ending with a letter or digit`,
    );
  }
  const rawUrl = cluster.getString('baseUrl');
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new Error(`${path}.baseUrl "${rawUrl}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${path}.baseUrl must be an http or https URL`);
  }
  if (url.search || url.hash) {
    throw new Error(`${path}.baseUrl must have no query or fragment`);
  }
  const selector = cluster.getOptionalString('selector')?.trim();
  if (selector !== undefined && source !== 'prometheus') {
    throw new Error(`${path}.selector is only read for Prometheus clusters`);
  }
  if (selector !== undefined && /[{}]/.test(selector)) {
    throw new Error(
      `${path}.selector holds label matchers without braces, e.g. cluster="prod-eu"`,
    );
  }
  return {
    name,
    baseUrl: url.toString().replace(/\/+$/, ''),
    headers: readHeaders(cluster, path),
    ...(selector ? { selector } : {}),
  };
}

/**
 * Reads `platform.cost.sources.<source>`; undefined when the source has no
 * clusters. Throws at startup with the key's path for a wrong value, so a
 * typo does not become a poller that silently reads nothing.
 */
export function readCostSourceSettings(
  root: Config,
  source: CostSourceName,
): CostSourceSettings | undefined {
  const path = `platform.cost.sources.${source}`;
  const config = root.getOptionalConfig(path);
  const clusterConfigs = config?.getOptionalConfigArray('clusters') ?? [];
  if (!config || clusterConfigs.length === 0) return undefined;

  const clusters = clusterConfigs.map((c, i) =>
    readCluster(c, `${path}.clusters[${i}]`, source),
  );
  const seen = new Set<string>();
  for (const cluster of clusters) {
    if (seen.has(cluster.name)) {
      throw new Error(`${path}.clusters: "${cluster.name}" is listed twice`);
    }
    seen.add(cluster.name);
  }

  const lookbackHours = hours(
    config,
    'lookbackHours',
    DEFAULTS.lookbackHours,
    path,
  );
  const maxCatchUpHours = hours(
    config,
    'maxCatchUpHours',
    Math.max(DEFAULTS.maxCatchUpHours, lookbackHours),
    path,
  );
  if (maxCatchUpHours < lookbackHours) {
    throw new Error(
      `${path}.maxCatchUpHours (${maxCatchUpHours}) must be at least lookbackHours (${lookbackHours})`,
    );
  }
  const requestTimeoutMs = durationToMilliseconds(
    config.has('requestTimeout')
      ? readDurationFromConfig(config, { key: 'requestTimeout' })
      : DEFAULTS.requestTimeout,
  );
  if (!(requestTimeoutMs > 0)) {
    throw new Error(`${path}.requestTimeout must be longer than 0`);
  }

  return {
    clusters,
    schedule: config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    lookbackHours,
    maxCatchUpHours,
    requestTimeoutMs,
  };
}
