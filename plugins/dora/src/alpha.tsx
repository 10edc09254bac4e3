import { compatWrapper } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  PlatformClient,
  platformApiRef,
} from '@goldenpath/plugin-platform-react';
import { isDoraComponent, isDoraGroup } from './availability';

/**
 * The platform backend client. Provided by this plugin; see the README for
 * apps that install several Golden Path tabs.
 *
 * @alpha
 */
export const doraPlatformApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: platformApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PlatformClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The DORA tab of a Component with the `github.com/project-slug` annotation.
 *
 * @alpha
 */
export const doraEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'dora',
    title: 'DORA',
    filter: isDoraComponent,
    loader: () =>
      import('./components/EntityDoraContent').then(m =>
        compatWrapper(<m.EntityDoraContent />),
      ),
  },
});

/**
 * The DORA tab of a Group: the roll-up over the components it owns.
 *
 * @alpha
 */
export const doraGroupEntityContent = EntityContentBlueprint.make({
  name: 'group',
  params: {
    path: 'dora',
    title: 'DORA',
    filter: isDoraGroup,
    loader: () =>
      import('./components/EntityDoraGroupContent').then(m =>
        compatWrapper(<m.EntityDoraGroupContent />),
      ),
  },
});

/**
 * The DORA plugin for the New Frontend System.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'dora',
  title: 'DORA',
  info: { packageJson: () => import('../package.json') },
  extensions: [doraPlatformApi, doraEntityContent, doraGroupEntityContent],
});
