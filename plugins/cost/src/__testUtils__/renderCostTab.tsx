import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { PlatformApi, platformApiRef } from '@goldenpath/plugin-platform-react';
import { screen } from '@testing-library/react';
import {
  componentEntity,
  createFakePlatformApi,
} from '../__fixtures__/costData';
import { EntityCostContent } from '../components/EntityCostContent';

/** The Cost tab of an entity, as a legacy app renders it, against a fake API. */
export async function renderCostTab(
  api: PlatformApi = createFakePlatformApi(),
  entity: Entity = componentEntity,
) {
  await renderInTestApp(
    <TestApiProvider apis={[[platformApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityCostContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

export function tile(name: string) {
  return screen.getByRole('region', { name });
}
