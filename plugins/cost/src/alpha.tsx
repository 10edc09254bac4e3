import { compatWrapper } from '@backstage/core-compat-api';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isCostCluster, isCostComponent, isCostGroup } from './availability';

const loader = () =>
  import('./components/EntityCostContent').then(m =>
    compatWrapper(<m.EntityCostContent />),
  );

/**
 * The Cost tab of a Component with a Kubernetes annotation
 * (`backstage.io/kubernetes-id`, `-label-selector` or `-namespace`).
 *
 * @alpha
 */
export const costEntityContent = EntityContentBlueprint.make({
  params: { path: 'cost', title: 'Cost', filter: isCostComponent, loader },
});

/**
 * The Cost tab of a Group: showback of the components it owns.
 *
 * @alpha
 */
export const costGroupEntityContent = EntityContentBlueprint.make({
  name: 'group',
  params: { path: 'cost', title: 'Cost', filter: isCostGroup, loader },
});

/**
 * The Cost tab of a Resource of type `kubernetes-cluster`: cluster cost,
 * allocated against idle, by namespace.
 *
 * @alpha
 */
export const costClusterEntityContent = EntityContentBlueprint.make({
  name: 'cluster',
  params: { path: 'cost', title: 'Cost', filter: isCostCluster, loader },
});

/**
 * The Cost plugin for the New Frontend System. Its tabs use `platformApiRef`,
 * which `@goldenpath/plugin-platform/alpha` provides (`api:platform`).
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'cost',
  title: 'Cost',
  info: { packageJson: () => import('../package.json') },
  extensions: [
    costEntityContent,
    costGroupEntityContent,
    costClusterEntityContent,
  ],
});
