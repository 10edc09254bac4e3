import { mockCredentials, TestDatabaseId } from '@backstage/backend-test-utils';
import {
  canaryWindow,
  canaryWindowStats,
  rollUpCanaryHours,
} from '@goldenpath/plugin-platform-common';
import { asRuns, canaryRuns, EU, US } from '../__testUtils__/canaryEvents';
import { createCanaryHarness } from '../__testUtils__/canaryHarness';
import { usageEvent } from '../__testUtils__/costEvents';
import { createTestDatabases } from '../__testUtils__/databases';
import { catalogEntities } from '../__testUtils__/events';

jest.setTimeout(120_000);
const databases = createTestDatabases();

const component = (name: string, annotations: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', owner: 'team-search', lifecycle: 'production' },
});

const entities = [
  ...catalogEntities,
  // no cluster list: its pods were seen in US
  component('search-api', {
    'backstage.io/kubernetes-id': 'search-api',
    'backstage.io/kubernetes-namespace': 'search',
  }),
  component('orphan', {}),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'payments-openapi', namespace: 'default' },
    spec: { type: 'openapi', owner: 'team-payments', lifecycle: 'production' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-payments', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'us-cluster',
      namespace: 'default',
      annotations: { 'goldenpath.dev/cluster-name': US },
    },
    spec: { type: 'kubernetes-cluster', owner: 'team-platform' },
  },
];

// 10:00 … 11:59 every minute; ingress fails its last three runs in both clusters
const ingressEu = canaryRuns(`${'p'.repeat(117)}fff`, {
  from: '2026-11-09T10:00:00Z',
  check: 'ingress-http',
  capability: 'ingress',
});
const ingressUs = canaryRuns(`${'p'.repeat(117)}fff`, {
  from: '2026-11-09T10:00:00Z',
  cluster: US,
  check: 'ingress-http',
  capability: 'ingress',
});
// a third cluster runs ingress and passes
const ingressAp = canaryRuns('p'.repeat(20), {
  from: '2026-11-09T11:40:00Z',
  cluster: 'prod-ap-south-1',
  check: 'ingress-http',
  capability: 'ingress',
});
const deployEu = canaryRuns('p'.repeat(120), {
  from: '2026-11-09T10:00:00Z',
  check: 'deploy-app',
  capability: 'deploy',
  intervalSeconds: 60,
});
// every 5 minutes until 11:40: stale at 12:00 (20 minutes, 4 intervals)
const dnsEu = canaryRuns('pppppppppppppppppppppp', {
  from: '2026-11-09T09:55:00Z',
  check: 'dns-resolve',
  capability: 'dns',
  intervalMs: 5 * 60_000,
  intervalSeconds: 300,
});

const searchPods = {
  ...usageEvent({
    hour: 7 * 24,
    cluster: US,
    namespace: 'search',
    controller: 'search-api',
  }),
  subject: {
    kind: 'kubernetes-id',
    name: 'search-api',
    cluster: US,
    namespace: 'search',
  },
};

