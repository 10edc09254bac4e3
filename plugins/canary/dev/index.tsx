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
  newComponentEntity,
  uncheckedComponentEntity,
} from '../src/__fixtures__/canaryData';
import { canaryPlugin, EntityCanaryContent } from '../src';

const entities = [
  componentEntity,
  newComponentEntity,
  uncheckedComponentEntity,
  componentWithoutAnnotation,
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

function EntityCanaryPage(props: { entity: Entity }) {
  const { entity } = props;
  return (
    <Page themeId="service">
      <Header
        title={entity.metadata.title ?? entity.metadata.name}
        subtitle={`${entity.kind} · Canary`}
      />
      <Content>
        <EntityProvider entity={entity}>
          <EntityCanaryContent />
        </EntityProvider>
      </Content>
    </Page>
  );
}

/** Stands in for the catalog's entity page, so cluster links resolve. */
function DevEntityPage() {
  const { kind, name } = useParams();
  const entity = entities.find(
    e =>
      e.kind.toLocaleLowerCase('en-US') === kind?.toLocaleLowerCase('en-US') &&
      e.metadata.name === name,
  ) ?? {
    ...clusterEntity,
    metadata: { ...clusterEntity.metadata, name: name ?? 'unknown' },
  };
  return <EntityCanaryPage entity={entity} />;
}

const devCatalogPlugin = createPlugin({ id: 'dev-catalog' });
const DevEntityRoute = devCatalogPlugin.provide(
  createRoutableExtension({
    name: 'DevEntityRoute',
    component: async () => DevEntityPage,
    mountPoint: entityRouteRef,
  }),
);

// Without `permission.enabled` in the dev app's config, the default permission
// API allows everything, so "Run now" is enabled and answers with the fixture.
createDevApp()
  .registerPlugin(canaryPlugin, devCatalogPlugin)
  .registerApi({ api: platformApiRef, deps: {}, factory: slowFakeApi })
  .addPage({
    path: '/canary',
    title: 'Component',
    element: <EntityCanaryPage entity={componentEntity} />,
  })
  .addPage({
    path: '/canary-cluster',
    title: 'Cluster',
    element: <EntityCanaryPage entity={clusterEntity} />,
  })
  .addPage({
    path: '/canary-no-clusters',
    title: 'No clusters known',
    element: <EntityCanaryPage entity={newComponentEntity} />,
  })
  .addPage({
    path: '/canary-no-checks',
    title: 'No checks',
    element: <EntityCanaryPage entity={uncheckedComponentEntity} />,
  })
  .addPage({
    path: '/canary-missing-annotation',
    title: 'No annotation',
    element: <EntityCanaryPage entity={componentWithoutAnnotation} />,
  })
  .addPage({
    path: '/catalog/:namespace/:kind/:name',
    element: <DevEntityRoute />,
  })
  .render();
