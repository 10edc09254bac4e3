import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { platformApiRef } from '@goldenpath/plugin-platform-react';
import { screen, within } from '@testing-library/react';
import {
  clusterEntity,
  componentEntity,
  componentWithoutAnnotation,
  createFakePlatformApi,
  databaseEntity,
  groupEntity,
  labelSelectorComponent,
} from './__fixtures__/costData';
import costPlugin, {
  costClusterEntityContent,
  costEntityContent,
  costGroupEntityContent,
} from './alpha';

describe('cost plugin (New Frontend System)', () => {
  it('has three entity content extensions and provides no API', () => {
    expect(costPlugin.pluginId).toBe('cost');
    const getAnyExtension = costPlugin.getExtension as (id: string) => unknown;
    for (const id of ['api:cost', 'api:platform']) {
      expect(() => getAnyExtension(id)).toThrow(/non-existent extension/);
    }
    expect(costPlugin.getExtension('entity-content:cost')).toMatchObject({
      kind: 'entity-content',
      namespace: 'cost',
      name: undefined,
    });
    expect(costPlugin.getExtension('entity-content:cost/group')).toMatchObject({
      name: 'group',
    });
    expect(
      costPlugin.getExtension('entity-content:cost/cluster'),
    ).toMatchObject({ name: 'cluster' });
  });

  it('mounts the Component tab at cost only for annotated Components', () => {
    const tester = createExtensionTester(costEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('cost');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Cost');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(componentEntity)).toBe(true);
    expect(filter(labelSelectorComponent)).toBe(true);
    expect(filter(componentWithoutAnnotation)).toBe(false);
    expect(filter(groupEntity)).toBe(false);
  });

  it('mounts the Group tab at cost only for Groups', () => {
    const tester = createExtensionTester(costGroupEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('cost');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Cost');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(groupEntity)).toBe(true);
    expect(filter(componentEntity)).toBe(false);
  });

  it('mounts the cluster tab at cost only for kubernetes-cluster Resources', () => {
    const tester = createExtensionTester(costClusterEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('cost');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Cost');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(clusterEntity)).toBe(true);
    expect(filter(databaseEntity)).toBe(false);
    expect(filter(componentEntity)).toBe(false);
  });

  it('renders the Component tab with the fixture numbers', async () => {
    const tester = createExtensionTester(costEntityContent);
    renderInTestApp(
      <EntityProvider entity={componentEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[platformApiRef, createFakePlatformApi()]] },
    );
    const cost = await screen.findByRole('region', { name: 'CPU cost' });
    expect(within(cost).getByText('$60.00')).toBeInTheDocument();
  });

  it('renders the Group tab', async () => {
    const tester = createExtensionTester(costGroupEntityContent);
    renderInTestApp(
      <EntityProvider entity={groupEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [[platformApiRef, createFakePlatformApi()]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByText('Components (2)')).toBeInTheDocument();
  });

  it('renders the cluster tab', async () => {
    const tester = createExtensionTester(costClusterEntityContent);
    renderInTestApp(
      <EntityProvider entity={clusterEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[platformApiRef, createFakePlatformApi()]] },
    );
    expect(await screen.findByText('Namespaces (3)')).toBeInTheDocument();
  });
});