describe.each(databases.eachSupportedId())('CanaryService status (%s)', id => {
  const user = mockCredentials.user('user:default/bob');

  async function setup(config?: any) {
    const h = await createCanaryHarness({
      knex: await databases.init(id as TestDatabaseId),
      catalog: entities as any,
      config,
      visible: (caller, ref) =>
        !(caller === 'user:default/alice' && ref.endsWith('/us-cluster')),
    });
    await h.send([
      ...ingressEu,
      ...ingressUs,
      ...ingressAp,
      ...deployEu,
      ...dnsEu,
    ]);
    return h;
  }

  it('gives a component its verdict, matrix, uptime and p95 from the roll-ups, and what is platform-wide', async () => {
    const h = await setup();
    const s = await h.canary.getStatus(
      { entityRef: 'payments-api', window: '1h' },
      user,
    );
    expect(s).toMatchObject({
      entityRef: 'component:default/payments-api',
      scope: 'component',
      generatedAt: '2026-11-09T12:00:00.000Z',
      window: {
        key: '1h',
        from: '2026-11-09T11:00:00.000Z',
        to: '2026-11-09T13:00:00.000Z',
      },
      clusters: [EU],
      clusterSource: 'annotation',
      uncoveredClusters: [],
    });
    // ingress is critical and down in its only cluster
    expect(s.verdict).toEqual({
      verdict: 'down',
      downCapabilities: ['ingress'],
      reasons: [
        {
          cluster: EU,
          check: 'dns-resolve',
          capability: 'dns',
          display: 'stale',
        },
        {
          cluster: EU,
          check: 'ingress-http',
          capability: 'ingress',
          display: 'down',
        },
      ],
      latestRunAt: '2026-11-09T11:59:00.000Z',
      checks: 3,
    });
    expect(s.matrix).toHaveLength(1);
    expect(s.matrix[0].cluster).toBe(EU);
    expect(s.matrix[0].clusterEntityRef).toBe(
      'resource:default/prod-eu-west-1',
    );
    expect(s.matrix[0].cells.map(c => [c.capability, c.display])).toEqual([
      ['deploy', 'up'],
      ['dns', 'stale'],
      ['ingress', 'down'],
      ['certificates', 'unknown'],
      ['metrics', 'unknown'],
      ['logs', 'unknown'],
    ]);
    const ingress = s.matrix[0].cells[2].checks[0];
    expect(ingress).toMatchObject({
      check: 'ingress-http',
      state: 'down',
      since: '2026-11-09T11:59:00.000Z',
      consecutiveFailures: 3,
      platformWide: true,
      intervalMs: 60_000,
      lastOutcome: 'fail',
    });
    // 11:00–11:59: 57 passes, 3 fails
    expect(ingress.stats.uptime).toBeCloseTo(57 / 60, 12);
    const model = canaryWindowStats(
      rollUpCanaryHours(asRuns(ingressEu)),
      canaryWindow('1h', '2026-11-09T12:00:00.000Z'),
    );
    expect(ingress.stats).toEqual({
      runs: model.runs,
      passes: model.passes,
      failures: model.failures,
      errors: model.errors,
      maintenanceRuns: model.maintenanceRuns,
      uptime: model.uptime,
      p95DurationMs: model.p95DurationMs,
    });
    expect(ingress.recent).toHaveLength(30);
    expect(ingress.recent.slice(-3).map(r => r.outcome)).toEqual([
      'fail',
      'fail',
      'fail',
    ]);
    expect(s.failing).toEqual([
      {
        cluster: EU,
        check: 'ingress-http',
        capability: 'ingress',
        since: '2026-11-09T11:59:00.000Z',
        consecutiveFailures: 3,
        stale: false,
        platformWide: true,
      },
    ]);
    expect(s.platformWide).toEqual([
      {
        check: 'ingress-http',
        capability: 'ingress',
        clustersDown: [EU, US],
        clustersRunning: 3,
      },
    ]);

    // the 24h window holds 10:00 too: two hours of ingress
    const day = await h.canary.getStatus(
      { entityRef: 'payments-api', window: '24h' },
      user,
    );
    expect(day.matrix[0].cells[2].checks[0].stats.runs).toBe(120);
    expect(day.matrix[0].cells[2].checks[0].stats.uptime).toBeCloseTo(
      117 / 120,
      12,
    );
  });

  it('gives every window the model’s uptime and p95, whole days read from the daily roll-ups', async () => {
    const h = await createCanaryHarness({
      knex: await databases.init(id as TestDatabaseId),
      catalog: entities as any,
      now: new Date('2026-11-09T14:37:00Z'),
    });
    // every 20 minutes for 9 days: outcomes and durations that vary
    const letters = 'ppppfptpppeppppfpppp';
    const pattern = Array.from(
      { length: 9 * 72 },
      (_, i) => letters[(i * 7) % letters.length],
    ).join('');
    const runs = canaryRuns(pattern, {
      from: '2026-10-31T14:00:00Z',
      intervalMs: 20 * 60_000,
      check: 'logs-ship',
      capability: 'logs',
    }).map((e, i) => ({
      ...e,
      data: { ...(e.data as any), durationMs: 50 + ((i * 37) % 400) },
    }));
    for (let i = 0; i < runs.length; i += 100) {
      await h.send(runs.slice(i, i + 100));
    }
    const hours = rollUpCanaryHours(asRuns(runs as any));
    for (const key of ['1h', '24h', '7d', '30d'] as const) {
      const s = await h.canary.getStatus(
        { entityRef: 'payments-api', window: key },
        user,
      );
      const model = canaryWindowStats(
        hours,
        canaryWindow(key, '2026-11-09T14:37:00.000Z'),
      );
      expect(model.runs).toBeGreaterThan(0);
      expect([key, s.matrix[0].cells[5].checks[0].stats]).toEqual([
        key,
        {
          runs: model.runs,
          passes: model.passes,
          failures: model.failures,
          errors: model.errors,
          maintenanceRuns: model.maintenanceRuns,
          uptime: model.uptime,
          p95DurationMs: model.p95DurationMs,
        },
      ]);
    }
    const days = await h.knex('canary_days').where({ check_name: 'logs-ship' });
    expect(days).toHaveLength(10);
  });

  it('reads staleness at request time', async () => {
    const h = await setup();
    const deploy = async () =>
      (await h.canary.getStatus({ entityRef: 'payments-api' }, user)).matrix[0]
        .cells[0].checks[0];
    expect(await deploy()).toMatchObject({ stale: false, display: 'up' });
    // its interval is 60 s: two intervals after 11:59 it is stale
    h.setNow(new Date('2026-11-09T12:00:59.999Z'));
    expect((await deploy()).stale).toBe(false);
    h.setNow(new Date('2026-11-09T12:01:00.000Z'));
    expect(await deploy()).toMatchObject({
      stale: true,
      display: 'stale',
      state: 'up',
    });
  });

  it('shows a cluster Resource all its checks, by the cluster name it carries', async () => {
    const h = await setup();
    const s = await h.canary.getStatus(
      { entityRef: 'resource:default/us-cluster' },
      user,
    );
    expect(s).toMatchObject({
      scope: 'cluster',
      clusters: [US],
      clusterSource: 'resource',
    });
    expect(s.matrix[0].clusterEntityRef).toBe('resource:default/us-cluster');
    expect(s.matrix[0].cells.flatMap(c => c.checks.map(k => k.check))).toEqual([
      'ingress-http',
    ]);
    expect(s.verdict.verdict).toBe('down');
    // alice cannot see the Resource: a 404, like an unknown entity
    await expect(
      h.canary.getStatus(
        { entityRef: 'resource:default/us-cluster' },
        mockCredentials.user('user:default/alice'),
      ),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('finds the clusters of a component without a cluster list where its pods were seen, and says when it cannot', async () => {
    const h = await setup();
    await h.send([searchPods]);
    const search = await h.canary.getStatus({ entityRef: 'search-api' }, user);
    expect(search).toMatchObject({
      clusters: [US],
      clusterSource: 'events',
    });
    expect(search.verdict.verdict).toBe('down');
    const orphan = await h.canary.getStatus({ entityRef: 'orphan' }, user);
    expect(orphan).toMatchObject({
      clusters: [],
      clusterSource: 'none',
      matrix: [],
      verdict: { verdict: 'unknown', checks: 0 },
    });
    // a week later the pods are too old to say where it runs
    h.setNow(new Date('2026-11-17T00:00:00.000Z'));
    expect(
      (await h.canary.getStatus({ entityRef: 'search-api' }, user))
        .clusterSource,
    ).toBe('none');
  });

  it('leaves a check in maintenance out of the verdict and platform-wide', async () => {
    const h = await setup({
      maintenance: [
        {
          clusters: [US],
          capabilities: ['ingress'],
          from: '2026-11-09T11:58:30Z',
          to: '2026-11-09T13:00:00Z',
        },
      ],
    });
    const s = await h.canary.getStatus({ entityRef: 'ledger-service' }, user);
    const ingress = s.matrix[0].cells[2].checks[0];
    // the runs at 11:59 were in maintenance: skipped, so ingress is still up
    expect(ingress).toMatchObject({
      display: 'maintenance',
      inMaintenance: true,
      state: 'up',
      consecutiveFailures: 2,
    });
    expect(ingress.stats.maintenanceRuns).toBe(1);
    expect(s.verdict.verdict).toBe('unknown');
    expect(s.maintenance).toHaveLength(1);
    const eu = await h.canary.getStatus({ entityRef: 'payments-api' }, user);
    expect(eu.platformWide).toEqual([]);
    expect(eu.failing[0].platformWide).toBe(false);
  });

  it('rejects a Group and other kinds for the status', async () => {
    const h = await setup();
    await expect(
      h.canary.getStatus({ entityRef: 'group:default/team-payments' }, user),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/a Group has no clusters/),
    });
    await expect(
      h.canary.getStatus({ entityRef: 'api:default/payments-openapi' }, user),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/not api:default\/payments-openapi/),
    });
  });
});
