import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { PlatformEventProducer } from '@goldenpath/plugin-platform-node';
import { CostSourceName, CostSourceSettings } from './config';
import { ReadClusterHours, pollClusters } from './shared/pollClusters';

/** The scheduler task of each source (one per backend, `scope: 'global'`). */
export const COST_SOURCE_TASK_IDS: Record<CostSourceName, string> = {
  opencost: 'platform-cost-opencost',
  prometheus: 'platform-cost-prometheus',
};

/** A configured source: its clusters and settings, and how it reads hours. */
export interface CostSource {
  name: CostSourceName;
  settings: CostSourceSettings;
  read: ReadClusterHours;
}

/**
 * The pollers as one event producer: once the platform backend connects it
 * to the intake, each source gets a global task on its schedule. A run polls
 * every cluster; when any failed, the task ends with an error naming them
 * (after the others were polled), so the scheduler records the failure.
 */
export function createCostSourcesProducer(options: {
  sources: CostSource[];
  scheduler: SchedulerService;
  logger: LoggerService;
  now?: () => Date;
}): PlatformEventProducer {
  const { sources, scheduler, logger } = options;
  return {
    id: 'cost-sources',
    async connect(intake) {
      for (const source of sources) {
        await scheduler.scheduleTask({
          id: COST_SOURCE_TASK_IDS[source.name],
          ...source.settings.schedule,
          // a schedule read from config carries `scope: undefined`, which
          // would make every replica poll: global unless config says otherwise
          scope: source.settings.schedule.scope ?? 'global',
          fn: async signal => {
            const reports = await pollClusters({
              sourceName: source.name,
              settings: source.settings,
              intake,
              logger,
              read: source.read,
              now: options.now,
              signal,
            });
            const failed = reports.filter(r => r.errors.length > 0);
            if (failed.length > 0) {
              throw new Error(
                `${source.name}: ${failed.length} of ${
                  reports.length
                } clusters failed (${failed
                  .map(r => r.cluster)
                  .join(', ')}); the others were polled; details logged above`,
              );
            }
          },
        });
      }
    },
  };
}
