import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PlatformEventProducer } from '@goldenpath/plugin-platform-node';
import { DemoConfig } from './config';
import { seedDemoData } from './seedDemoData';

/** The scheduler task that tops the demo history up. */
export const DEMO_TASK_ID = 'platform-demo-data';

/**
 * The demo history as an event producer: once the platform backend connects it
 * to the intake, a global task (one backend replica at a time) sends the
 * history and then tops it up on the configured schedule.
 */
export function createDemoEventProducer(options: {
  settings: DemoConfig;
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
}): PlatformEventProducer {
  const { settings, scheduler, catalog, auth, logger } = options;
  return {
    id: 'demo',
    async connect(intake) {
      await scheduler.scheduleTask({
        id: DEMO_TASK_ID,
        scope: 'global',
        ...settings.schedule,
        fn: async () => {
          await seedDemoData({
            catalog,
            auth,
            intake,
            logger,
            historyDays: settings.historyDays,
            telemetryDays: settings.telemetryDays,
          });
        },
      });
    },
  };
}
