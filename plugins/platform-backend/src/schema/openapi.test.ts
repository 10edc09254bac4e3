import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CANONICAL_EVENT_TYPES } from '@goldenpath/plugin-platform-common';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { platformFeatures } from '../features';
import { createRouter } from '../service/router';

// The generator is a repository script (npm run generate:openapi), not a package.
/* eslint-disable @backstage/no-relative-monorepo-imports */
const {
  renderOpenApiFiles,
} = require('../../../../scripts/generate-openapi-lib.cjs');
/* eslint-enable @backstage/no-relative-monorepo-imports */

jest.setTimeout(60_000);

const spec = parse(
  fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
);

/** Served by the OpenAPI router itself, not part of the contract. */
const SPEC_ROUTE = 'get /openapi.json';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** Method and path of every route, nested routers included. */
function routesOf(stack: any[]): string[] {
  return stack.flatMap((layer: any) => {
    if (layer.route) {
      return Object.keys(layer.route.methods).map(
        m => `${m} ${layer.route.path.replace(/:(\w+)/g, '{$1}')}`,
      );
    }
    return Array.isArray(layer.handle?.stack)
      ? routesOf(layer.handle.stack)
      : [];
  });
}

/** The router as plugin.ts builds it: shared routes plus every feature's. */
async function routerRoutes(): Promise<string[]> {
  const knex = await databases.init('SQLITE_3');
  const catalog = catalogServiceMock();
  // one after the other, as plugin.ts does: each migrates the one database
  const features = [];
  for (const factory of platformFeatures) {
    features.push(
      await factory.create({
        rootConfig: mockServices.rootConfig(),
        logger: mockServices.logger.mock(),
        database: mockServices.database({ knex }),
        catalog,
        actionsRegistry: actionsRegistryServiceMock(),
        auth: mockServices.auth(),
        permissions: mockServices.permissions(),
        eventLog: { entityClusters: async () => [] },
        notifications: { send: async () => {} },
        canaryRunners: [],
      }),
    );
  }
  const router = await createRouter({
    intake: {} as any,
    store: {} as any,
    catalog,
    features,
    linkerStatus: () => ({ entitiesIndexed: 0, indexBuiltAt: null }),
    projectionHealth: async () => ({}),
    sources: [],
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
    maxBodySize: '1mb',
  });
  return routesOf((router as any).stack)
    .filter(route => route !== SPEC_ROUTE)
    .sort();
}

describe('openapi.yaml', () => {
  it('documents exactly the routes the router serves', async () => {
    const documented = Object.entries(spec.paths)
      .flatMap(([p, ops]) => Object.keys(ops as object).map(m => `${m} ${p}`))
      .sort();
    expect(documented).toEqual(await routerRoutes());
  });

  it('lists the same event types as the zod schemas', () => {
    expect(spec.components.schemas.CanonicalEventType.enum).toEqual([
      ...CANONICAL_EVENT_TYPES,
    ]);
  });

  it('matches the committed generated files (run npm run generate:openapi)', async () => {
    const files: Array<{ path: string; content: string }> =
      await renderOpenApiFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const committed = fs.existsSync(file.path)
        ? fs.readFileSync(file.path, 'utf8')
        : `(missing: ${file.path})`;
      expect({ path: file.path, content: committed }).toEqual(file);
    }
  });
});
