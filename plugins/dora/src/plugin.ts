import {
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { groupRouteRef, rootRouteRef } from './routes';

/**
 * The DORA plugin for the legacy frontend system. It uses `platformApiRef`
 * and does not provide it: the app adds `platformApiFactory` from
 * `@goldenpath/plugin-platform` to its `apis`.
 *
 * @public
 */
export const doraPlugin = createPlugin({
  id: 'dora',
  routes: { root: rootRouteRef, group: groupRouteRef },
});

/**
 * The DORA tab for an entity page: a Component's four metrics, trends and
 * drill-downs, or for a Group the roll-up over the components it owns.
 *
 * @public
 */
export const EntityDoraContent = doraPlugin.provide(
  createRoutableExtension({
    name: 'EntityDoraContent',
    component: () =>
      import('./components/EntityDoraContent').then(m => m.EntityDoraContent),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The DORA tab for a Group page: roll-up tiles and the owned components with
 * their tiers. (`EntityDoraContent` also renders this for a Group.)
 *
 * @public
 */
export const EntityDoraGroupContent = doraPlugin.provide(
  createRoutableExtension({
    name: 'EntityDoraGroupContent',
    component: () =>
      import('./components/EntityDoraGroupContent').then(
        m => m.EntityDoraGroupContent,
      ),
    mountPoint: groupRouteRef,
  }),
);
