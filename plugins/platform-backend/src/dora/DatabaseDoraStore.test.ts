import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { DoraUpserts } from './projectDoraEvents';
import { DatabaseDoraStore } from './DatabaseDoraStore';

jest.setTimeout(60_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const ref = 'component:default/payments-api';

const upserts = (over: Partial<DoraUpserts> = {}): DoraUpserts => ({
  deployments: [],
  changes: [],
  incidents: [],
  ...over,
});

const deployment = (id: string, finishedAt: string, status = 'success') => ({
  source: 'ci',
  deploymentId: id,
  entityRef: ref,
  environment: 'production',
  sha: 'abcdef1234567',
  status: status as 'success',
  startedAt: finishedAt,
  finishedAt,
  changeShas: ['abcdef1234567'],
  rollback: false,
});

describe.each(databases.eachSupportedId())('DatabaseDoraStore (%s)', id => {
  async function createStore() {
    const knex = await databases.init(id);
    const store = await DatabaseDoraStore.create({
      database: mockServices.database({ knex }),
    });
    /** What the projection runner does with a page: upsert inside its transaction. */
    const apply = (u: DoraUpserts) =>
      knex.transaction(tx => store.upsert(u, tx));
    return Object.assign(store, { apply });
  }

  it('upserts rows by natural key: a later version replaces the earlier', async () => {
    const store = await createStore();
    await store.apply(
      upserts({
        deployments: [deployment('d1', '2026-11-02T10:00:00.000Z', 'failure')],
      }),
    );
    await store.apply(
      upserts({ deployments: [deployment('d1', '2026-11-02T10:00:00.000Z')] }),
    );
    const rows = await store.listDeployments({
      entityRefs: [ref],
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-03T00:00:00.000Z',
    });
    expect(rows).toEqual([
      {
        deploymentId: 'd1',
        entityRef: ref,
        environment: 'production',
        sha: 'abcdef1234567',
        status: 'success',
        startedAt: '2026-11-02T10:00:00.000Z',
        finishedAt: '2026-11-02T10:00:00.000Z',
        changeShas: ['abcdef1234567'],
        rollback: false,
      },
    ]);
  });

  it('filters by entity and half-open time range', async () => {
    const store = await createStore();
    await store.apply(
      upserts({
        deployments: [
          deployment('early', '2026-11-01T00:00:00.000Z'),
          deployment('edge', '2026-11-03T00:00:00.000Z'),
          {
            ...deployment('other', '2026-11-02T00:00:00.000Z'),
            entityRef: 'component:default/x',
          },
        ],
      }),
    );
    const rows = await store.listDeployments({
      entityRefs: [ref],
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-03T00:00:00.000Z',
    });
    expect(rows.map(r => r.deploymentId)).toEqual(['early']);
  });

  it('keeps a resolution when a late opened event is applied', async () => {
    const store = await createStore();
    const incident = {
      source: 'pd',
      incidentId: 'i1',
      entityRef: ref,
      severity: 'SEV1',
      openedAt: '2026-11-02T10:00:00.000Z',
    };
    await store.apply(
      upserts({
        incidents: [{ ...incident, resolvedAt: '2026-11-02T12:00:00.000Z' }],
      }),
    );
    await store.apply(
      upserts({ incidents: [{ ...incident, severity: 'SEV2' }] }),
    );
    const [row] = await store.listIncidents({
      entityRefs: [ref],
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-03T00:00:00.000Z',
    });
    expect(row).toMatchObject({
      severity: 'SEV2',
      resolvedAt: '2026-11-02T12:00:00.000Z',
    });
  });

  it('stores changes with their commits', async () => {
    const store = await createStore();
    await store.apply(
      upserts({
        changes: [
          {
            source: 'gh',
            entityRef: ref,
            repository: 'acme/payments-api',
            prNumber: 4,
            mergeSha: 'abcdef1234567',
            openedAt: '2026-11-01T10:00:00.000Z',
            mergedAt: '2026-11-02T10:00:00.000Z',
            additions: 5,
            deletions: 1,
            commits: [
              { sha: 'abcdef1234567', committedAt: '2026-11-01T09:00:00.000Z' },
            ],
            labels: ['hotfix'],
          },
        ],
      }),
    );
    const [c] = await store.listChanges({
      entityRefs: [ref],
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-03T00:00:00.000Z',
    });
    expect(c).toMatchObject({ prNumber: 4, additions: 5, labels: ['hotfix'] });
    expect(c.commits).toHaveLength(1);
  });

  it('lists the environments deployed to, per entity, sorted', async () => {
    const store = await createStore();
    await store.apply(
      upserts({
        deployments: [
          {
            ...deployment('a', '2026-11-01T00:00:00.000Z'),
            environment: 'staging',
          },
          deployment('b', '2026-11-02T00:00:00.000Z'),
          deployment('c', '2026-11-03T00:00:00.000Z'),
          {
            ...deployment('d', '2026-11-02T00:00:00.000Z'),
            entityRef: 'component:default/x',
            environment: 'qa',
          },
        ],
      }),
    );
    expect(await store.listEnvironments([ref])).toEqual([
      'production',
      'staging',
    ]);
    expect(await store.listEnvironments([])).toEqual([]);
  });
});
