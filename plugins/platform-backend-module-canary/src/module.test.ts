import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { StoredEvent } from '@goldenpath/plugin-platform-common';
import { startPlatformTestBackend } from '@goldenpath/plugin-platform-node/testUtils';
// The real platform backend, as an app adds it: a devDependency, since a
// module must not import its plugin at runtime.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import platformBackend from '@goldenpath/plugin-platform-backend';
import { JsonObject } from '@backstage/types';
import { fixture, startFakeApiServer } from './__testUtils__/fakeApiServer';
import { startHttpServer } from './__testUtils__/localServers';
import { KUBERHEALTHY_PATHS } from './kuberhealthy/types';
import { ROLLOUT_PATHS } from './rollouts/types';
import platformModuleCanarySources, {
  KUBERHEALTHY_TASK_ID,
  ROLLOUTS_TASK_ID,
  canaryCheckTaskId,
} from './index';

jest.setTimeout(60_000);

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'prod-eu', namespace: 'default' },
    spec: { type: 'kubernetes-cluster', owner: 'team-platform' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': 'checkout' },
    },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
  },
];

describe('platformModuleCanarySources', () => {
  let closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(closers.map(close => close()));
    closers = [];
  });

  const start = (canary: JsonObject, kubernetes?: JsonObject) =>
    startPlatformTestBackend({
      features: [
        platformBackend,
        platformModuleCanarySources,
        catalogServiceMock.factory({ entities }),
      ],
      platform: { canary },
      config: kubernetes ? { kubernetes } : {},
    });

  it('runs configured checks into the real intake, linked to the cluster Resource', async () => {
    const app = await startHttpServer((_req, res) => {
      res.writeHead(503);
      res.end('no healthy upstream');
    });
    closers.push(app.close);
    const { tasks, listEvents } = await start({
      clusters: [
        {
          name: 'prod-eu',
          checks: [
            {
              name: 'ingress-http',
              capability: 'ingress',
              type: 'http',
              url: `${app.url}/healthz`,
              interval: 30,
              timeout: 5,
            },
          ],
        },
      ],
    });
    const task = tasks.get(canaryCheckTaskId('prod-eu', 'ingress-http'));
    expect(task).toMatchObject({
      scope: 'global',
      frequency: { milliseconds: 30_000 },
    });
    expect(tasks.has(KUBERHEALTHY_TASK_ID)).toBe(false);
    expect(tasks.has(ROLLOUTS_TASK_ID)).toBe(false);

    await task!.fn(new AbortController().signal);
    const [event] = await listEvents({ type: 'canary.run' });
    expect(event).toMatchObject({
      source: 'canary-runner',
      type: 'canary.run',
      entityRef: 'resource:default/prod-eu',
      data: {
        cluster: 'prod-eu',
        check: 'ingress-http',
        outcome: 'fail',
        errors: [`GET ${app.url}/healthz returned 503, expected 200`],
        intervalSeconds: 30,
        trigger: 'schedule',
      },
    });
  });

  it('answers Run now from the platform backend with a manual run of its check', async () => {
    const app = await startHttpServer((_req, res) => {
      res.writeHead(200);
      res.end('ok');
    });
    closers.push(app.close);
    const { baseUrl, listEvents } = await start({
      clusters: [
        {
          name: 'prod-eu',
          checks: [
            {
              name: 'ingress-http',
              capability: 'ingress',
              type: 'http',
              url: `${app.url}/healthz`,
              interval: 60,
              timeout: 5,
            },
          ],
        },
      ],
    });
    const runNow = (check: string) =>
      fetch(`${baseUrl}/canary/clusters/prod-eu/checks/${check}/run`, {
        method: 'POST',
        headers: { Authorization: mockCredentials.user.header() },
      });

    expect((await runNow('no-such-check')).status).toBe(404);
    expect((await runNow('ingress-http')).status).toBe(202);
    let runs: StoredEvent[] = [];
    for (let i = 0; i < 50 && runs.length === 0; i++) {
      await new Promise(resolve => setTimeout(resolve, 100));
      runs = await listEvents({ type: 'canary.run' });
    }
    expect(runs).toHaveLength(1);
    expect(runs[0].data).toMatchObject({
      cluster: 'prod-eu',
      check: 'ingress-http',
      outcome: 'pass',
      trigger: 'manual',
    });
  });

  it('reads Kuberhealthy and Argo Rollouts from the clusters of the Kubernetes config', async () => {
    const api = await startFakeApiServer({
      [KUBERHEALTHY_PATHS.v3HealthChecks]: fixture(
        'kuberhealthy/v3-healthchecks.json',
      ),
      [ROLLOUT_PATHS.rollouts]: fixture('rollouts/rollouts.json'),
      [ROLLOUT_PATHS.analysisRun('payments', 'checkout-7d9f8b6c5d-12-2')]:
        fixture('rollouts/analysisrun-checkout.json'),
    });
    closers.push(api.close);
    const { tasks, listEvents } = await start(
      {
        kuberhealthy: { capabilities: { 'kuberhealthy/deployment': 'deploy' } },
        rollouts: {},
      },
      {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'prod-eu',
                url: api.url,
                authProvider: 'serviceAccount',
                serviceAccountToken: 'sa-token',
              },
              {
                name: 'gke-prod',
                url: 'https://gke.example.com',
                authProvider: 'google',
              },
            ],
          },
        ],
      },
    );
    await tasks.get(KUBERHEALTHY_TASK_ID)!.fn(new AbortController().signal);
    await tasks.get(ROLLOUTS_TASK_ID)!.fn(new AbortController().signal);

    const runs = await listEvents({ type: 'canary.run' });
    expect(runs.map(r => r.source).sort()).toEqual([
      'kuberhealthy/prod-eu',
      'kuberhealthy/prod-eu',
    ]);
    expect(runs.every(r => r.entityRef === 'resource:default/prod-eu')).toBe(
      true,
    );
    const rollouts = await listEvents({
      type: 'rollout.updated',
      entityRef: 'component:default/checkout',
    });
    expect(rollouts).toHaveLength(1);
    expect(rollouts[0]).toMatchObject({
      data: { name: 'checkout', step: 2, desiredWeight: 10, actualWeight: 10 },
    });
    expect(
      api.requests.every(r => r.headers.authorization === 'Bearer sa-token'),
    ).toBe(true);
  });

  it('starts with nothing configured, and refuses a bad check at startup', async () => {
    const { tasks } = await start({});
    const ours = [...tasks.keys()].filter(
      id =>
        id.startsWith('platform-canary-check:') ||
        id === KUBERHEALTHY_TASK_ID ||
        id === ROLLOUTS_TASK_ID,
    );
    expect(ours).toEqual([]);
    await expect(
      start({
        clusters: [
          {
            name: 'prod-eu',
            checks: [{ name: 'x', capability: 'web', type: 'http' }],
          },
        ],
      }),
    ).rejects.toThrow(
      'platform.canary.clusters[0].checks[0].capability "web" is not a capability',
    );
  });
});
