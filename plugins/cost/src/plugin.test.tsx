import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { platformApiRef } from '@goldenpath/plugin-platform-react';
import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import {
  clusterEntity,
  componentEntity,
  createFakePlatformApi,
  groupEntity,
} from './__fixtures__/costData';
import * as legacy from './index';
import { costPlugin, EntityCostContent } from './plugin';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

async function renderRoute(entity = componentEntity) {
  await renderInTestApp(
    <TestApiProvider apis={[[platformApiRef, createFakePlatformApi()]]}>
      <EntityProvider entity={entity}>
        <Routes>
          <Route path="/cost/*" element={<EntityCostContent />} />
        </Routes>
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes, routeEntries: ['/cost'] },
  );
}

describe('cost plugin (legacy system)', () => {
  it('exports the plugin, the tab and its predicate, named like DORA’s', () => {
    expect(legacy.costPlugin).toBe(costPlugin);
    expect(legacy.EntityCostContent).toBe(EntityCostContent);
    expect(legacy.isCostAvailable(componentEntity)).toBe(true);
  });

  it('is called cost and leaves the platform API to the platform plugin', () => {
    expect(costPlugin.getId()).toBe('cost');
    expect(Array.from(costPlugin.getApis())).toEqual([]);
  });

  it('renders EntityCostContent for a Component', async () => {
    await renderRoute();
    const cost = await screen.findByRole('region', { name: 'Cost' });
    expect(within(cost).getByText('$74.76')).toBeInTheDocument();
  });

  it('renders the showback for a Group', async () => {
    await renderRoute(groupEntity);
    expect(await screen.findByText('Components (2)')).toBeInTheDocument();
  });

  it('renders the cluster view for a kubernetes-cluster Resource', async () => {
    await renderRoute(clusterEntity);
    expect(
      await screen.findByRole('region', { name: 'Cluster cost' }),
    ).toBeInTheDocument();
  });
});
