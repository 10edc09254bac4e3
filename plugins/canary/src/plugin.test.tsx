import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { platformApiRef } from '@goldenpath/plugin-platform-react';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import {
  clusterEntity,
  componentEntity,
  componentWithoutAnnotation,
  createFakePlatformApi,
} from './__fixtures__/canaryData';
import * as legacy from './index';
import { canaryPlugin, EntityCanaryContent } from './plugin';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

async function renderRoute(entity = componentEntity) {
  await renderInTestApp(
    <TestApiProvider apis={[[platformApiRef, createFakePlatformApi()]]}>
      <EntityProvider entity={entity}>
        <Routes>
          <Route path="/canary/*" element={<EntityCanaryContent />} />
        </Routes>
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes, routeEntries: ['/canary'] },
  );
}

describe('canary plugin (legacy system)', () => {
  it('exports the plugin, the tab and its predicate, named like DORA’s', () => {
    expect(legacy.canaryPlugin).toBe(canaryPlugin);
    expect(legacy.EntityCanaryContent).toBe(EntityCanaryContent);
    expect(legacy.isCanaryAvailable(componentEntity)).toBe(true);
    expect(legacy.isCanaryAvailable(componentWithoutAnnotation)).toBe(false);
  });

  it('is called canary and leaves the platform API to the platform plugin', () => {
    expect(canaryPlugin.getId()).toBe('canary');
    expect(Array.from(canaryPlugin.getApis())).toEqual([]);
  });

  it('renders EntityCanaryContent for a Component', async () => {
    await renderRoute();
    expect(
      await screen.findByRole('table', {
        name: 'Canary checks by cluster and capability',
      }),
    ).toBeInTheDocument();
  });

  it('renders the cluster view for a kubernetes-cluster Resource', async () => {
    await renderRoute(clusterEntity);
    expect(
      await screen.findByRole('table', {
        name: 'Canary checks of this cluster',
      }),
    ).toBeInTheDocument();
  });
});
