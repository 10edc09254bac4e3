import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogEntities } from '../__testUtils__/events';
import { DatabaseEventStore } from '../database/DatabaseEventStore';
import { EventIntake } from '../ingest/EventIntake';
import { CatalogEntityLinker } from '../linker/CatalogEntityLinker';
import { demoCatalogFrom, seedDemoData } from './seedDemoData';

jest.setTimeout(60_000);
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function setup() {
  const knex = await databases.init('SQLITE_3');
  const store = await DatabaseEventStore.create({
    database: mockServices.database({ knex }),
  });
  const catalog = catalogServiceMock({ entities: catalogEntities });
  const auth = mockServices.auth();
  const logger = mockServices.logger.mock();
  const linker = new CatalogEntityLinker({
    catalog,
    auth,
    logger,
    maxAgeMs: 60_000,
  });
  const intake = new EventIntake({
    store,
    linker,
    maxBatchSize: 10_000,
    maxFutureSkewMs: 0,
  });
  const seed = (now: Date) =>
    seedDemoData({
      catalog,
      auth,
      store,
      intake,
      logger,
      historyDays: 20,
      telemetryDays: 3,
      batchSize: 10_000,
      now,
    });
  return { store, seed };
}

describe('seedDemoData', () => {
  it('derives services and clusters from catalog annotations', () => {
    expect(demoCatalogFrom(catalogEntities as any)).toEqual({
      clusters: ['prod-eu-west-1'],
      services: [
        expect.objectContaining({
          entityRef: 'component:default/ledger-service',
          clusters: ['prod-us-east-1'],
        }),
        expect.objectContaining({
          entityRef: 'component:default/payments-api',
          repository: 'acme/payments-api',
          kubernetesId: 'payments-api',
          namespace: 'payments',
        }),
      ],
    });
  });

  it('sends history through the intake, linked, and a rerun adds only what is new', async () => {
    const { store, seed } = await setup();
    const now = new Date('2026-11-20T12:00:00Z');
    const first = await seed(now);
    expect(first.accepted).toBeGreaterThan(100);
    expect(first.accepted).toBe(first.sent);
    const stats = await store.stats();
    expect(stats.total).toBe(first.accepted);
    // Every demo subject comes from the catalog, so everything links.
    expect(stats.unlinked).toBe(0);
    const types = new Set((await store.list({ limit: 1000 })).map(e => e.type));
    expect([...types]).toEqual(
      expect.arrayContaining([
        'pod.usage',
        'canary.run',
        'change.merged',
        'deployment.finished',
      ]),
    );

    const again = await seed(now);
    expect(again.accepted).toBe(0);
    expect((await store.stats()).total).toBe(first.accepted);

    const nextDay = await seed(new Date('2026-11-21T12:00:00Z'));
    expect(nextDay.accepted).toBeGreaterThan(0);
    expect(nextDay.accepted).toBeLessThan(first.accepted);
    const latest = await store.latestOccurredAt('demo-');
    expect(latest! < '2026-11-21T12:00:00.000Z').toBe(true);
    expect(latest! > '2026-11-20T12:00:00.000Z').toBe(true);
  });
});
