import {
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { rootRouteRef } from './routes';

/**
 * The Canary plugin for the legacy frontend system. It uses `platformApiRef`
 * and does not provide it: the app adds `platformApiFactory` from
 * `@goldenpath/plugin-platform` to its `apis`.
 *
 * @public
 */
export const canaryPlugin = createPlugin({
  id: 'canary',
  routes: { root: rootRouteRef },
});

/**
 * The Canary tab for an entity page: on a Component, the verdict, the
 * clusters × capabilities matrix of the clusters it runs in and its Argo
 * Rollouts; on a cluster Resource, all its checks.
 *
 * @public
 */
export const EntityCanaryContent = canaryPlugin.provide(
  createRoutableExtension({
    name: 'EntityCanaryContent',
    component: () =>
      import('./components/EntityCanaryContent').then(
        m => m.EntityCanaryContent,
      ),
    mountPoint: rootRouteRef,
  }),
);
