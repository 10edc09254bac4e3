import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  PlatformClient,
  platformApiRef,
} from '@goldenpath/plugin-platform-react';

/**
 * `platformApiRef` backed by the platform backend (`/api/platform`), through
 * the app's discovery and fetch APIs. Extension id `api:platform`.
 *
 * @alpha
 */
export const platformApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: platformApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PlatformClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The platform plugin for the New Frontend System: the one provider of the
 * platform API that every Golden Path tab uses.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'platform',
  title: 'Golden Path platform',
  info: { packageJson: () => import('../package.json') },
  extensions: [platformApi],
});
