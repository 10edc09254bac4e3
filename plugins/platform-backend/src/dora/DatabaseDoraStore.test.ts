import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { DoraUpserts } from './projectDoraEvents';
import { DatabaseDoraStore } from './DatabaseDoraStore';
import { requirePostgres } from '../__testUtils__/databases';

jest.setTimeout(60_000);
const databases = requirePostgres(
  TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] }),
);
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

  it('keeps a row per entity when two entities use the same ids from one source', async () => {
    const store = await createStore();
    const other = 'component:default/checkout-web';
    const incident = {
      source: 'pd',
      incidentId: '7',
      severity: 'SEV1',
      openedAt: '2026-11-02T11:00:00.000Z',
      causedByDeploymentId: '42',
    };
    const change = {
      source: 'gh',
      repository: 'acme/monorepo',
      prNumber: 4,
      mergeSha: 'abcdef1234567',
      openedAt: '2026-11-01T10:00:00.000Z',
      mergedAt: '2026-11-02T09:00:00.000Z',
      additions: 5,
      deletions: 1,
      commits: [],
      labels: [],
    };
    await store.apply(
      upserts({
        deployments: [deployment('42', '2026-11-02T10:00:00.000Z')],
        changes: [{ ...change, entityRef: ref }],
        incidents: [
          {
            ...incident,
            entityRef: ref,
            resolvedAt: '2026-11-02T12:00:00.000Z',
          },
        ],
      }),
    );
    // the other entity's rows arrive later, in another page
    await store.apply(
      upserts({
        deployments: [
          {
            ...deployment('42', '2026-11-02T10:30:00.000Z', 'failure'),
            entityRef: other,
          },
        ],
        changes: [{ ...change, entityRef: other, additions: 50 }],
        incidents: [{ ...incident, entityRef: other, severity: 'SEV3' }],
      }),
    );
    const query = {
      entityRefs: [ref, other],
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-03T00:00:00.000Z',
    };
    const byRef = <T extends { entityRef: string }>(rows: T[]) =>
      [...rows].sort((x, y) => x.entityRef.localeCompare(y.entityRef));
    expect(
      byRef(await store.listDeployments(query)).map(d => [
        d.entityRef,
        d.deploymentId,
        d.status,
      ]),
    ).toEqual([
      [other, '42', 'failure'],
      [ref, '42', 'success'],
    ]);
    expect(
      byRef(await store.listChanges(query)).map(c => [
        c.entityRef,
        c.additions,
      ]),
    ).toEqual([
      [other, 50],
      [ref, 5],
    ]);
    expect(
      byRef(await store.listIncidents(query)).map(i => [
        i.entityRef,
        i.severity,
        i.resolvedAt,
      ]),
    ).toEqual([
      [other, 'SEV3', undefined],
      [ref, 'SEV1', '2026-11-02T12:00:00.000Z'],
    ]);
  });

  it('stores keys of every column at its maximum length', async () => {
    const store = await createStore();
    // three-byte characters that do not compress: the widest index entries
    let seed = 7;
    const wide = (length: number) =>
      Array.from({ length }, () => {
        seed = (seed * 48271) % 2147483647;
        return String.fromCharCode(0x4e00 + (seed % 0x5000));
      }).join('');
    const longRef = `component:default/${'x'.repeat(400 - 18)}`;
    const source = wide(200);
    await store.apply(
      upserts({
        deployments: [
          {
            ...deployment(wide(200), '2026-11-02T10:00:00.000Z'),
            source,
            entityRef: longRef,
          },
        ],
        changes: [
          {
            source,
            entityRef: longRef,
            repository: wide(300),
            prNumber: 2147483647,
            mergeSha: 'a'.repeat(64),
            openedAt: '2026-11-01T10:00:00.000Z',
            mergedAt: '2026-11-02T09:00:00.000Z',
            additions: 0,
            deletions: 0,
            commits: [],
            labels: [],
          },
        ],
        incidents: [
          {
            source,
            entityRef: longRef,
            incidentId: wide(200),
            severity: wide(40),
            openedAt: '2026-11-02T11:00:00.000Z',
            causedByDeploymentId: wide(200),
          },
        ],
      }),
    );
    const query = {
      entityRefs: [longRef],
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-03T00:00:00.000Z',
    };
    expect(await store.listDeployments(query)).toHaveLength(1);
    expect(await store.listChanges(query)).toHaveLength(1);
    expect(await store.listIncidents(query)).toHaveLength(1);
  });
});
