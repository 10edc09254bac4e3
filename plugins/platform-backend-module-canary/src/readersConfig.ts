import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CanaryCapability } from '@goldenpath/plugin-platform-common';
import { CapabilityRules } from './kuberhealthy/mapKuberhealthy';
import { KubernetesCluster, selectClusters } from './kubernetes/clusters';
import {
  checkCapability,
  readOptionalDurationMs,
  readStringList,
} from './shared/configHelpers';

export const READER_DEFAULTS = {
  schedule: {
    frequency: { minutes: 1 },
    timeout: { seconds: 50 },
    initialDelay: { seconds: 30 },
  } as SchedulerServiceTaskScheduleDefinition,
  requestTimeoutMs: 20_000,
  capability: 'deploy' as CanaryCapability,
};

interface ReaderSettings {
  clusters: KubernetesCluster[];
  schedule: SchedulerServiceTaskScheduleDefinition;
  requestTimeoutMs: number;
}

/**
 * A reader is on when its block is present and `enabled` is not false. Its
 * clusters are those of `kubernetes.clusterLocatorMethods`, or the subset it
 * names.
 */
function readReader(
  root: Config,
  key: 'kuberhealthy' | 'rollouts',
  known: () => KubernetesCluster[],
): (ReaderSettings & { config: Config; path: string }) | undefined {
  const path = `platform.canary.${key}`;
  const config = root.getOptionalConfig(path);
  if (!config || config.getOptionalBoolean('enabled') === false)
    return undefined;
  const names = config.has('clusters')
    ? readStringList(config, 'clusters')
    : undefined;
  return {
    config,
    path,
    clusters: selectClusters(known(), names, `${path}.clusters`),
    schedule: config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : READER_DEFAULTS.schedule,
    requestTimeoutMs:
      readOptionalDurationMs(config, 'requestTimeout', path) ??
      READER_DEFAULTS.requestTimeoutMs,
  };
}

/** `platform.canary.kuberhealthy`; undefined when off. */
export function readKuberhealthySettings(
  root: Config,
  known: () => KubernetesCluster[],
): (ReaderSettings & { rules: CapabilityRules }) | undefined {
  const reader = readReader(root, 'kuberhealthy', known);
  if (!reader) return undefined;
  const { config, path, ...settings } = reader;
  const fallback = config.has('defaultCapability')
    ? checkCapability(
        config.getString('defaultCapability'),
        `${path}.defaultCapability`,
      )
    : READER_DEFAULTS.capability;
  // check names hold "/" and ".", which Config reads as paths: read it raw
  const raw = config.getOptional('capabilities') ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(
      `${path}.capabilities must map check names to capabilities`,
    );
  }
  const byCheck: Record<string, CanaryCapability> = {};
  for (const [check, value] of Object.entries(raw)) {
    byCheck[check] = checkCapability(
      String(value),
      `${path}.capabilities["${check}"]`,
    );
  }
  return { ...settings, rules: { byCheck, fallback } };
}

/** `platform.canary.rollouts`; undefined when off. */
export function readRolloutsSettings(
  root: Config,
  known: () => KubernetesCluster[],
): ReaderSettings | undefined {
  const reader = readReader(root, 'rollouts', known);
  if (!reader) return undefined;
  const { config: _config, path: _path, ...settings } = reader;
  return settings;
}

/** Reads the Kubernetes clusters once, only when a reader needs them. */
export function lazyClusters(
  read: () => KubernetesCluster[],
): () => KubernetesCluster[] {
  let clusters: KubernetesCluster[] | undefined;
  return () => (clusters ??= read());
}
