import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogEntities } from '../__testUtils__/events';
import { CatalogEntityLinker } from './CatalogEntityLinker';

const target = {
  subject: { kind: 'repository' as const, name: 'acme/payments-api' },
};

/** A catalog that is empty until `load()`, as at backend startup. */
function startingCatalog() {
  const full = catalogServiceMock({ entities: catalogEntities });
  let loaded = false;
  let calls = 0;
  const catalog = {
    ...full,
    getEntities: async (...args: Parameters<typeof full.getEntities>) => {
      calls += 1;
      return loaded ? full.getEntities(...args) : { items: [] };
    },
  } as typeof full;
  return { catalog, load: () => (loaded = true), calls: () => calls };
}

describe('CatalogEntityLinker', () => {
  it('reuses a non-empty index for the cache time', async () => {
    const { catalog, load, calls } = startingCatalog();
    load();
    let now = 0;
    const linker = new CatalogEntityLinker({
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      maxAgeMs: 300_000,
      now: () => now,
    });
    expect((await linker.link([target]))[0].entityRef).toBe(
      'component:default/payments-api',
    );
    now = 299_000;
    await linker.link([target]);
    expect(calls()).toBe(1);
    now = 301_000;
    await linker.link([target]);
    expect(calls()).toBe(2);
  });

  it('looks again within seconds while the catalog is still empty', async () => {
    const { catalog, load, calls } = startingCatalog();
    let now = 0;
    const linker = new CatalogEntityLinker({
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      maxAgeMs: 300_000,
      now: () => now,
    });
    expect((await linker.link([target]))[0].entityRef).toBeUndefined();
    load();
    now = 2_000;
    expect((await linker.link([target]))[0].entityRef).toBeUndefined();
    now = 6_000;
    expect((await linker.link([target]))[0].entityRef).toBe(
      'component:default/payments-api',
    );
    expect(calls()).toBe(2);
  });

  it('logs an annotation it cannot use once, not on every rebuild', async () => {
    const broken = {
      ...catalogEntities[0],
      metadata: {
        ...catalogEntities[0].metadata,
        annotations: {
          ...catalogEntities[0].metadata.annotations,
          'backstage.io/kubernetes-label-selector': 'app in (',
        },
      },
    };
    const logger = mockServices.logger.mock();
    const linker = new CatalogEntityLinker({
      catalog: catalogServiceMock({ entities: [broken] }),
      auth: mockServices.auth(),
      logger,
      maxAgeMs: 0,
    });
    await linker.refresh();
    await linker.refresh();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'component:default/payments-api: backstage.io/kubernetes-label-selector ignored: unbalanced parentheses',
    );
  });
});
