import { PlatformFeatureFactory } from '../features/PlatformFeature';
import { createGetDoraMetricsAction } from './actions/createGetDoraMetricsAction';
import { readDoraConfig } from './config';
import { DatabaseDoraStore } from './DatabaseDoraStore';
import { createDoraProjection } from './doraProjection';
import { DoraService } from './DoraService';
import { registerDoraRoutes } from './routes';

/** DORA: projections of changes, deployments and incidents; metrics routes; an action. */
export const doraFeature: PlatformFeatureFactory = {
  id: 'dora',
  async create({ rootConfig, database, catalog, actionsRegistry }) {
    const store = await DatabaseDoraStore.create({ database });
    const dora = new DoraService({
      store,
      catalog,
      defaults: readDoraConfig(rootConfig),
    });
    createGetDoraMetricsAction({ actionsRegistry, dora });
    return {
      id: 'dora',
      projections: [createDoraProjection(store)],
      registerRoutes: (router, context) =>
        registerDoraRoutes(router, context, dora),
    };
  },
};
