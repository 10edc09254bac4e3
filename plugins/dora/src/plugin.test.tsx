import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { platformApiRef } from '@goldenpath/plugin-platform-react';
import { screen } from '@testing-library/react';
import {
  componentEntity,
  createFakePlatformApi,
  groupEntity,
} from './__fixtures__/doraMetrics';
import {
  doraPlugin,
  EntityDoraContent,
  EntityDoraGroupContent,
} from './plugin';
import { Route, Routes } from 'react-router-dom';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('dora plugin (legacy system)', () => {
  it('is called dora and leaves the platform API to the platform plugin', () => {
    expect(doraPlugin.getId()).toBe('dora');
    expect(Array.from(doraPlugin.getApis())).toEqual([]);
  });

  it('renders EntityDoraContent for a Component', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[platformApiRef, createFakePlatformApi()]]}>
        <EntityProvider entity={componentEntity}>
          <Routes>
            <Route path="/dora/*" element={<EntityDoraContent />} />
          </Routes>
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes, routeEntries: ['/dora'] },
    );
    expect(
      await screen.findByRole('region', { name: 'Lead time for changes' }),
    ).toBeInTheDocument();
  });

  it('renders EntityDoraGroupContent for a Group', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[platformApiRef, createFakePlatformApi()]]}>
        <EntityProvider entity={groupEntity}>
          <Routes>
            <Route path="/dora/*" element={<EntityDoraGroupContent />} />
          </Routes>
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes, routeEntries: ['/dora'] },
    );
    expect(await screen.findByText('Components (3)')).toBeInTheDocument();
  });
});
