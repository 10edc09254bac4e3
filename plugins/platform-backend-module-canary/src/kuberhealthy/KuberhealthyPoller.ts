import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  PlatformEventIntake,
  PlatformEventProducer,
} from '@goldenpath/plugin-platform-node';
import { KubernetesCluster } from '../kubernetes/clusters';
import { KubernetesApi } from '../kubernetes/KubernetesApi';
import { ChangeFilter } from '../shared/ChangeFilter';
import { sendEvents } from '../shared/sendEvents';
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

  async function poll(intake: PlatformEventIntake, signal?: AbortSignal) {
    const failed: string[] = [];
    for (const cluster of settings.clusters) {
      try {
        const api = new KubernetesApi(cluster, settings.requestTimeoutMs);
        const read = await readKuberhealthyCluster(api, settings.rules, signal);
        for (const problem of read.problems) {
          logger.warn(`Kuberhealthy ${cluster.name}: ${problem}`);
        }
        if (read.versions.length === 0) {
          logger.debug(`Kuberhealthy ${cluster.name}: not installed`);
        }
        const fresh = filter.changed(
          read.events.map(event => ({
            key: `${cluster.name}/${event.data.check}`,
            event,
          })),
        );
        await sendEvents(
          intake,
          fresh.map(f => f.event),
          logger,
        );
        for (const { key, event } of fresh) filter.remember(key, event.id);
      } catch (error) {
        failed.push(cluster.name);
        logger.error(
          `Kuberhealthy ${cluster.name}: ${(error as Error).message}`,
        );
      }
    }
    if (failed.length > 0) {
      throw new Error(
        `Kuberhealthy: ${failed.length} of ${
          settings.clusters.length
        } clusters could not be read (${failed.join(
          ', ',
        )}); the others were; details logged above`,
      );
    }
  }

  return {
    id: 'canary-kuberhealthy',
    async connect(intake) {
      await scheduler.scheduleTask({
        id: KUBERHEALTHY_TASK_ID,
        ...settings.schedule,
        scope: settings.schedule.scope ?? 'global',
        fn: signal => poll(intake, signal),
      });
    },
  };
}
