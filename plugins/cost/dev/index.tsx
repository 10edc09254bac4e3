import { Entity } from '@backstage/catalog-model';
import { Content, Header, Page } from '@backstage/core-components';
import {
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { createDevApp } from '@backstage/dev-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { PlatformApi, platformApiRef } from '@goldenpath/plugin-platform-react';
import { useParams } from 'react-router-dom';
import {
  clusterEntity,
  componentEntity,
  componentWithoutAnnotation,
  createFakePlatformApi,
  groupEntity,
  newComponentEntity,
} from '../src/__fixtures__/costData';
import { costPlugin, EntityCostContent } from '../src';

const entities = [
  componentEntity,
  newComponentEntity,
  componentWithoutAnnotation,
  groupEntity,
  clusterEntity,
];

/** The fixtures, answered after a short delay so the progress bar shows. */
function slowFakeApi(): PlatformApi {
  const fake = createFakePlatformApi();
  const delay = <T,>(value: Promise<T>) =>
    new Promise<T>(resolve => setTimeout(() => resolve(value), 400));
  return {
    get: ((...args: Parameters<PlatformApi['get']>) =>
      delay(fake.get(...args))) as PlatformApi['get'],
    post: ((...args: Parameters<PlatformApi['post']>) =>
      delay(fake.post(...args))) as PlatformApi['post'],
  };
}

function EntityCostPage(props: { entity: Entity }) {
  const { entity } = props;
  return (
    <Page themeId="service">
      <Header
        title={entity.metadata.title ?? entity.metadata.name}
        subtitle={`${entity.kind} · Cost`}
      />
      <Content>
        <EntityProvider entity={entity}>
          <EntityCostContent />
        </EntityProvider>
      </Content>
    </Page>
  );
}

/** Stands in for the catalog's entity page, so entity links resolve. */
function DevEntityPage() {
  const { kind, name } = useParams();
  const entity = entities.find(
    e =>
      e.kind.toLocaleLowerCase('en-US') === kind?.toLocaleLowerCase('en-US') &&
      e.metadata.name === name,
  ) ?? {
    ...componentEntity,
    metadata: { ...componentEntity.metadata, name: name ?? 'unknown' },
  };
  return <EntityCostPage entity={entity} />;
}

const devCatalogPlugin = createPlugin({ id: 'dev-catalog' });
const DevEntityRoute = devCatalogPlugin.provide(
  createRoutableExtension({
    name: 'DevEntityRoute',
    component: async () => DevEntityPage,
    mountPoint: entityRouteRef,
  }),
);

createDevApp()
  .registerPlugin(costPlugin, devCatalogPlugin)
  .registerApi({ api: platformApiRef, deps: {}, factory: slowFakeApi })
  .addPage({
    path: '/cost',
    title: 'Component',
    element: <EntityCostPage entity={componentEntity} />,
  })
  .addPage({
    path: '/cost-group',
    title: 'Group',
    element: <EntityCostPage entity={groupEntity} />,
  })
  .addPage({
    path: '/cost-cluster',
    title: 'Cluster',
    element: <EntityCostPage entity={clusterEntity} />,
  })
  .addPage({
    path: '/cost-empty',
    title: 'No usage yet',
    element: <EntityCostPage entity={newComponentEntity} />,
  })
  .addPage({
    path: '/cost-missing-annotation',
    title: 'No annotation',
    element: <EntityCostPage entity={componentWithoutAnnotation} />,
  })
  .addPage({
    path: '/catalog/:namespace/:kind/:name',
    element: <DevEntityRoute />,
  })
  .render();
