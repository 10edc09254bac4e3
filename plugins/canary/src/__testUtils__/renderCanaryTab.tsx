import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { PlatformApi, platformApiRef } from '@goldenpath/plugin-platform-react';
import { SWRConfig } from 'swr';
import {
  componentEntity,
  createFakePlatformApi,
} from '../__fixtures__/canaryData';
import { EntityCanaryContent } from '../components/EntityCanaryContent';

export interface RenderOptions {
  /** Whether the permission policy lets the user run checks; default yes. */
  mayRun?: boolean;
  /** Replaces the one `mayRun` builds, e.g. to spy on it. */
  permissionApi?: PermissionApi;
  /** The URL the tab opens at, e.g. `/?window=7d`. */
  route?: string;
}

/** The Canary tab of an entity, as a legacy app renders it, against a fake API. */
export async function renderCanaryTab(
  api: PlatformApi = createFakePlatformApi(),
  entity: Entity = componentEntity,
  options: RenderOptions = {},
) {
  const permissionApi =
    options.permissionApi ??
    mockApis.permission({
      authorize:
        options.mayRun === false ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
    });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [platformApiRef, api],
        [permissionApiRef, permissionApi],
      ]}
    >
      {/* usePermission caches decisions in SWR's global cache: one per test. */}
      <SWRConfig value={{ provider: () => new Map() }}>
        <EntityProvider entity={entity}>
          <EntityCanaryContent />
        </EntityProvider>
      </SWRConfig>
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries: options.route ? [options.route] : undefined,
    },
  );
  return { permissionApi };
}
