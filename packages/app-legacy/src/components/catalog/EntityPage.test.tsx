import { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityProvider,
  entityPresentationApiRef,
  entityRouteRef,
  starredEntitiesApiRef,
  MockStarredEntitiesApi,
} from '@backstage/plugin-catalog-react';
import {
  ScmIntegrationsApi,
  scmIntegrationsApiRef,
} from '@backstage/integration-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  catalogPlugin,
  DefaultEntityPresentationApi,
} from '@backstage/plugin-catalog';
import { entityPage } from './EntityPage';

function component(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
  };
}

const cluster: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'prod-eu', namespace: 'default' },
  spec: { type: 'kubernetes-cluster', owner: 'team-platform' },
};

const database: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'orders-db', namespace: 'default' },
  spec: { type: 'database', owner: 'team-payments' },
};

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

async function renderEntityPage(entity: Entity) {
  const catalogApi = catalogApiMock({ entities: [entity] });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, catalogApi],
        [starredEntitiesApiRef, new MockStarredEntitiesApi()],
        [permissionApiRef, mockApis.permission()],
        [
          scmIntegrationsApiRef,
          ScmIntegrationsApi.fromConfig(mockApis.config()),
        ],
        [
          entityPresentationApiRef,
          DefaultEntityPresentationApi.create({ catalogApi }),
        ],
      ]}
    >
      <EntityProvider entity={entity}>{entityPage}</EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog': catalogPlugin.routes.catalogIndex,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

describe('EntityPage', () => {
  it('has a DORA tab on a Component that names its GitHub repository', async () => {
    await renderEntityPage(
      component({ 'github.com/project-slug': 'acme/payments-api' }),
    );
    expect(
      await screen.findByRole('tab', { name: 'Overview' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'DORA' })).toBeInTheDocument();
  });

  it('has no DORA tab on a Component without the annotation', async () => {
    await renderEntityPage(component());
    expect(
      await screen.findByRole('tab', { name: 'Overview' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'DORA' })).toBeNull();
  });

  it('has a DORA tab on a Group', async () => {
    await renderEntityPage(group);
    expect(
      await screen.findByRole('tab', { name: 'Overview' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'DORA' })).toBeInTheDocument();
  });

  it('has a Cost tab on a Component whose pods a Kubernetes annotation links', async () => {
    await renderEntityPage(
      component({ 'backstage.io/kubernetes-id': 'payments-api' }),
    );
    expect(
      await screen.findByRole('tab', { name: 'Overview' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Cost' })).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'DORA' })).toBeNull();
  });

  it('has no Cost tab on a Component without a Kubernetes annotation', async () => {
    await renderEntityPage(
      component({ 'github.com/project-slug': 'acme/payments-api' }),
    );
    expect(
      await screen.findByRole('tab', { name: 'DORA' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Cost' })).toBeNull();
  });

  it('has a Cost tab on a Group', async () => {
    await renderEntityPage(group);
    expect(
      await screen.findByRole('tab', { name: 'Cost' }),
    ).toBeInTheDocument();
  });

  it('has a Cost tab on a kubernetes-cluster Resource only', async () => {
    await renderEntityPage(cluster);
    expect(
      await screen.findByRole('tab', { name: 'Cost' }),
    ).toBeInTheDocument();
  });

  it('has no Cost tab on another Resource', async () => {
    await renderEntityPage(database);
    expect(
      await screen.findByRole('tab', { name: 'Overview' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Cost' })).toBeNull();
  });

  it('has a Canary tab on a Component that runs in Kubernetes', async () => {
    await renderEntityPage(
      component({ 'backstage.io/kubernetes-id': 'payments-api' }),
    );
    expect(
      await screen.findByRole('tab', { name: 'Canary' }),
    ).toBeInTheDocument();
  });

  it('has no Canary tab on a Component without a Kubernetes annotation', async () => {
    await renderEntityPage(
      component({ 'github.com/project-slug': 'acme/payments-api' }),
    );
    expect(
      await screen.findByRole('tab', { name: 'Overview' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Canary' })).toBeNull();
  });

  it('has a Canary tab on a kubernetes-cluster Resource', async () => {
    await renderEntityPage(cluster);
    expect(
      await screen.findByRole('tab', { name: 'Canary' }),
    ).toBeInTheDocument();
  });

  it.each([
    ['another Resource', database],
    ['a Group', group],
  ])('has no Canary tab on %s', async (_what, entity) => {
    await renderEntityPage(entity);
    expect(
      await screen.findByRole('tab', { name: 'Overview' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Canary' })).toBeNull();
  });
});
