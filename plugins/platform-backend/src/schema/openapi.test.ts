import { mockServices } from '@backstage/backend-test-utils';
import { CANONICAL_EVENT_TYPES } from '@goldenpath/plugin-platform-common';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createRouter } from '../service/router';

const spec = parse(
  fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
);

async function routerRoutes(): Promise<string[]> {
  const router = await createRouter({
    intake: {} as any,
    dora: {} as any,
    store: {} as any,
    linkerStatus: () => ({ entitiesIndexed: 0, indexBuiltAt: null }),
    sources: [],
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
    maxBodySize: '1mb',
  });
  return (router as any).stack
    .filter((layer: any) => layer.route)
    .flatMap((layer: any) =>
      Object.keys(layer.route.methods).map(
        m => `${m} ${layer.route.path.replace(/:(\w+)/g, '{$1}')}`,
      ),
    )
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
    expect(spec.components.schemas.CanonicalEvent.properties.type.enum).toEqual(
      [...CANONICAL_EVENT_TYPES],
    );
  });
});
