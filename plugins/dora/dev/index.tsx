import { Content, Header, Page } from '@backstage/core-components';
import {
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { createDevApp } from '@backstage/dev-utils';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { PlatformApi, platformApiRef } from '@goldenpath/plugin-platform-react';
import { useParams } from 'react-router-dom';
import {
  componentEntity,
  componentWithoutSlug,
  createFakePlatformApi,
  groupEntity,
  newComponentEntity,
} from '../src/__fixtures__/doraMetrics';
import { doraPlugin, EntityDoraContent } from '../src';

const entities = [
  componentEntity,
  newComponentEntity,
  componentWithoutSlug,
  groupEntity,
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

function EntityDoraPage(props: { entity: Entity }) {
  const { entity } = props;
  return (
    <Page themeId="service">
      <Header
        title={entity.metadata.title ?? entity.metadata.name}
        subtitle={`${entity.kind} · DORA`}
      />
      <Content>
        <EntityProvider entity={entity}>
          <EntityDoraContent />
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
    metadata: {
      ...componentEntity.metadata,
      name: name ?? 'unknown',
      title: name,
    },
  };
  return <EntityDoraPage entity={entity} />;
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
  .registerPlugin(doraPlugin, devCatalogPlugin)
  .registerApi({
    api: platformApiRef,
    deps: {},
    factory: slowFakeApi,
  })
  .addPage({
    path: '/dora',
    title: 'Component',
    element: <EntityDoraPage entity={componentEntity} />,
  })
  .addPage({
    path: '/dora-group',
    title: 'Group',
    element: <EntityDoraPage entity={groupEntity} />,
  })
  .addPage({
    path: '/dora-empty',
    title: 'No events yet',
    element: <EntityDoraPage entity={newComponentEntity} />,
  })
  .addPage({
    path: '/dora-missing-annotation',
    title: 'No annotation',
    element: <EntityDoraPage entity={componentWithoutSlug} />,
  })
  .addPage({
    path: '/catalog/:namespace/:kind/:name',
    element: <DevEntityRoute />,
  })
  .render();
