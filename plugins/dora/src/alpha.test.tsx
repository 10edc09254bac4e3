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
  componentEntity,
  componentWithoutSlug,
  createFakePlatformApi,
  groupEntity,
} from './__fixtures__/doraMetrics';
import doraPlugin, { doraEntityContent, doraGroupEntityContent } from './alpha';

describe('dora plugin (New Frontend System)', () => {
  it('has both entity content extensions and provides no API', () => {
    expect(doraPlugin.pluginId).toBe('dora');
    // The platform plugin is the one provider of platformApiRef; a second
    // provider makes the New Frontend System reject the app.
    const getAnyExtension = doraPlugin.getExtension as (id: string) => unknown;
    for (const id of ['api:dora', 'api:platform']) {
      expect(() => getAnyExtension(id)).toThrow(/non-existent extension/);
    }
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
