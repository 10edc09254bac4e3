import { PlatformFeatureFactory } from '../features/PlatformFeature';
import { createGetCostAction } from './actions/createGetCostAction';
import { applyCostRetention } from './applyCostRetention';
import { readCostConfig } from './config';
import { createCostProjection } from './costProjection';
import { CostService } from './CostService';
import { DatabaseCostStore } from './DatabaseCostStore';
import { registerCostRoutes } from './routes';

/** Cost: pod usage and node prices rolled up hour by hour and day by day; summary, pods, right-sizing and deployment routes; an action; retention. */
export const costFeature: PlatformFeatureFactory = {
  id: 'cost',
  async create({ rootConfig, database, catalog, actionsRegistry, logger }) {
    const settings = readCostConfig(rootConfig);
    const store = await DatabaseCostStore.create({ database });
    const cost = new CostService({ store, catalog, settings });
    createGetCostAction({ actionsRegistry, cost });
    return {
      id: 'cost',
      projections: [
        createCostProjection({
          store,
          rawDays: settings.retention.rawDays,
          priceOverride: settings.priceOverride,
          logger,
        }),
      ],
      // the projection skips usage and prices for hours before rawDays, so
      // the log need not keep them either
      eventLogRetention: [
        { types: ['pod.usage', 'node.cost'], days: settings.retention.rawDays },
      ],
      tasks: [
        {
          id: 'retention',
          schedule: settings.retention.schedule,
          run: () =>
            applyCostRetention({
              store,
              retention: settings.retention,
              logger,
            }),
        },
      ],
      registerRoutes: (router, context) =>
        registerCostRoutes(router, context, cost),
    };
  },
};
