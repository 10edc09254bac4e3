import {
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { rootRouteRef } from './routes';

/**
 * The Cost plugin for the legacy frontend system. It uses `platformApiRef`
 * and does not provide it: the app adds `platformApiFactory` from
 * `@goldenpath/plugin-platform` to its `apis`.
 *
 * @public
 */
export const costPlugin = createPlugin({
  id: 'cost',
  routes: { root: rootRouteRef },
});

/**
 * The Cost tab for an entity page: a Component's cost down to the container
 * with right-sizing, a Group's showback of its components, or a cluster
 * Resource's cost, allocated against idle and by namespace.
 *
 * @public
 */
export const EntityCostContent = costPlugin.provide(
  createRoutableExtension({
    name: 'EntityCostContent',
    component: () =>
      import('./components/EntityCostContent').then(m => m.EntityCostContent),
    mountPoint: rootRouteRef,
  }),
);
