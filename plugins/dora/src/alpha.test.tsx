import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
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
  componentEntity,
  componentWithoutSlug,
  createFakePlatformApi,
  groupEntity,
} from './__fixtures__/doraMetrics';
import doraPlugin, {
  doraEntityContent,
  doraGroupEntityContent,
  doraPlatformApi,
} from './alpha';

describe('dora plugin (New Frontend System)', () => {
  it('has the API and both entity content extensions', () => {
    expect(doraPlugin.pluginId).toBe('dora');
    expect(doraPlugin.getExtension('api:dora')).toMatchObject({
      kind: 'api',
      namespace: 'dora',
    });
    expect(doraPlugin.getExtension('entity-content:dora')).toMatchObject({
      kind: 'entity-content',
      namespace: 'dora',
      name: undefined,
    });
    expect(doraPlugin.getExtension('entity-content:dora/group')).toMatchObject({
      kind: 'entity-content',
      namespace: 'dora',
      name: 'group',
    });
  });

  it('mounts the Component tab at dora with the title DORA, only for annotated Components', () => {
    const tester = createExtensionTester(doraEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('dora');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('DORA');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(componentEntity)).toBe(true);
    expect(filter?.(componentWithoutSlug)).toBe(false);
    expect(filter?.(groupEntity)).toBe(false);
  });

  it('mounts the Group tab at dora only for Groups', () => {
    const tester = createExtensionTester(doraGroupEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('dora');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('DORA');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(groupEntity)).toBe(true);
    expect(filter?.(componentEntity)).toBe(false);
  });

  it('provides the platform API through the plugin', () => {
    const tester = createExtensionTester(doraPlatformApi);
    const factory = tester.get(ApiBlueprint.dataRefs.factory);
    expect(factory.api).toBe(platformApiRef);
    expect(Object.keys(factory.deps).sort()).toEqual([
      'discoveryApi',
      'fetchApi',
    ]);
  });

  it('renders the Component tab with the fixture numbers', async () => {
    const tester = createExtensionTester(doraEntityContent);
    renderInTestApp(
      <EntityProvider entity={componentEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[platformApiRef, createFakePlatformApi()]] },
    );
    const tile = await screen.findByRole('region', {
      name: 'Deployment frequency',
    });
    expect(within(tile).getByText('2.4')).toBeInTheDocument();
    expect(within(tile).getByText('High')).toBeInTheDocument();
  });
});

describe('the Group tab (New Frontend System)', () => {
  it('renders the roll-up for a Group', async () => {
    const tester = createExtensionTester(doraGroupEntityContent);
    renderInTestApp(
      <EntityProvider entity={groupEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [[platformApiRef, createFakePlatformApi()]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByText('Components (3)')).toBeInTheDocument();
  });
});
