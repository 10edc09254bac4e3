import {
  createApiFactory,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  PlatformClient,
  platformApiRef,
} from '@goldenpath/plugin-platform-react';

/**
 * The legacy-frontend-system factory of `platformApiRef`: put it in the app's
 * `apis` array (packages/app/src/apis.ts). The Golden Path tabs use the API
 * and never provide it, so any number of them can be installed side by side.
 *
 * @public
 */
export const platformApiFactory = createApiFactory({
  api: platformApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new PlatformClient({ discoveryApi, fetchApi }),
});

/**
 * The platform plugin for the legacy frontend system. It only carries
 * {@link platformApiFactory}; an app that lists the factory in its `apis`
 * does not need to register this plugin as well.
 *
 * @public
 */
export const platformPlugin = createPlugin({
  id: 'platform',
  apis: [platformApiFactory],
});
