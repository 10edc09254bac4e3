import { PlatformFeatureFactory } from '../features/PlatformFeature';
import { createGetCanaryStatusAction } from './actions/createGetCanaryStatusAction';
import { applyCanaryRetention } from './applyCanaryRetention';
import {
  createCanaryRolloutsProjection,
  createCanaryRunsProjection,
} from './canaryProjections';
import { CanaryNotifier } from './CanaryNotifier';
import { CanaryService } from './CanaryService';
import { readCanaryConfig } from './config';
import { DatabaseCanaryStore } from './DatabaseCanaryStore';
import { registerCanaryRoutes } from './routes';

/** Canary: runs and rollouts projected into states, roll-ups and transitions; status, runs, rollouts and incident routes; "Run now"; notifications on state changes; an action; retention. */
export const canaryFeature: PlatformFeatureFactory = {
  id: 'canary',
  async create(context) {
    const { rootConfig, database, catalog, logger } = context;
    const settings = readCanaryConfig(rootConfig);
    const store = await DatabaseCanaryStore.create({ database });
    const canary = new CanaryService({
      store,
      catalog,
      eventLog: context.eventLog,
      permissions: context.permissions,
      runners: context.canaryRunners,
      settings,
      logger,
    });
    createGetCanaryStatusAction({
      actionsRegistry: context.actionsRegistry,
      canary,
    });
    const notifier = new CanaryNotifier({
      store,
      catalog,
      auth: context.auth,
      eventLog: context.eventLog,
      notifications: context.notifications,
      settings,
      logger,
    });
    return {
      id: 'canary',
      projections: [
        createCanaryRunsProjection({ store, settings, logger }),
        createCanaryRolloutsProjection({ store }),
      ],
      // the runs projection skips runs started before rawDays, so the log
      // need not keep them either
      eventLogRetention: [
        { types: ['canary.run'], days: settings.retention.rawDays },
      ],
      tasks: [
        {
          id: 'retention',
          schedule: settings.retention.schedule,
          run: () =>
            applyCanaryRetention({
              store,
              retention: settings.retention,
              logger,
            }),
        },
        ...(settings.notifications.enabled
          ? [
              {
                id: 'notifications',
                schedule: settings.notifications.schedule,
                run: () => notifier.run(),
              },
            ]
          : []),
      ],
      registerRoutes: (router, routeContext) =>
        registerCanaryRoutes(router, routeContext, canary),
    };
  },
};
