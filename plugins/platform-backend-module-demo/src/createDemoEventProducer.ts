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
 * At startup the catalog may not have read its locations yet: rather than wait
 * a whole schedule period (an hour), a run that finds no annotated components
 * looks again a few times.
 */
const CATALOG_WAIT = { attempts: 12, delayMs: 10_000 };

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
  catalogWait?: { attempts: number; delayMs: number };
}): PlatformEventProducer {
  const { settings, scheduler, catalog, auth, logger } = options;
  const wait = options.catalogWait ?? CATALOG_WAIT;
  return {
    id: 'demo',
    async connect(intake) {
      await scheduler.scheduleTask({
        id: DEMO_TASK_ID,
        ...settings.schedule,
        // after the spread: a configured schedule must not make every replica seed
        scope: 'global',
        fn: async () => {
          for (let attempt = 1; ; attempt++) {
            const { sent } = await seedDemoData({
              catalog,
              auth,
              intake,
              logger,
              historyDays: settings.historyDays,
              telemetryDays: settings.telemetryDays,
            });
            if (sent > 0 || attempt >= wait.attempts) return;
            await new Promise(resolve => setTimeout(resolve, wait.delayMs));
          }
        },
      });
    },
  };
}
