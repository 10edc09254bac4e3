import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  PlatformEventIntake,
  PlatformEventProducer,
} from '@goldenpath/plugin-platform-node';
import { KubernetesCluster } from '../kubernetes/clusters';
import { KubernetesApi } from '../kubernetes/KubernetesApi';
import { ChangeFilter } from '../shared/ChangeFilter';
import { sendEvents } from '../shared/sendEvents';
import { kubernetesComponents } from './components';
import { readClusterRollouts } from './readRollouts';

/** The scheduler task of the Argo Rollouts reader. @public */
export const ROLLOUTS_TASK_ID = 'platform-canary-rollouts';

export interface RolloutsSettings {
  clusters: KubernetesCluster[];
  schedule: SchedulerServiceTaskScheduleDefinition;
  requestTimeoutMs: number;
}

/**
 * The Argo Rollouts reader as an event producer: one global task reads the
 * components annotated for Kubernetes from the catalog, then each cluster's
 * Rollouts of those components, and sends a `rollout.updated` event for each
 * whose status changed since the last poll.
 */
export function createRolloutsPoller(options: {
  settings: RolloutsSettings;
  scheduler: SchedulerService;
  logger: LoggerService;
  catalog: CatalogService;
  auth: AuthService;
  now?: () => number;
}): PlatformEventProducer {
  const { settings, scheduler, logger, catalog, auth } = options;
  const filter = new ChangeFilter();

  async function poll(intake: PlatformEventIntake, signal?: AbortSignal) {
    const { items } = await catalog.getEntities(
      {
        filter: { kind: 'Component' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const components = kubernetesComponents(items);
    if (components.length === 0) {
      logger.debug('Argo Rollouts: no component is annotated for Kubernetes');
      return;
    }
    const failed: string[] = [];
    for (const cluster of settings.clusters) {
      try {
        const api = new KubernetesApi(cluster, settings.requestTimeoutMs);
        const read = await readClusterRollouts({
          api,
          components,
          signal,
          now: options.now,
        });
        for (const problem of read.problems) {
          logger.warn(`Argo Rollouts ${cluster.name}: ${problem}`);
        }
        const fresh = filter.changed(
          read.events.map(event => ({
            key: `${cluster.name}/${event.data.namespace}/${event.data.name}/${event.entityRef}`,
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
          `Argo Rollouts ${cluster.name}: ${(error as Error).message}`,
        );
      }
    }
    if (failed.length > 0) {
      throw new Error(
        `Argo Rollouts: ${failed.length} of ${
          settings.clusters.length
        } clusters could not be read (${failed.join(
          ', ',
        )}); the others were; details logged above`,
      );
    }
  }

  return {
    id: 'canary-rollouts',
    async connect(intake) {
      await scheduler.scheduleTask({
        id: ROLLOUTS_TASK_ID,
        ...settings.schedule,
        scope: settings.schedule.scope ?? 'global',
        fn: signal => poll(intake, signal),
      });
    },
  };
}
