import { compatWrapper } from '@backstage/core-compat-api';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isCanaryCluster, isCanaryComponent } from './availability';

const loader = () =>
  import('./components/EntityCanaryContent').then(m =>
    compatWrapper(<m.EntityCanaryContent />),
  );

/**
 * The Canary tab of a Component with a Kubernetes annotation
 * (`backstage.io/kubernetes-id`, `-label-selector`, `-namespace`) or
 * `goldenpath.dev/clusters`.
 *
 * @alpha
 */
export const canaryEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'canary',
    title: 'Canary',
    filter: isCanaryComponent,
    loader,
  },
});

/**
 * The Canary tab of a Resource of type `kubernetes-cluster`: all its checks.
 *
 * @alpha
 */
export const canaryClusterEntityContent = EntityContentBlueprint.make({
  name: 'cluster',
  params: { path: 'canary', title: 'Canary', filter: isCanaryCluster, loader },
});

/**
 * The Canary plugin for the New Frontend System. Its tabs use
 * `platformApiRef`, which `@goldenpath/plugin-platform/alpha` provides
 * (`api:platform`).
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'canary',
  title: 'Canary',
  info: { packageJson: () => import('../package.json') },
  extensions: [canaryEntityContent, canaryClusterEntityContent],
});
