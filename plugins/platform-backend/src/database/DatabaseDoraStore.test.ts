import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { DoraUpserts } from '../dora/projectDoraEvents';
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
    return DatabaseDoraStore.create({
      database: mockServices.database({ knex }),
    });
  }

  it('upserts rows and moves the cursor in one step', async () => {
    const store = await createStore();
    expect(await store.getCursor()).toBe(0);
    await store.apply(
      upserts({
        deployments: [deployment('d1', '2026-11-02T10:00:00.000Z', 'failure')],
      }),
      7,
    );
    await store.apply(
      upserts({ deployments: [deployment('d1', '2026-11-02T10:00:00.000Z')] }),
      9,
    );
    expect(await store.getCursor()).toBe(9);
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
      3,
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
      1,
    );
    await store.apply(
      upserts({ incidents: [{ ...incident, severity: 'SEV2' }] }),
      2,
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

  it('stores changes with their commits and rewinds the cursor only backwards', async () => {
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
      50,
    );
    const [c] = await store.listChanges({
      entityRefs: [ref],
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-03T00:00:00.000Z',
    });
    expect(c).toMatchObject({ prNumber: 4, additions: 5, labels: ['hotfix'] });
    expect(c.commits).toHaveLength(1);
    await store.rewind(60);
    expect(await store.getCursor()).toBe(50);
    await store.rewind(20);
    expect(await store.getCursor()).toBe(20);
  });
});
