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
import { ChangeFilter } from '../shared/ChangeFilter';
import { pollEachCluster, scheduledProducer } from '../shared/clusterPoller';
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
    await pollEachCluster({
      reader: 'Argo Rollouts',
      clusters: settings.clusters,
      requestTimeoutMs: settings.requestTimeoutMs,
      intake,
      logger,
      filter,
      read: api =>
        readClusterRollouts({ api, components, signal, now: options.now }),
      keyOf: event =>
        `${event.data.namespace}/${event.data.name}/${event.entityRef}`,
    });
  }

  return scheduledProducer({
    id: 'canary-rollouts',
    taskId: ROLLOUTS_TASK_ID,
    schedule: settings.schedule,
    scheduler,
    poll,
  });
}
