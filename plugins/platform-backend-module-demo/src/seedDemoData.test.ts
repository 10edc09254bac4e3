import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { InMemoryIntake } from '@goldenpath/plugin-platform-node/testUtils';
import { catalogEntities } from './__testUtils__/catalogEntities';
import { demoCatalogFrom, seedDemoData } from './seedDemoData';

function setup(maxBatchSize = 10_000) {
  const intake = new InMemoryIntake(maxBatchSize);
  const catalog = catalogServiceMock({ entities: catalogEntities });
  const seed = (now: Date) =>
    seedDemoData({
      catalog,
      auth: mockServices.auth(),
      intake,
      logger: mockServices.logger.mock(),
      historyDays: 20,
      telemetryDays: 3,
      now,
    });
  return { intake, seed };
}

describe('seedDemoData', () => {
  it('derives services and clusters from catalog annotations', () => {
    expect(demoCatalogFrom(catalogEntities)).toEqual({
      clusters: ['prod-eu-west-1', 'prod-us-east-1'],
      services: [
        expect.objectContaining({
          entityRef: 'component:default/ledger-service',
          clusters: ['prod-us-east-1'],
          labelSelector:
            'app.kubernetes.io/name=ledger-service,app.kubernetes.io/component=ledger',
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

  it('sends history through the intake from demo-* sources, and a rerun adds only what is new', async () => {
    const { intake, seed } = setup();
    const now = new Date('2026-11-20T12:00:00Z');
    const first = await seed(now);
    expect(first.accepted).toBeGreaterThan(100);
    expect(first.accepted).toBe(first.sent);
    const events = [...intake.events.values()];
    expect(events).toHaveLength(first.accepted);
    expect(events.every(e => e.source.startsWith('demo-'))).toBe(true);
    expect([...new Set(events.map(e => e.type))]).toEqual(
      expect.arrayContaining([
        'pod.usage',
        'canary.run',
        'change.merged',
        'deployment.finished',
      ]),
    );
    // Every subject names an annotation of the catalog, so the linker can link
    // everything (module.test.ts checks that against the real intake).
    const subjects = new Set(
      events.map(e => `${e.subject.kind}:${e.subject.name}`),
    );
    expect([...subjects].sort()).toEqual([
      'cluster:prod-eu-west-1',
      'cluster:prod-us-east-1',
      'kubernetes-id:ledger-service',
      'kubernetes-id:payments-api',
      'repository:acme/ledger-service',
      'repository:acme/payments-api',
    ]);

    const again = await seed(now);
    expect(again.accepted).toBe(0);
    expect(intake.events.size).toBe(first.accepted);

    const nextDay = await seed(new Date('2026-11-21T12:00:00Z'));
    expect(nextDay.accepted).toBeGreaterThan(0);
    expect(nextDay.accepted).toBeLessThan(first.accepted);
    // Resuming from the newest demo event re-sends a short lookback, not the
    // whole history.
    expect(nextDay.sent).toBeLessThan(first.sent);
    const latest = await intake.latestOccurredAt('demo-');
    expect(latest! < '2026-11-21T12:00:00.000Z').toBe(true);
    expect(latest! > '2026-11-20T12:00:00.000Z').toBe(true);
  });

  it('never sends a batch larger than the intake takes', async () => {
    const { intake, seed } = setup(250);
    const { sent } = await seed(new Date('2026-11-20T12:00:00Z'));
    expect(intake.batchSizes.length).toBe(Math.ceil(sent / 250));
    expect(Math.max(...intake.batchSizes)).toBe(250);
  });

  it('throws when the intake rejects a demo event', async () => {
    const { intake, seed } = setup();
    jest.spyOn(intake, 'ingest').mockResolvedValueOnce({
      accepted: 0,
      duplicates: 0,
      conflicts: 0,
      rejected: 1,
      results: [
        {
          index: 0,
          source: 'demo-ci',
          id: 'x',
          status: 'rejected',
          error: 'data.sha: required',
        },
      ],
    });
    await expect(seed(new Date('2026-11-20T12:00:00Z'))).rejects.toThrow(
      /1 invalid events; first: demo-ci\/x: data\.sha: required/,
    );
  });

  it('sends nothing while the catalog has no annotated components', async () => {
    const intake = new InMemoryIntake(10_000);
    const result = await seedDemoData({
      catalog: catalogServiceMock({ entities: [catalogEntities[2]] }),
      auth: mockServices.auth(),
      intake,
      logger: mockServices.logger.mock(),
      historyDays: 20,
      telemetryDays: 3,
    });
    expect(result).toEqual({ sent: 0, accepted: 0 });
    expect(intake.batchSizes).toEqual([]);
  });
});
