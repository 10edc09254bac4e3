import { compatWrapper } from '@backstage/core-compat-api';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isDoraComponent, isDoraGroup } from './availability';

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
 * The DORA plugin for the New Frontend System. Its tabs use `platformApiRef`,
 * which `@goldenpath/plugin-platform/alpha` provides (`api:platform`).
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'dora',
  title: 'DORA',
  info: { packageJson: () => import('../package.json') },
  extensions: [doraEntityContent, doraGroupEntityContent],
});
