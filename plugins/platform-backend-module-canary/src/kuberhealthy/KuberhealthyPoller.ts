import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { PlatformEventProducer } from '@goldenpath/plugin-platform-node';
import { KubernetesCluster } from '../kubernetes/clusters';
import { KubernetesApi } from '../kubernetes/KubernetesApi';
import { ChangeFilter } from '../shared/ChangeFilter';
import { pollEachCluster, scheduledProducer } from '../shared/clusterPoller';
import {
  CapabilityRules,
  MappedRuns,
  mapKuberhealthyV2,
  mapKuberhealthyV3,
} from './mapKuberhealthy';
import { KUBERHEALTHY_PATHS } from './types';

/** The scheduler task of the Kuberhealthy reader. @public */
export const KUBERHEALTHY_TASK_ID = 'platform-canary-kuberhealthy';

export interface KuberhealthySettings {
  clusters: KubernetesCluster[];
  rules: CapabilityRules;
  schedule: SchedulerServiceTaskScheduleDefinition;
  requestTimeoutMs: number;
}

/**
 * Reads one cluster's Kuberhealthy check states, v2 and v3 (either may be
 * absent: a 404 means its CRD is not installed). A check present in both, as
 * during a migration, is read from v3 only.
 */
export async function readKuberhealthyCluster(
  api: KubernetesApi,
  rules: CapabilityRules,
  signal?: AbortSignal,
): Promise<MappedRuns & { versions: string[] }> {
  const cluster = api.cluster.name;
  const [states, checks, healthChecks] = await Promise.all([
    api.listIfInstalled<unknown>(KUBERHEALTHY_PATHS.v2States, { signal }),
    api.listIfInstalled<unknown>(KUBERHEALTHY_PATHS.v2Checks, { signal }),
    api.listIfInstalled<unknown>(KUBERHEALTHY_PATHS.v3HealthChecks, { signal }),
  ]);
  const v3 = healthChecks
    ? mapKuberhealthyV3({ cluster, healthChecks, rules })
    : { events: [], problems: [] };
  const v2 = states
    ? mapKuberhealthyV2({ cluster, states, checks: checks ?? [], rules })
    : { events: [], problems: [] };
  const inV3 = new Set(v3.events.map(e => e.data.check));
  return {
    events: [...v3.events, ...v2.events.filter(e => !inV3.has(e.data.check))],
    problems: [...v3.problems, ...v2.problems],
    versions: [...(states ? ['v2'] : []), ...(healthChecks ? ['v3'] : [])],
  };
}

/**
 * The Kuberhealthy reader as an event producer: one global task polls every
 * cluster and sends each check's latest run once (the id is the run's start,
 * so a re-send is a duplicate). One cluster failing does not stop the others;
 * the task then fails naming it.
 */
export function createKuberhealthyPoller(options: {
  settings: KuberhealthySettings;
  scheduler: SchedulerService;
  logger: LoggerService;
}): PlatformEventProducer {
  const { settings, scheduler, logger } = options;
  const filter = new ChangeFilter();
  return scheduledProducer({
    id: 'canary-kuberhealthy',
    taskId: KUBERHEALTHY_TASK_ID,
    schedule: settings.schedule,
    scheduler,
    poll: (intake, signal) =>
      pollEachCluster({
        reader: 'Kuberhealthy',
        clusters: settings.clusters,
        requestTimeoutMs: settings.requestTimeoutMs,
        intake,
        logger,
        filter,
        async read(api) {
          const read = await readKuberhealthyCluster(
            api,
            settings.rules,
            signal,
          );
          if (read.versions.length === 0) {
            logger.debug(`Kuberhealthy ${api.cluster.name}: not installed`);
          }
          return read;
        },
        keyOf: event => event.data.check,
      }),
  });
}
