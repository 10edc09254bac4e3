import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import {
  PlatformEventIntake,
  PlatformEventProducer,
} from '@goldenpath/plugin-platform-node';
import { KubernetesCluster } from '../kubernetes/clusters';
import { KubernetesApi } from '../kubernetes/KubernetesApi';
import { ChangeFilter } from './ChangeFilter';
import { sendEvents } from './sendEvents';

/** What a reader found in one cluster. */
export interface ClusterRead<E> {
  events: E[];
  /** Objects that could not be read, with why (logged, not fatal). */
  problems: string[];
}

/**
 * One poll of a Kubernetes reader over every cluster: reads each, logs its
 * problems, sends only the events whose key changed since the last poll and
 * remembers them once the intake has them. One cluster failing does not stop
 * the others; the poll then fails naming it, so the scheduler shows the task
 * as failed.
 */
export async function pollEachCluster<
  E extends CanonicalEventInput & { id: string },
>(options: {
  /** Names the reader in logs and errors, e.g. `Kuberhealthy`. */
  reader: string;
  clusters: KubernetesCluster[];
  requestTimeoutMs: number;
  intake: PlatformEventIntake;
  logger: LoggerService;
  filter: ChangeFilter;
  read(api: KubernetesApi): Promise<ClusterRead<E>>;
  /** What one event is the latest state of, within its cluster. */
  keyOf(event: E): string;
}): Promise<void> {
  const { reader, clusters, intake, logger, filter } = options;
  const failed: string[] = [];
  for (const cluster of clusters) {
    try {
      const api = new KubernetesApi(cluster, options.requestTimeoutMs);
      const read = await options.read(api);
      for (const problem of read.problems) {
        logger.warn(`${reader} ${cluster.name}: ${problem}`);
      }
      const fresh = filter.changed(
        read.events.map(event => ({
          key: `${cluster.name}/${options.keyOf(event)}`,
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
      logger.error(`${reader} ${cluster.name}: ${(error as Error).message}`);
    }
  }
  if (failed.length > 0) {
    throw new Error(
      `${reader}: ${failed.length} of ${
        clusters.length
      } clusters could not be read (${failed.join(
        ', ',
      )}); the others were; details logged above`,
    );
  }
}

/**
 * A reader as an event producer: on connect, one task (global unless the
 * schedule says otherwise) that polls through the intake.
 */
export function scheduledProducer(options: {
  id: string;
  taskId: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  scheduler: SchedulerService;
  poll(intake: PlatformEventIntake, signal?: AbortSignal): Promise<void>;
}): PlatformEventProducer {
  const { id, taskId, schedule, scheduler, poll } = options;
  return {
    id,
    async connect(intake) {
      await scheduler.scheduleTask({
        id: taskId,
        ...schedule,
        scope: schedule.scope ?? 'global',
        fn: signal => poll(intake, signal),
      });
    },
  };
}
